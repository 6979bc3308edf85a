using Bhyt.Dashboard.Audit;
using Bhyt.Etl.Audit;
using Bhyt.Warehouse.Engines;
using Microsoft.AspNetCore.Components.Authorization;

namespace Bhyt.Dashboard.Tests.Support;

/// <summary>The audit log a page of <paramref name="user"/> would write to, over a real warehouse.</summary>
internal static class Audited
{
    public static IAuditLog Over(IWarehouseEngine engine, AuthenticationStateProvider user, string? address = null) =>
        new CircuitAuditLog(new AuditTrail(engine), user, new ClientAddress { Value = address });
}

/// <summary>For tests of other behaviour that have no warehouse: what the service records is not looked at.</summary>
internal sealed class NoAudit : IAuditLog
{
    public static readonly NoAudit Instance = new();

    public Task RecordAsync(string action, string outcome, string? subject = null, string? detail = null, long? rows = null, TimeSpan? duration = null) =>
        Task.CompletedTask;
}
