using System.Globalization;

namespace Bhyt.Etl.Generation;

/// <summary>One generated XML1 summary row (money in VND).</summary>
public sealed record SyntheticClaim(
    string ClaimId, string Card, SyntheticFacility Facility, int VisitType, DateTime Admitted, DateTime Discharged, int TreatmentDays,
    string Diagnosis, long Total, long InsurerPaid, long Drugs, long Supplies)
{
    /// <summary>The header of <c>claims.csv</c>.</summary>
    public const string Header = "MA_LK,MA_THE,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,SO_NGAY_DTRI,MA_BENH,T_TONGCHI,T_BHTT,T_BNCCT,T_THUOC,T_VTYT,MATINH_CU_TRU";

    /// <summary>The claim as one CSV line in invariant format.</summary>
    public string ToCsvLine() => string.Create(CultureInfo.InvariantCulture,
        $"{ClaimId},{Card},{Facility.Code},{VisitType},{Admitted:yyyyMMddHHmm},{Discharged:yyyyMMddHHmm},{TreatmentDays},{Diagnosis},{Total},{InsurerPaid},{Total - InsurerPaid},{Drugs},{Supplies},{Card.Substring(3, 2)}");
}
