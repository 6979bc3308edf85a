using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Operations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bhyt.Dashboard.Operations;

/// <summary>
/// While the dashboard runs on an embedded warehouse it announces itself in <see cref="WarehouseOwnerFile"/> beside the
/// file, so that <c>bhyt backup</c> / <c>bhyt export</c> — which cannot open the file the dashboard holds — ask it to do the
/// work; the announcement is withdrawn when the dashboard stops.
/// </summary>
public sealed class WarehouseOwnership(IWarehouseEngine engine, ILogger<WarehouseOwnership> log)
{
    private WarehouseOwnerFile? _announced;

    public bool Accepts(string? token) => Volatile.Read(ref _announced)?.Accepts(token) ?? false;

    public void Announce(IServer server)
    {
        if (engine.Target.Kind != EngineKind.DuckDb) return;
        var url = LoopbackUrl(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        if (url is null) return;
        var owner = WarehouseOwnerFile.ForThisProcess(url);
        owner.Write(engine.Target.Value);
        Volatile.Write(ref _announced, owner);
        log.LogInformation("Warehouse owner announced in {File} for bhyt backup/export", WarehouseOwnerFile.PathFor(engine.Target.Value));
    }

    public void Withdraw() => _announced?.Delete(engine.Target.Value);

    /// <summary>An address of this server that a process on the same machine can reach: http first, wildcards as 127.0.0.1.</summary>
    internal static string? LoopbackUrl(IEnumerable<string> addresses)
    {
        var candidates = addresses.Select(a => a.Replace("://+:", "://127.0.0.1:").Replace("://*:", "://127.0.0.1:")
                .Replace("://0.0.0.0:", "://127.0.0.1:").Replace("://[::]:", "://127.0.0.1:"))
            .Where(a => Uri.TryCreate(a, UriKind.Absolute, out _)).ToList();
        return candidates.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? candidates.FirstOrDefault();
    }
}
