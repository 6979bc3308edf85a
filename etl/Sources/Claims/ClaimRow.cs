namespace Bhyt.Etl.Sources.Claims;

/// <summary>One XML1 summary row as the warehouse keeps it: the card already pseudonymised, money in VND.</summary>
public sealed record ClaimRow(
    int SourceRow, string ClaimId, string CardPseudonym, string FacilityCode, string? ResidenceProvince, string VisitType,
    string VisitTypeCode, DateTime AdmittedAt, DateTime? DischargedAt, int? LengthOfStay, string? PrimaryIcd,
    decimal TotalCost, decimal? InsurerPaid, decimal? PatientPaid, decimal? DrugCost, decimal? SuppliesCost)
{
    /// <summary>The month a claim counts in: the month of discharge (of arrival when there is none).</summary>
    public DateOnly Month => DateOnly.FromDateTime(new DateTime((DischargedAt ?? AdmittedAt).Year, (DischargedAt ?? AdmittedAt).Month, 1));
}
