using System.Data.Common;
using Bhyt.Etl.Sources.Prose;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Etl.Loading;

/// <summary>
/// Writes the figures read from a document's running text to <c>etl.figure_candidate</c>, open for review and linked to
/// the document's submission. They are never figures of the warehouse until an analyst accepts them (<see cref="CandidateReview"/>).
/// </summary>
public sealed class FigureCandidateStore(IWarehouseEngine engine)
{
    private static readonly string[] Columns =
    [
        "candidate_id", "submission_id", "location", "unit_code", "period_label", "indicator_code", "value_kind", "value", "value_unit",
        "value_text", "confidence", "sentence", "span_start", "span_length", "status", "created_at",
    ];

    public async Task SaveAsync(DbConnection connection, long submissionId, IReadOnlyList<ProseCandidate> candidates, CancellationToken ct)
    {
        if (candidates.Count == 0) return;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var first = await engine.ReserveKeysAsync(connection, transaction, "etl.seq_figure_candidate", candidates.Count, ct);
        var now = DateTime.UtcNow;
        await engine.BulkInsertAsync(connection, transaction, "etl.figure_candidate", Columns, candidates.Select((c, i) => new object?[]
        {
            first + i, submissionId, Cut(c.Location, 300), c.UnitCode, c.PeriodLabel, c.IndicatorCode, c.ValueKind, c.Value, c.Unit,
            Cut(c.ValueText, 100), Math.Round(c.Confidence, 3), Cut(c.Sentence, 2000), c.SpanStart, c.SpanLength, "open", now,
        }), ct);
        await transaction.CommitAsync(ct);
    }

    // A sentence longer than the column keeps its start, where the span lies in all but freak cases.
    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
