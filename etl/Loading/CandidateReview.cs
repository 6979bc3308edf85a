using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Bhyt.Etl.Parsing;
using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Periods;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;
using Dapper;

namespace Bhyt.Etl.Loading;

/// <summary>
/// An analyst's decision on a figure read from running text. Accepting loads the (corrected) figure as a new submission
/// of kind <c>review</c> through <see cref="SubmissionStore"/> (bounds, consistency and jump checks, supersession, derived
/// series), its source text the sentence and its location the candidate; rejecting only records who and when. Who may
/// decide is the caller's check (the dashboard's service); this class records the name it is given.
/// </summary>
public sealed class CandidateReview(IWarehouseEngine engine)
{
    public const string Kind = "review";

    private readonly IndicatorCatalog _catalog = IndicatorCatalog.Bundled;
    private readonly SubmissionStore _store = new(engine);

    private sealed record Row(long CandidateId, long SubmissionId, string Location, string? UnitCode, string? PeriodLabel, string? IndicatorCode,
        string ValueKind, decimal Value, string ValueText, string Sentence, string Status, string? FileName, string? SourceId);

    /// <summary>Loads the candidate's figure, corrected, as a new submission; returns it. Refused when the candidate is not open or its reading is incomplete or impossible.</summary>
    public async Task<SubmissionRecord> AcceptAsync(long candidateId, CandidateCorrection correction, string reviewer, CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        var row = await OpenRowAsync(connection, candidateId, ct);
        var figure = Resolve(row, correction, await UnitDirectory.LoadAsync(engine, ct));

        var issues = ConsistencyRules.Check([figure], _catalog).ToList();
        issues.AddRange(new JumpCheck(JumpCheck.DefaultBound).Check([figure], await _store.CurrentValuesAsync(connection, [figure.Unit.UnitKey], ct)));
        // Claimed first, so that a second reviewer of the same candidate cannot load it twice.
        await SetStatusAsync(connection, candidateId, "accepted", reviewer, correction, row, ct);
        try
        {
            var record = new SubmissionRecord(0, Cut($"{row.FileName ?? "tài liệu"} · ứng viên #{candidateId}", 500), Sha256(candidateId, figure),
                Kind, figure.Unit.UnitKey, figure.Unit.UnitCode, "loaded", 1, 0, issues.Count, null,
                Cut($"Số liệu trong văn bản, {reviewer} duyệt: «{row.Sentence}»", 2000), row.SourceId);
            var saved = await _store.SaveAsync(connection, record, [figure], issues, ct);
            await connection.ExecuteAsync(new CommandDefinition(engine.Sql(
                "UPDATE etl.figure_candidate SET accepted_submission_id = @id WHERE candidate_id = @candidateId"),
                new { id = saved.SubmissionId, candidateId }, cancellationToken: ct));
            return saved;
        }
        catch
        {
            await connection.ExecuteAsync(new CommandDefinition(engine.Sql(
                "UPDATE etl.figure_candidate SET status = 'open', reviewed_by = NULL, reviewed_at = NULL WHERE candidate_id = @candidateId"),
                new { candidateId }, cancellationToken: CancellationToken.None));
            throw;
        }
    }

    /// <summary>Marks an open candidate rejected by <paramref name="reviewer"/>; nothing is loaded.</summary>
    public async Task RejectAsync(long candidateId, string reviewer, CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        var row = await OpenRowAsync(connection, candidateId, ct);
        await SetStatusAsync(connection, candidateId, "rejected", reviewer, new CandidateCorrection(), row, ct);
    }

