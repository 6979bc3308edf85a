using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Bhyt.Dashboard.Audit;

/// <summary>
/// Fills <see cref="ClientAddress"/> when a circuit opens: the circuit starts inside its connection's request, the only
/// moment a page can know its HttpContext (later events come over the open connection).
/// </summary>
public sealed class ClientAddressCircuitHandler(ClientAddress address, IHttpContextAccessor http) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        address.Value ??= ClientAddress.Of(http.HttpContext?.Connection.RemoteIpAddress);
        return Task.CompletedTask;
    }
}
