namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>The decision whose field names and code lists a claim's tables follow.</summary>
public enum ClaimStandard
{
    /// <summary>QĐ 4210/QĐ-BYT (2017): XML1 with MA_THE, MA_BENH, T_TONGCHI, one-digit MA_LOAI_KCB, 8-digit NGAY_SINH.</summary>
    Qd4210,

    /// <summary>QĐ 130/QĐ-BYT (2023, amended by QĐ 4750): the 66 XML1 fields, MA_THE_BHYT, T_TONGCHI_BV/_BH, "01"…"10".</summary>
    Qd130,
}