    private async Task<Row> OpenRowAsync(DbConnection connection, long candidateId, CancellationToken ct)
    {
        var row = await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(engine.Sql("""
            SELECT c.candidate_id AS CandidateId, c.submission_id AS SubmissionId, c.location AS Location, c.unit_code AS UnitCode,
                   c.period_label AS PeriodLabel, c.indicator_code AS IndicatorCode, c.value_kind AS ValueKind, c.value AS Value,
                   c.value_text AS ValueText, c.sentence AS Sentence, c.status AS Status, s.file_name AS FileName, s.source_id AS SourceId
            FROM etl.figure_candidate c LEFT JOIN etl.submission s ON s.submission_id = c.submission_id
            WHERE c.candidate_id = @candidateId
            """), new { candidateId }, cancellationToken: ct))
            ?? throw new ReviewRefusedException($"Không có ứng viên số liệu #{candidateId}. [review.not_found]");
        if (row.Status != "open")
            throw new ReviewRefusedException($"Ứng viên số liệu #{candidateId} đã được duyệt ({row.Status}). [review.not_open]");
        return row;
    }

    private Figure Resolve(Row row, CandidateCorrection correction, UnitDirectory units)
    {
        var where = $"ứng viên #{row.CandidateId}";
        var periodLabel = Blank(correction.PeriodLabel) ?? row.PeriodLabel
            ?? throw Refused(where, "chưa có kỳ báo cáo; hãy nhập kỳ (ví dụ 2023, 2023-06, 31/12/2023)", "review.period_missing");
        if (!PeriodHeader.TryParse(periodLabel, out var period))
            throw Refused(where, $"không đọc được kỳ '{periodLabel}'", "review.period_unreadable");
        var code = Blank(correction.IndicatorCode) ?? row.IndicatorCode
            ?? throw Refused(where, "chưa có chỉ tiêu; hãy chọn chỉ tiêu", "review.indicator_missing");
        var indicator = _catalog.Find(code) ?? throw Refused(where, $"chỉ tiêu '{code}' không có trong danh mục", "review.indicator_unknown");
        var unitCode = Blank(correction.UnitCode) ?? row.UnitCode
            ?? throw Refused(where, "chưa có đơn vị; hãy nhập mã đơn vị", "review.unit_missing");
        var unit = units.FindByCode(unitCode, FigureResolver.AsOf(period)) ?? units.Units.FirstOrDefault(u => u.UnitCode == unitCode)
            ?? throw Refused(where, $"mã đơn vị '{unitCode}' không có trong danh mục", "review.unit_unknown");
        var kind = Blank(correction.ValueKind) ?? row.ValueKind;
        if (kind is not (Figure.Actual or Figure.Target)) throw Refused(where, $"loại số liệu '{kind}' không hợp lệ (actual|target)", "review.kind");
        var (value, error) = ValueBounds.Check(indicator, correction.Value ?? row.Value, where, row.ValueText);
        if (error is not null) throw new ReviewRefusedException($"{where}: {error.Message} [{error.Rule}]");
        return new Figure(unit, period, indicator, kind, value!.Value, new SourceCell($"{where} ({row.FileName}, {row.Location})", row.Sentence));
    }

    private async Task SetStatusAsync(DbConnection connection, long candidateId, string status, string reviewer, CandidateCorrection correction, Row row,
        CancellationToken ct)
    {
        var changed = await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
            UPDATE etl.figure_candidate
            SET status = @status, reviewed_by = @reviewer, reviewed_at = @now, corrected_unit_code = @unit, corrected_period_label = @period,
                corrected_indicator_code = @indicator, corrected_value_kind = @kind, corrected_value = @value
            WHERE candidate_id = @candidateId AND status = 'open'
            """), new
        {
            status, reviewer = Cut(reviewer, 100), now = DateTime.UtcNow, candidateId,
            unit = Changed(correction.UnitCode, row.UnitCode), period = Changed(correction.PeriodLabel, row.PeriodLabel),
            indicator = Changed(correction.IndicatorCode, row.IndicatorCode), kind = Changed(correction.ValueKind, row.ValueKind),
            value = correction.Value is { } v && v != row.Value ? v : (decimal?)null,
        }, cancellationToken: ct));
        if (changed == 0) throw new ReviewRefusedException($"Ứng viên số liệu #{candidateId} vừa được người khác duyệt. [review.not_open]");
    }

    private static string Sha256(long candidateId, Figure figure) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"figure_candidate:{candidateId}:{figure.Unit.UnitCode}:{figure.Period.Label}:{figure.Indicator.Code}:{figure.ValueKind}:{figure.Value}:{DateTime.UtcNow.Ticks}")));

    private static ReviewRefusedException Refused(string where, string what, string rule) => new($"{where}: {what}. [{rule}]");
    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    private static string? Changed(string? corrected, string? original) => Blank(corrected) is { } c && c != original ? c : null;
    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
