using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// Reads what an annex shows from the <c>rpt</c> views: the current figures of some units, periods and indicators with
/// their sources (<c>rpt.indicator_history</c> where current, <c>rpt.sources</c> for publications), and the validation
/// warnings on the submissions those figures came from. Values the warehouse computed itself (<c>source = 'derived'</c>)
/// are left out: an annex states what was reported, published or counted from claims, and a warehouse loading the annex
/// computes the same values again. A period is matched by its label: a range reported as a range
/// is shown as reported, and yearly figures are never summed into it.
/// </summary>
public sealed class AnnexQuery(IWarehouseEngine engine)
{
    private sealed record Row(string UnitCode, string PeriodLabel, string IndicatorCode, string ValueKind, decimal Value, string Source,
        string? SourceRef, string? FileName, string? SourceLocation, long? SubmissionId, DateTime LoadedAt);

    /// <summary>A validation warning on a figure the annex may show.</summary>
    public sealed record Warning(long SubmissionId, string UnitCode, string IndicatorCode, string? PeriodLabel, string Text);

    public async Task<(IReadOnlyList<AnnexFigure> Figures, IReadOnlyList<Warning> Warnings)> ReadAsync(
        IReadOnlyCollection<string> unitCodes, IReadOnlyCollection<string> periodLabels, IReadOnlyCollection<string> indicatorCodes, CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(engine.Sql("""
            SELECT unit_code AS UnitCode, period_label AS PeriodLabel, indicator_code AS IndicatorCode, value_kind AS ValueKind, value AS Value,
                   source AS Source, source_ref AS SourceRef, file_name AS FileName, source_location AS SourceLocation,
                   submission_id AS SubmissionId, loaded_at AS LoadedAt
            FROM rpt.indicator_history
            WHERE is_current AND source <> 'derived' AND unit_code IN @unitCodes AND period_label IN @periodLabels AND indicator_code IN @indicatorCodes
            """), new { unitCodes, periodLabels, indicatorCodes }, cancellationToken: ct))).ToList();
        var publications = await PublicationsAsync(connection, ct);
        var figures = rows
            .GroupBy(r => (r.UnitCode, r.PeriodLabel, r.IndicatorCode, r.ValueKind))
            .Select(g => g.OrderBy(r => SourceRank(r.Source)).ThenByDescending(r => r.LoadedAt).First())
            .Select(r => new AnnexFigure(r.UnitCode, r.PeriodLabel, r.IndicatorCode, r.ValueKind, r.Value, SourceText(r, publications)))
            .ToList();
        var submissions = rows.Where(r => r.SubmissionId is not null).Select(r => r.SubmissionId!.Value).Distinct().ToList();
        return (figures, await WarningsAsync(connection, submissions, unitCodes, indicatorCodes, ct));
    }

    // Reported before computed: a figure a locality or a publication stated is what the annex shows.
    private static int SourceRank(string source) => source switch { "submission" => 0, "published" => 1, "claims" => 2, _ => 3 };

    private static string SourceText(Row row, IReadOnlyDictionary<string, string> publications) => row.Source switch
    {
        "published" => $"Công bố: {(row.SourceRef is { } id && publications.TryGetValue(id, out var title) ? title : row.SourceRef ?? row.FileName)}",
        "claims" => "Tính từ hồ sơ KCB (dữ liệu giám định), không phải số báo cáo",
        _ => $"Bản nộp {row.FileName}" + (row.SourceLocation is { Length: > 0 } at ? $", {at}" : ""),
    };

    private async Task<IReadOnlyDictionary<string, string>> PublicationsAsync(DbConnection connection, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(string Id, string? Title, string? Publisher)>(new CommandDefinition(
            "SELECT source_id, title, publisher FROM rpt.sources", cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => string.Join(", ", new[] { r.Title ?? r.Id, r.Publisher }.Where(t => !string.IsNullOrWhiteSpace(t))));
    }

    private async Task<IReadOnlyList<Warning>> WarningsAsync(DbConnection connection, IReadOnlyCollection<long> submissions,
        IReadOnlyCollection<string> unitCodes, IReadOnlyCollection<string> indicatorCodes, CancellationToken ct)
    {
        if (submissions.Count == 0) return [];
        var rows = await connection.QueryAsync<(long SubmissionId, string FileName, string? Location, string Rule, string Message, string UnitCode, string IndicatorCode, string? PeriodLabel)>(
            new CommandDefinition(engine.Sql("""
                SELECT submission_id, file_name, location, rule, message, unit_code, indicator_code, period_label
                FROM rpt.validation_issues
                WHERE severity = 'warning' AND submission_id IN @submissions AND unit_code IN @unitCodes AND indicator_code IN @indicatorCodes
                ORDER BY submission_id, location
                """), new { submissions, unitCodes, indicatorCodes }, cancellationToken: ct));
        return rows.Select(r => new Warning(r.SubmissionId, r.UnitCode, r.IndicatorCode, r.PeriodLabel,
            $"{r.Message} [{r.Rule}] ({r.FileName}{(r.Location is { Length: > 0 } l ? $", {l}" : "")})")).ToList();
    }
}
