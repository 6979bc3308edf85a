namespace Bhyt.Etl.Sources.Prose;

/// <summary>
/// A figure read from running text: never a fact by itself, it waits for an analyst to accept or reject it. The value
/// is in the catalog unit <see cref="Unit"/> (money in million VND, "1,2 triệu lượt" as 1 200 000 visits);
/// <see cref="ValueText"/> is the number as written with its unit words, found at <see cref="SpanStart"/> (length
/// <see cref="SpanLength"/>) in <see cref="Sentence"/>. <see cref="Confidence"/> (0–1) says how much of the reading the
/// sentence itself stated: the indicator, the unit, the period, no approximation.
/// </summary>
public sealed record ProseCandidate(
    string? UnitCode, string? PeriodLabel, string? IndicatorCode, string ValueKind, decimal Value, string? Unit, string ValueText,
    decimal Confidence, string Sentence, int SpanStart, int SpanLength, string Location);
