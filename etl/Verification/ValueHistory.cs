namespace Bhyt.Etl.Verification;

/// <summary>
/// The history of every figure (<c>dw.fct_indicator_value</c>) is a chain: within one series (unit, period, indicator,
/// kind, source, source_ref, derivation) at most one row is current; a row is superseded only by a later row
/// (<c>superseded_by</c>, a larger <c>value_id</c>, so no chain loops) of the same series; a current row has no successor;
/// a superseded reported figure always names its successor and its series ends in a current row. Computed series
/// (claims, derived) may retire a value without a successor when its inputs are gone (<c>ValueRefresh</c>).
/// Uses the parameters <c>@current</c> and <c>@notCurrent</c>.
/// </summary>
public sealed class ValueHistory : IVerificationFamily
{
    public const string TwoCurrent = "verify.value.two_current";
    public const string CurrentSuperseded = "verify.value.current_superseded";
    public const string BadSuccessor = "verify.value.bad_successor";
    public const string NoSuccessor = "verify.value.no_successor";
    public const string NoCurrent = "verify.value.no_current";

    private const string Table = "dw.fct_indicator_value";

    private const string Series = "f.unit_key, f.period_key, f.indicator_key, f.value_kind, f.source, coalesce(f.source_ref, ''), coalesce(f.derived_from, '')";

    private const string SameSeries = """
        n.unit_key = f.unit_key AND n.period_key = f.period_key AND n.indicator_key = f.indicator_key AND n.value_kind = f.value_kind
          AND n.source = f.source AND coalesce(n.source_ref, '') = coalesce(f.source_ref, '') AND coalesce(n.derived_from, '') = coalesce(f.derived_from, '')
        """;

    // Names a series by its codes (keys when a dimension row is missing, which DimensionReferences reports).
    private const string SeriesName = "u.unit_code, '/', g.unit_key, ' · ', p.label, ' · ', i.code, ' · ', g.value_kind, ' · ', g.source, ' ', g.source_ref";

    private const string SeriesDimensions = """
        LEFT JOIN dw.dim_unit u ON u.unit_key = g.unit_key
        LEFT JOIN dw.dim_period p ON p.period_key = g.period_key
        LEFT JOIN dw.dim_indicator i ON i.indicator_key = g.indicator_key
        """;

    public IReadOnlyList<VerificationCheck> Checks { get; } =
    [
        new(TwoCurrent, Table, "chuỗi số liệu có hơn một giá trị hiện hành (is_current)", $"""
            SELECT CONCAT({SeriesName}, ': ', g.rows_current, ' giá trị hiện hành') AS offending_key
            FROM (SELECT f.unit_key, f.period_key, f.indicator_key, f.value_kind, f.source, max(f.source_ref) AS source_ref, count(*) AS rows_current
                  FROM {Table} f
                  WHERE f.is_current = @current
                  GROUP BY {Series}
                  HAVING count(*) > 1) g
            {SeriesDimensions}
            ORDER BY g.unit_key, g.period_key, g.indicator_key
            """),
        new(NoCurrent, Table, "chuỗi số liệu nộp có giá trị nhưng không còn giá trị hiện hành nào", $"""
            SELECT CONCAT({SeriesName}) AS offending_key
            FROM (SELECT f.unit_key, f.period_key, f.indicator_key, f.value_kind, f.source, max(f.source_ref) AS source_ref
                  FROM {Table} f
                  WHERE f.source = 'submission'
                  GROUP BY {Series}
                  HAVING sum(CASE WHEN f.is_current = @current THEN 1 ELSE 0 END) = 0) g
            {SeriesDimensions}
            ORDER BY g.unit_key, g.period_key, g.indicator_key
            """),
        new(CurrentSuperseded, Table, "giá trị hiện hành nhưng lại ghi superseded_by", $"""
            SELECT CONCAT('value_id ', f.value_id, ' → ', f.superseded_by) AS offending_key
            FROM {Table} f
            WHERE f.is_current = @current AND f.superseded_by IS NOT NULL
            ORDER BY f.value_id
            """),
        new(NoSuccessor, Table, "giá trị nộp đã bị thay nhưng không ghi giá trị thay thế (superseded_by)", $"""
            SELECT CONCAT('value_id ', f.value_id) AS offending_key
            FROM {Table} f
            WHERE f.is_current = @notCurrent AND f.source = 'submission' AND f.superseded_by IS NULL
            ORDER BY f.value_id
            """),
        new(BadSuccessor, Table, "giá trị bị thay bởi một dòng không tồn tại, khác chuỗi hoặc không mới hơn (vòng lặp)", $"""
            SELECT CONCAT('value_id ', f.value_id, ' → ', f.superseded_by,
                          CASE WHEN n.value_id IS NULL THEN ' (không tồn tại)' WHEN n.value_id <= f.value_id THEN ' (không mới hơn)' ELSE ' (khác chuỗi)' END) AS offending_key
            FROM {Table} f
            LEFT JOIN {Table} n ON n.value_id = f.superseded_by
            WHERE f.superseded_by IS NOT NULL
              AND (n.value_id IS NULL OR n.value_id <= f.value_id OR NOT ({SameSeries}))
            ORDER BY f.value_id
            """),
    ];
}
