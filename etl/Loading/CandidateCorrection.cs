namespace Bhyt.Etl.Loading;

/// <summary>What an analyst changes in a candidate before accepting it; a null field keeps the candidate's reading.</summary>
public sealed record CandidateCorrection(
    string? UnitCode = null, string? PeriodLabel = null, string? IndicatorCode = null, string? ValueKind = null, decimal? Value = null);
