using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bhyt.Warehouse.Operations;

/// <summary>
/// <c>&lt;warehouse&gt;.owner.json</c>: written by a long-running host (the dashboard) that keeps an embedded warehouse
/// open, so that <c>bhyt backup</c> and <c>bhyt export</c>, which cannot open the file while the host holds it, ask the
/// host to do the work in its own process. It holds the host's loopback address and a random token that the host's
/// operations endpoints require; owner-only permissions (0600) keep the token to the account that runs the host.
/// </summary>
public sealed record WarehouseOwnerFile(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("pid")] int ProcessId)
{
    public static string PathFor(string warehouseFile) => warehouseFile + ".owner.json";

    /// <summary>A new token for this process at <paramref name="url"/>.</summary>
    public static WarehouseOwnerFile ForThisProcess(string url) =>
        new(url, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), Environment.ProcessId);

    public void Write(string warehouseFile)
    {
        var path = PathFor(warehouseFile);
        var partial = path + ".partial";
        File.Delete(partial);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(partial, options)) JsonSerializer.Serialize(stream, this);
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Removes the file if it is still this process's (a newer host may have replaced it).</summary>
    public void Delete(string warehouseFile)
    {
        if (Read(warehouseFile) is { } current && current.Token == Token) File.Delete(PathFor(warehouseFile));
    }

    /// <summary>The owner of <paramref name="warehouseFile"/> if one announced itself and its process is still alive.</summary>
    public static WarehouseOwnerFile? Read(string warehouseFile)
    {
        try
        {
            var owner = JsonSerializer.Deserialize<WarehouseOwnerFile>(File.ReadAllText(PathFor(warehouseFile)));
            return owner is not null && IsAlive(owner.ProcessId) ? owner : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Constant-time comparison with the token a request presents.</summary>
    public bool Accepts(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(Token));

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
