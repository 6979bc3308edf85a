namespace Bhyt.Etl.Sources.Claims;

/// <summary>
/// One XML1 summary row as the warehouse keeps it: the card already pseudonymised, money in VND. Text is kept as
/// UTF-8 in the batch (<see cref="ClaimBatch.Text"/>) so that no string is made per claim.
/// </summary>
internal struct ClaimRecord
{
    public int SourceRow;
    public TextRange ClaimId, CardPseudonym, FacilityCode, ResidenceProvince, PrimaryIcd;
    public string VisitType, VisitTypeCode;
    public DateTime AdmittedAt;
    public DateTime? DischargedAt;
    public int? LengthOfStay;
    public decimal TotalCost;
    public decimal? InsurerPaid, PatientPaid, DrugCost, SuppliesCost;

    /// <summary>GIOI_TINH (1, 2, 3) and the age band at admission (<see cref="ClaimDemographics"/>); never the birth date.</summary>
    public int? Sex;
    public string? AgeBand;

    /// <summary>Set by the loader: the facility's key and the key of the month the claim counts in.</summary>
    public int FacilityKey, MonthKey;

    /// <summary>The month a claim counts in: the month of discharge (of arrival when there is none), as yyyy * 100 + MM.</summary>
    public readonly int Month => (DischargedAt ?? AdmittedAt).Year * 100 + (DischargedAt ?? AdmittedAt).Month;
}
