namespace Bhyt.Warehouse.Queries;

/// <summary>
/// The facts of one claim an analyst needs to judge a claim-level flag: facility, visit type, dates, recorded length of
/// stay and cost. No personal data: the card is never returned (the page names it by its pseudonym from the anomaly).
/// </summary>
public sealed record ClaimFact(string ClaimId, string FacilityCode, string? FacilityName, string VisitType, DateTime AdmittedAt, DateTime? DischargedAt,
    int? LengthOfStay, double TotalCost, double? InsurerPaid, bool IsFlagged);
