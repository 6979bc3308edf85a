using Bhyt.Warehouse.Units.Scope;

namespace Bhyt.Warehouse.Queries;

/// <summary>One row of <c>rpt.figure_candidates</c>: a figure read from running text, its sentence and its review.</summary>
public sealed record FigureCandidateRow(
    long CandidateId, long SubmissionId, string? FileName, string Location, string? UnitCode, string? PeriodLabel, string? IndicatorCode,
    string? IndicatorName, string ValueKind, decimal Value, string? ValueUnit, string ValueText, decimal Confidence, string Sentence,
    int SpanStart, int SpanLength, string Status, string? ReviewedBy, DateTime? ReviewedAt, long? AcceptedSubmissionId)
{
    public string StatusVi => Status switch
    {
        "open" => "Chờ duyệt",
        "accepted" => "Đã chấp nhận",
        "rejected" => "Đã loại",
        _ => Status,
    };

    /// <summary>The sentence in three parts around the number (before, the number as written, after), for highlighting.</summary>
    public (string Before, string Number, string After) Parts
    {
        get
        {
            var start = Math.Clamp(SpanStart, 0, Sentence.Length);
            var end = Math.Clamp(SpanStart + SpanLength, start, Sentence.Length);
            return (Sentence[..start], Sentence[start..end], Sentence[end..]);
        }
    }
}

/// <summary>
/// The review list of figures read from running text, from <c>rpt.figure_candidates</c>; a caller limited to a scope
/// (<see cref="IUnitAccessSource"/>) reads the candidates of units in it only.
/// </summary>
public sealed class FigureCandidateQueries(ReportingDb db, IUnitAccessSource? access = null)
{
    private readonly IUnitAccessSource _access = access ?? FixedUnitAccess.Country;

    /// <summary>Candidates with <paramref name="status"/> (all when null) of <paramref name="unitCode"/> (all in scope when null), most confident first.</summary>
    public async Task<List<FigureCandidateRow>> ListAsync(string? status, string? unitCode, int limit, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters(new { status = status ?? "", unitCode = unitCode ?? "" });
        var scope = (await _access.CurrentAsync(ct)).CodePredicate("unit_code", parameters);
        return await db.QueryAsync($"""
            SELECT candidate_id, submission_id, file_name, location, unit_code, period_label, indicator_code, indicator_name, value_kind, value,
                   value_unit, value_text, confidence, sentence, span_start, span_length, status, reviewed_by, reviewed_at, accepted_submission_id
            FROM rpt.figure_candidates
            WHERE (@status = '' OR status = @status) AND (@unitCode = '' OR unit_code = @unitCode) AND {scope}
            ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, confidence DESC, candidate_id
            {db.Limit(limit)}
            """, parameters,
            r => new FigureCandidateRow(ReportingDb.Integer(r, 0), ReportingDb.Integer(r, 1), ReportingDb.Text(r, 2), r.GetString(3), ReportingDb.Text(r, 4),
                ReportingDb.Text(r, 5), ReportingDb.Text(r, 6), ReportingDb.Text(r, 7), r.GetString(8), Convert.ToDecimal(r.GetValue(9)), ReportingDb.Text(r, 10),
                r.GetString(11), Convert.ToDecimal(r.GetValue(12)), r.GetString(13), (int)ReportingDb.Integer(r, 14), (int)ReportingDb.Integer(r, 15),
                r.GetString(16), ReportingDb.Text(r, 17), ReportingDb.NullableDate(r, 18), r.IsDBNull(19) ? null : ReportingDb.Integer(r, 19)), ct);
    }

    /// <summary>Whether the candidate exists and is in the caller's scope (checked before it is accepted or rejected).</summary>
    public async Task<bool> IsVisibleAsync(long candidateId, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters(new { id = candidateId });
        var scope = (await _access.CurrentAsync(ct)).CodePredicate("unit_code", parameters);
        return (await db.QueryAsync($"SELECT candidate_id FROM rpt.figure_candidates WHERE candidate_id = @id AND {scope}", parameters,
            r => ReportingDb.Integer(r, 0), ct)).Count > 0;
    }
}
