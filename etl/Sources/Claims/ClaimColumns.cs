namespace Bhyt.Etl.Sources.Claims;

/// <summary>
/// Which header names a claims file uses: QĐ 4210 (MA_THE, MA_BENH, T_TONGCHI) or QĐ 130 (MA_THE_BHYT,
/// MA_BENH_CHINH, T_TONGCHI_BH beside T_TONGCHI_BV). For a common total, 4210 T_TONGCHI lines up with 130 T_TONGCHI_BH.
/// </summary>
internal sealed record ClaimColumns(
    bool IsQd130, string? ClaimId, string? Card, string? Facility, string? VisitType, string? Admitted, string? Discharged,
    string? Days, string? Diagnosis, string? Total, string? InsurerPaid, string? PatientPaid, string? Drugs, string? Supplies,
    string? Province, IReadOnlyList<string> Missing)
{
    /// <summary>NGAY_SINH (read for the age band only, never stored) and GIOI_TINH.</summary>
    public string? BirthDate { get; private init; }

    public string? Sex { get; private init; }

    /// <summary>QĐ 4210-era per-category totals some exports carry; the warehouse does not store them yet.</summary>
    private static readonly string[] CategoryTotals = ["T_XN", "T_CDHA", "T_KHAM", "T_GIUONG", "T_VCHUYEN", "T_PTTT", "T_MAU", "T_DVKT"];

    public IReadOnlyList<string> ExtraCategories { get; private init; } = [];

    /// <summary>Every column the reader reads, as the header names it.</summary>
    public IEnumerable<string> Read => new[]
    {
        ClaimId, Card, Facility, VisitType, Admitted, Discharged, Days, Diagnosis, Total, InsurerPaid, PatientPaid, Drugs, Supplies, Province, BirthDate, Sex,
    }.OfType<string>();

    /// <summary>A column the reader reads that the header names more than once (which of them holds the value is anyone's guess), or null.</summary>
    public static string? Repeated(string[] header, ClaimColumns columns) =>
        header.Select(h => h.Trim().ToUpperInvariant()).GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).FirstOrDefault(columns.Read.Contains);

    /// <summary>Which spending categories this file can give, and which need the detail tables (said to the user).</summary>
    public string SpendingNote => $"Danh mục chi từ XML1: thuốc (T_THUOC → spend_drugs), vật tư y tế (T_VTYT → spend_supplies). " +
        "Dịch vụ kỹ thuật (spend_services), khám và ngày giường (spend_exam_bed) cần bảng chi tiết XML2/XML3" +
        (ExtraCategories.Count > 0 ? $"; tệp có thêm cột {string.Join(", ", ExtraCategories)} (QĐ 4210) nhưng kho chưa lưu." : ".");

    public static ClaimColumns From(string[] header)
    {
        var names = header.Select(h => h.Trim().ToUpperInvariant()).ToHashSet();
        string? First(params string[] candidates) => candidates.FirstOrDefault(names.Contains);
        var isQd130 = names.Contains("T_TONGCHI_BV") || names.Contains("T_TONGCHI_BH") || names.Contains("MA_THE_BHYT");
        var columns = new ClaimColumns(isQd130,
            First("MA_LK"), First("MA_THE_BHYT", "MA_THE"), First("MA_CSKCB"), First("MA_LOAI_KCB"), First("NGAY_VAO"), First("NGAY_RA"),
            First("SO_NGAY_DTRI"), First("MA_BENH_CHINH", "MA_BENH"), First("T_TONGCHI_BH", "T_TONGCHI"), First("T_BHTT"),
            First("T_BNCCT", "T_BNTT"), First("T_THUOC"), First("T_VTYT"), First("MATINH_CU_TRU"), []);
        var missing = new (string Name, string? Found)[]
        {
            ("MA_LK", columns.ClaimId), ("MA_THE/MA_THE_BHYT", columns.Card), ("MA_CSKCB", columns.Facility),
            ("MA_LOAI_KCB", columns.VisitType), ("NGAY_VAO", columns.Admitted), ("T_TONGCHI/T_TONGCHI_BH", columns.Total),
        }.Where(c => c.Found is null).Select(c => c.Name).ToList();
        return columns with { Missing = missing, BirthDate = First("NGAY_SINH"), Sex = First("GIOI_TINH"), ExtraCategories = CategoryTotals.Where(names.Contains).ToList() };
    }
}
