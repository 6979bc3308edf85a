namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>
/// The small item lists the generated detail lines draw from, by cost group, and the Vietnamese names of the
/// diagnoses <see cref="ClaimFactory"/> draws. Codes are shaped like the national lists' (drug list number, service
/// code of TT 43/50 with its price code, supply code), names are the lists' wording.
/// </summary>
public static class ClaimCatalog
{
    public static readonly ClaimItem[] Drugs =
    [
        new(CostGroups.Drugs, "40.17", "Paracetamol", "viên", "500mg", "Uống"),
        new(CostGroups.Drugs, "40.155", "Amoxicilin", "viên", "500mg", "Uống"),
        new(CostGroups.Drugs, "40.677", "Omeprazol", "viên", "20mg", "Uống"),
        new(CostGroups.Drugs, "40.478", "Amlodipin", "viên", "5mg", "Uống"),
        new(CostGroups.Drugs, "40.785", "Metformin", "viên", "850mg", "Uống"),
        new(CostGroups.Drugs, "40.1021", "Natri clorid 0,9%", "chai", "500ml", "Tiêm truyền"),
        new(CostGroups.Drugs, "40.215", "Ceftriaxon", "lọ", "1g", "Tiêm"),
        new(CostGroups.Drugs, "40.1014", "Glucose 5%", "chai", "500ml", "Tiêm truyền"),
    ];

    public static readonly ClaimItem[] Supplies =
    [
        new(CostGroups.Supplies, "N03.02.070", "Bơm tiêm nhựa dùng một lần 5ml", "cái"),
        new(CostGroups.Supplies, "N03.05.010", "Dây truyền dịch", "bộ"),
        new(CostGroups.Supplies, "N02.01.020", "Bông y tế thấm nước", "gói"),
        new(CostGroups.Supplies, "N04.03.010", "Kim luồn tĩnh mạch", "cái"),
        new(CostGroups.Supplies, "N02.03.040", "Băng dính cuộn", "cuộn"),
    ];

    public static readonly ClaimItem[] TechnicalServices =
    [
        new(CostGroups.Laboratory, "22.0120.1370", "Tổng phân tích tế bào máu ngoại vi bằng máy đếm laser", "lần"),
        new(CostGroups.Laboratory, "23.0075.1494", "Định lượng Glucose [Máu]", "lần"),
        new(CostGroups.Laboratory, "23.0206.1596", "Tổng phân tích nước tiểu", "lần"),
        new(CostGroups.Imaging, "18.0001.0001", "Siêu âm ổ bụng", "lần"),
        new(CostGroups.Imaging, "18.0119.0028", "Chụp X-quang ngực thẳng", "lần"),
        new(CostGroups.FunctionalTests, "02.0085.1778", "Điện tim thường", "lần"),
        new(CostGroups.Procedures, "15.0303.0874", "Thay băng vết thương", "lần"),
        new(CostGroups.Procedures, "03.3911.0211", "Tiêm truyền tĩnh mạch", "lần"),
    ];

    public static readonly ClaimItem Examination = new(CostGroups.Examination, "02.1896", "Khám Nội", "lần");

    public static readonly ClaimItem BedDay = new(CostGroups.InpatientBedDay, "K03.1913", "Ngày giường bệnh Nội khoa loại 3", "ngày");

    /// <summary>Exam price (VND) by facility tier: commune station, district, province.</summary>
    public static long ExaminationPrice(int tier) => tier switch { 4 => 30_500, 3 => 34_500, _ => 38_700 };

    private static readonly Dictionary<string, string> DiagnosisNames = new()
    {
        ["J06.9"] = "Nhiễm trùng đường hô hấp trên cấp", ["I10"] = "Tăng huyết áp vô căn", ["E11.9"] = "Đái tháo đường type 2 không biến chứng",
        ["K29.7"] = "Viêm dạ dày, không đặc hiệu", ["J20.9"] = "Viêm phế quản cấp", ["M54.5"] = "Đau vùng thắt lưng",
        ["A09"] = "Tiêu chảy và viêm dạ dày ruột do nhiễm trùng", ["J18.9"] = "Viêm phổi, không đặc hiệu",
        ["K21.0"] = "Trào ngược dạ dày - thực quản có viêm thực quản", ["N39.0"] = "Nhiễm khuẩn đường tiết niệu", ["E78.5"] = "Tăng lipid máu",
        ["I25.1"] = "Bệnh tim xơ vữa động mạch", ["J44.9"] = "Bệnh phổi tắc nghẽn mạn tính", ["O80"] = "Đẻ thường một thai",
        ["S52.5"] = "Gãy đầu dưới xương quay", ["R50.9"] = "Sốt, không đặc hiệu", ["B34.9"] = "Nhiễm virus, không đặc hiệu",
        ["H10.9"] = "Viêm kết mạc", ["L30.9"] = "Viêm da", ["K30"] = "Khó tiêu chức năng",
    };

    /// <summary>The diagnosis text of an ICD-10 code (CHAN_DOAN_RV / TEN_BENH); the code itself when unknown.</summary>
    public static string DiagnosisName(string icd) => DiagnosisNames.GetValueOrDefault(icd, icd);
}
