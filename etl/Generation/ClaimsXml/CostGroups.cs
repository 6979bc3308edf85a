namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>
/// MA_NHOM of the detail lines: the insurer's cost-group list (bảng nhóm chi phí) shared by QĐ 4210 and QĐ 130. XML2
/// holds the drug groups, XML3 every other; a claim's XML1 totals are sums over these groups (T_THUOC over XML2,
/// T_VTYT over the supplies groups of XML3).
/// </summary>
public static class CostGroups
{
    public const string Laboratory = "1";          // Xét nghiệm
    public const string Imaging = "2";             // Chẩn đoán hình ảnh
    public const string FunctionalTests = "3";     // Thăm dò chức năng
    public const string Drugs = "4";               // Thuốc trong danh mục BHYT
    public const string Procedures = "8";          // Thủ thuật, phẫu thuật
    public const string Supplies = "10";           // Vật tư y tế trong danh mục BHYT
    public const string Examination = "13";        // Khám bệnh
    public const string InpatientBedDay = "15";    // Ngày giường bệnh điều trị nội trú

    /// <summary>The technical-service groups (dịch vụ kỹ thuật) of XML3.</summary>
    public static readonly string[] TechnicalServices = [Laboratory, Imaging, FunctionalTests, Procedures];
}
