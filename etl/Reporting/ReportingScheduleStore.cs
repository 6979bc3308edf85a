using System.Data.Common;
using Bhyt.Etl.Loading;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Reporting;

/// <summary>
/// Keeps the expected reports (<c>etl.reporting_expectation</c>) of the loaded schedules. A schedule file replaces the
/// expectations of the plans it names (by <see cref="ScheduleLine.Name"/>) and leaves other plans alone, in one
/// transaction with its submission record: a plan is never half replaced.
/// </summary>
public sealed class ReportingScheduleStore(IWarehouseEngine engine, SubmissionStore submissions)
{
    private static readonly string[] Columns =
    [
        "expectation_id", "submission_id", "schedule_name", "schedule_row", "unit_key", "period_label", "period_kind",
        "period_start", "period_end", "annex", "due_date",
    ];

    public async Task<SubmissionRecord> SaveAsync(DbConnection connection, SubmissionRecord submission,
        IReadOnlyList<ReportingExpectation> expected, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var saved = await submissions.InsertSubmissionAsync(connection, transaction, submission, ct);
        foreach (var name in expected.Select(e => e.ScheduleName).Distinct())
            await connection.ExecuteAsync(new CommandDefinition(engine.Sql("DELETE FROM etl.reporting_expectation WHERE schedule_name = @name"),
                new { name }, transaction, cancellationToken: ct));
        var first = await engine.ReserveKeysAsync(connection, transaction, "etl.seq_reporting_expectation", expected.Count, ct);
        await engine.BulkInsertAsync(connection, transaction, "etl.reporting_expectation", Columns, expected.Select((e, i) => new object?[]
        {
            first + i, saved.SubmissionId, e.ScheduleName, e.Row, e.Unit.UnitKey, e.Period.Label, e.Period.Kind.ToString().ToLowerInvariant(),
            e.Period.Start, e.Period.End, e.Form, e.Due,
        }), ct);
        await transaction.CommitAsync(ct);
        return saved;
    }
}
