using Bhyt.Warehouse.Periods;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Etl.Sources.Prose;

/// <summary>
/// One sentence as the extractor reads it: its folded copy, the spans whose numbers are no figures, the periods it
/// names, the document's year and the indicator the passage last named.
/// </summary>
internal sealed class SentenceReading
{
    private readonly List<(int Start, int End)> _excluded;

    public SentenceReading(string text, int? contextYear, Indicator? passageIndicator)
    {
        Text = text;
        Folded = ProseText.Fold(text);
        ContextYear = contextYear;
        PassageIndicator = passageIndicator;
        _excluded = ProsePeriods.Excluded(Folded);
        Periods = ProsePeriods.Find(text, Folded, _excluded);
    }

    public string Text { get; }
    public string Folded { get; }
    public int? ContextYear { get; }
    public Indicator? PassageIndicator { get; }
    public IReadOnlyList<PeriodMention> Periods { get; }

    /// <summary>True when a number at [start, end) lies in a reference, phone number, time or period phrase.</summary>
    public bool IsExcluded(int start, int end) =>
        _excluded.Any(x => start < x.End && x.Start < end) || Periods.Any(p => start < p.End && p.Start < end);

    /// <summary>The period a number at <paramref name="start"/> belongs to: the last one named before it, else the first after it.</summary>
    public PeriodMention? PeriodFor(int start) =>
        Periods.LastOrDefault(p => p.End <= start && !p.Comparison) ?? Periods.FirstOrDefault(p => p.Start >= start && !p.Comparison);
}
