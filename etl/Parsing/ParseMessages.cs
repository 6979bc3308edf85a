namespace Bhyt.Etl.Parsing;

/// <summary>The Vietnamese texts users read when a cell cannot be used, kept together so they are worded alike.</summary>
internal static class ParseMessages
{
    public const string SpacesAndSeparators = "đã dùng dấu cách để phân nhóm hàng nghìn thì chỉ được có một dấu thập phân";
    public const string DecimalSeparatorTwice = "dấu thập phân xuất hiện nhiều lần";
    public const string MisplacedSeparator = "dấu chấm, dấu phẩy hoặc dấu cách đặt sai chỗ";
    public const string BadGroups = "mỗi nhóm hàng nghìn phải có đúng 3 chữ số (ví dụ 131.408 hoặc 1.234.567,5)";
    public const string NoDigits = "không có chữ số";
    public const string TooLarge = "số quá lớn";
    public const string NotOneNumber = "ô phải chứa đúng một số, có thể kèm đơn vị (%, triệu đồng, tỷ đồng, người, lượt…)";

    public static string Unreadable(string text, string reason) => $"Không đọc được số '{text}': {reason}.";

    public static string UnknownUnit(string text, string words) =>
        Unreadable(text, $"không nhận ra đơn vị '{words}' (dùng được: %, đồng, triệu đồng, tỷ đồng, nghìn tỷ đồng, người, lượt, hộ, cơ sở, thẻ)");

    public static string UnitMismatch(string text, string stated, string target) =>
        $"Giá trị '{text}' ghi đơn vị {CatalogUnits.NameVi(stated)} ({stated}) nhưng chỉ tiêu tính bằng {CatalogUnits.NameVi(target)} ({target}).";

    public static string CountForNonCount(string text, string target) =>
        $"Giá trị '{text}' ghi đơn vị đếm (người, lượt, hộ…) nhưng chỉ tiêu tính bằng {CatalogUnits.NameVi(target)} ({target}).";
}
