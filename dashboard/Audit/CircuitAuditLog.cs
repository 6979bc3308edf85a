using System.Security.Claims;
using Bhyt.Etl.Audit;
using Microsoft.AspNetCore.Components.Authorization;

namespace Bhyt.Dashboard.Audit;

/// <summary>The <see cref="IAuditLog"/> of one page: the user and role of its session, the address its circuit opened from.</summary>
public sealed class CircuitAuditLog(AuditTrail trail, AuthenticationStateProvider authentication, ClientAddress address) : IAuditLog
{
    public async Task RecordAsync(string action, string outcome, string? subject = null, string? detail = null, long? rows = null,
        TimeSpan? duration = null)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        await trail.AppendAsync(new AuditEvent(action, outcome, user.Identity?.Name ?? "")
        {
            UserRole = user.FindFirst(ClaimTypes.Role)?.Value, ClientAddress = address.Value, Subject = subject, Detail = detail,
            RowCount = rows, DurationMs = duration is { } d ? (long)d.TotalMilliseconds : null,
        });
    }
}
