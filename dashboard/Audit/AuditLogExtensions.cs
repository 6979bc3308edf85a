using Bhyt.Etl.Audit;

namespace Bhyt.Dashboard.Audit;

/// <summary>The audit calls with a fixed shape, so every caller records them alike.</summary>
public static class AuditLogExtensions
{
    /// <summary>
    /// One query of the SQL console: its text, the rows it returned and how long it ran; <paramref name="error"/> (the
    /// guard's refusal or the engine's error) makes it a failure, <paramref name="refused"/> a denial.
    /// </summary>
    public static Task RecordConsoleQueryAsync(this IAuditLog audit, string sql, long rows, TimeSpan duration, string? error = null, bool refused = false) =>
        audit.RecordAsync(AuditActions.ConsoleQuery, refused ? AuditOutcomes.Denied : error is null ? AuditOutcomes.Success : AuditOutcomes.Failure,
            subject: null, detail: error is null ? sql : $"{sql}\n-- {error}", rows: rows, duration: duration);

    /// <summary>Runs <paramref name="act"/> and records how it ended, as the overload below; <paramref name="detail"/> is read after a success.</summary>
    public static Task RecordingAsync(this IAuditLog audit, string action, string? subject, Func<Task> act, Func<string?> detail) =>
        audit.RecordingAsync(action, subject, async () =>
        {
            await act();
            return true;
        }, _ => detail());

    /// <summary>
    /// Runs <paramref name="act"/> and records how it ended: success, denied (<see cref="UnauthorizedAccessException"/>) or
    /// failure (<see cref="ArgumentException"/>, <see cref="InvalidOperationException"/>, with the message), the exception
    /// rethrown. <paramref name="detail"/> is read after the act, so it can say what the act found.
    /// </summary>
    public static async Task<T> RecordingAsync<T>(this IAuditLog audit, string action, string? subject, Func<Task<T>> act, Func<T, string?>? detail = null,
        Func<T, string>? outcome = null)
    {
        T result;
        try
        {
            result = await act();
        }
        catch (UnauthorizedAccessException e)
        {
            await audit.RecordAsync(action, AuditOutcomes.Denied, subject, e.Message);
            throw;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            await audit.RecordAsync(action, AuditOutcomes.Failure, subject, e.Message);
            throw;
        }
        await audit.RecordAsync(action, outcome?.Invoke(result) ?? AuditOutcomes.Success, subject, detail?.Invoke(result));
        return result;
    }
}
