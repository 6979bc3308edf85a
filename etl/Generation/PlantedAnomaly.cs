namespace Bhyt.Etl.Generation;

/// <summary>One anomaly planted in the generated data, as written to <c>truth.json</c>.</summary>
/// <param name="Kind">coverage_drop, facility_cost_jump, duplicate_claim, overlapping_stay or spending_ahead_of_budget.</param>
/// <param name="Subject">The unit code, facility code, claim id pair (<c>LKa|LKb</c>) or province code concerned.</param>
/// <param name="Period">The period from which the anomaly shows (<c>2021-07</c>, <c>2023</c>).</param>
/// <param name="Details">Free-form figures that describe it.</param>
public sealed record PlantedAnomaly(string Kind, string Subject, string Period, IReadOnlyDictionary<string, object> Details);
