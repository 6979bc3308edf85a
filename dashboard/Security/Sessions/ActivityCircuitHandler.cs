using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Bhyt.Dashboard.Security.Sessions;

/// <summary>Marks the circuit's <see cref="CircuitActivity"/> on every message the browser sends (events, navigation, interop).</summary>
public sealed class ActivityCircuitHandler(CircuitActivity activity) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            activity.Touch();
            return next(context);
        };
}
