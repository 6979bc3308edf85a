using System.Text;
using Bhyt.Etl.Sources.Claims.Xml;

namespace Bhyt.Etl.Loading.Details;

/// <summary>
/// The cost groups a detail line's MA_NHOM names (QĐ 4210 and QĐ 130 share the list of the "Bộ mã danh mục dùng chung",
/// QĐ 5937 Phụ lục 3), each with the spending category the warehouse sums it under — kept as data in the embedded
/// <c>cost_groups.csv</c>: drugs 4, 5, 6, 7, 17 (T_THUOC counts blood in with drugs), supplies 10, 11, services
/// 1, 2, 3, 8, 9, 12, 18, examination 13, bed-days 14, 15, 16.
/// </summary>
public sealed class CostGroups
{
    public const string Drug = "drug", Supplies = "supplies", Services = "services", Examination = "examination", BedDay = "bed_day";

    private readonly Dictionary<string, (string Category, string NameVi)> _groups;

    private CostGroups(Dictionary<string, (string, string)> groups) => _groups = groups;

    /// <summary>The list shipped with the program.</summary>
    public static CostGroups Standard { get; } = Load();

    /// <summary>The group's name in the code list (e.g. "Ngày giường lưu"); null when not in the list.</summary>
    public string? NameVi(string code) => _groups.TryGetValue(Normalised(code), out var g) ? g.NameVi : null;

    /// <summary>
    /// The line's category from its MA_NHOM; null when MA_NHOM is missing or not in the list. <see cref="Fallback"/> then
    /// says what the table implies.
    /// </summary>
    public string? CategoryOf(string? group) => group is not null && _groups.TryGetValue(Normalised(group), out var g) ? g.Category : null;

    /// <summary>Without a usable MA_NHOM: XML2 holds drugs; an XML3 line naming MA_VAT_TU is a supply, any other a service.</summary>
    public static string Fallback(ClaimDetail line) => line.Table == "XML2" ? Drug : line.IsSupply ? Supplies : Services;

    /// <summary>The category as users read it.</summary>
    public static string CategoryVi(string category) => category switch
    {
        Drug => "thuốc", Supplies => "vật tư y tế", Services => "dịch vụ kỹ thuật", Examination => "khám bệnh", BedDay => "ngày giường",
        _ => category,
    };

    // "04" and "4" are the same group (some exporters pad codes).
    private static string Normalised(string code) => code.TrimStart('0') is { Length: > 0 } t ? t : code;

    private static CostGroups Load()
    {
        using var stream = typeof(CostGroups).Assembly.GetManifestResourceStream("Bhyt.Etl.Loading.Details.cost_groups.csv")
            ?? throw new InvalidOperationException("cost_groups.csv is not embedded in Bhyt.Etl.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        reader.ReadLine();
        var groups = new Dictionary<string, (string, string)>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split(',', 3);
            groups.Add(cells[0], (cells[1], cells[2]));
        }
        return new CostGroups(groups);
    }
}
