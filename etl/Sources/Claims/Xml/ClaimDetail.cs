namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// One line of a claim's detail tables: XML2 (drugs, <c>CHI_TIET_THUOC</c>) or XML3 (services and supplies,
/// <c>CHI_TIET_DVKT</c>), with the fields a claim-detail fact needs. <see cref="Group"/> is MA_NHOM as written (the cost
/// group a category is derived from); <see cref="Code"/> is MA_THUOC, else MA_VAT_TU, else MA_DICH_VU (a supply used in a
/// service names both: the line is the supply), <see cref="IsSupply"/> whether MA_VAT_TU was given; <see cref="Amount"/> is
/// THANH_TIEN_BV (QĐ 130) or THANH_TIEN (QĐ 4210), <see cref="InsuredAmount"/> THANH_TIEN_BH (QĐ 130 only: the part within
/// the insurance scope, whose sum is T_TONGCHI_BH).
/// </summary>
public sealed record ClaimDetail(string Table, string ClaimId, int? Line, string? Group, string? Code, decimal? Quantity, decimal? UnitPrice,
    decimal? Amount, decimal? InsurerPaid, decimal? InsuredAmount = null, bool IsSupply = false)
{
    /// <summary>The file (entry of a .zip) and HOSO the line came from; null when the line was not read from a file.</summary>
    public ClaimDetailSource? Source { get; init; }
}
