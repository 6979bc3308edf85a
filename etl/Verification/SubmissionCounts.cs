namespace Bhyt.Etl.Verification;

/// <summary>
/// Every submission's recorded counts match its facts: a claims file's <c>rows_loaded</c> equals its claims still current
/// (<c>dw.fct_claim</c>) plus those replaced since (<c>dw.fct_claim_version</c>); a file of figures has at least one and
/// at most <c>rows_loaded</c> values (a figure stated twice in one file is kept once); a rejected or duplicate file has no
/// facts; a superseded file has no current value. Uses <c>@current</c>.
/// </summary>
public sealed class SubmissionCounts : IVerificationFamily
{
    public const string ClaimCount = "verify.submission.claim_count";
    public const string FigureCount = "verify.submission.figure_count";
    public const string FactsOfUnloaded = "verify.submission.facts_of_unloaded";
    public const string SupersededCurrent = "verify.submission.superseded_current";

    private const string Table = "etl.submission";

    private const string Claims = """
        SELECT x.submission_id, count(*) AS claims
        FROM (SELECT submission_id FROM dw.fct_claim UNION ALL SELECT submission_id FROM dw.fct_claim_version) x
        GROUP BY x.submission_id
        """;

    private const string Figures = """
        SELECT submission_id, count(*) AS figures, sum(CASE WHEN is_current = @current THEN 1 ELSE 0 END) AS current_figures
        FROM dw.fct_indicator_value
        WHERE submission_id IS NOT NULL
        GROUP BY submission_id
        """;

    private const string Name = "'bản nộp ', s.submission_id, ' (', s.file_name, ', ', s.kind, ', ', s.status, ')'";

    public IReadOnlyList<VerificationCheck> Checks { get; } =
    [
        new(ClaimCount, Table, "tệp hồ sơ KCB có rows_loaded khác số hồ sơ trong kho", $"""
            SELECT CONCAT({Name}, ': rows_loaded ', s.rows_loaded, ', trong kho ', coalesce(c.claims, 0), ' hồ sơ') AS offending_key
            FROM {Table} s
            LEFT JOIN ({Claims}) c ON c.submission_id = s.submission_id
            WHERE s.kind = 'claims' AND s.status = 'loaded' AND s.rows_loaded <> coalesce(c.claims, 0)
            ORDER BY s.submission_id
            """),
        new(FigureCount, Table, "tệp số liệu có số giá trị trong kho không khớp rows_loaded", $"""
            SELECT CONCAT({Name}, ': rows_loaded ', s.rows_loaded, ', trong kho ', coalesce(v.figures, 0), ' giá trị') AS offending_key
            FROM {Table} s
            LEFT JOIN ({Figures}) v ON v.submission_id = s.submission_id
            WHERE s.kind NOT IN ('claims', 'facilities', 'schedule') AND s.status IN ('loaded', 'superseded')
              AND (coalesce(v.figures, 0) > s.rows_loaded OR (s.rows_loaded > 0 AND coalesce(v.figures, 0) = 0))
            ORDER BY s.submission_id
            """),
        new(FactsOfUnloaded, Table, "tệp bị từ chối hoặc trùng nhưng vẫn có dữ liệu trong kho", $"""
            SELECT CONCAT({Name}, ': ', coalesce(v.figures, 0), ' giá trị, ', coalesce(c.claims, 0), ' hồ sơ') AS offending_key
            FROM {Table} s
            LEFT JOIN ({Figures}) v ON v.submission_id = s.submission_id
            LEFT JOIN ({Claims}) c ON c.submission_id = s.submission_id
            WHERE s.status IN ('rejected', 'duplicate') AND (v.figures > 0 OR c.claims > 0)
            ORDER BY s.submission_id
            """),
        new(SupersededCurrent, Table, "tệp đã bị thay (superseded) nhưng còn giá trị hiện hành", $"""
            SELECT CONCAT({Name}, ': ', v.current_figures, ' giá trị hiện hành') AS offending_key
            FROM {Table} s
            JOIN ({Figures}) v ON v.submission_id = s.submission_id
            WHERE s.status = 'superseded' AND v.current_figures > 0
            ORDER BY s.submission_id
            """),
    ];
}
