namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// One line of a claim's detail tables: XML2 (drugs, <c>CHI_TIET_THUOC</c>) or XML3 (services and supplies,
/// <c>CHI_TIET_DVKT</c>), with the fields a claim-detail fact needs. <see cref="Group"/> is MA_NHOM as written (the cost
/// group a category is derived from); <see cref="Amount"/> is THANH_TIEN_BV (QĐ 130) or THANH_TIEN (QĐ 4210).
/// </summary>
public sealed record ClaimDetail(string Table, string ClaimId, int? Line, string? Group, string? Code, decimal? Quantity, decimal? UnitPrice,
    decimal? Amount, decimal? InsurerPaid);
