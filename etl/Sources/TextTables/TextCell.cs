using System.Text;
using System.Text.RegularExpressions;
using Bhyt.Etl.Parsing;

namespace Bhyt.Etl.Sources.TextTables;

/// <summary>What one cell (or one line) of a plain-text table is, for rebuilding rows.</summary>
internal enum TextCellKind
{
    /// <summary>Words: a header, a row label, a unit of measure, a note.</summary>
    Text,

    /// <summary>A figure ("131.408", "1 234 567", "88.75%", "9O,5" as OCR'd) or a not-reported mark ("-", "x").</summary>
    Number,

    /// <summary>A row number: "1", "2.1", "II", "a)".</summary>
    Ordinal,

    /// <summary>A period header ("Năm 2021", "2021", "Giai đoạn 2021-2025", "31/12/2023").</summary>
    Period,

    /// <summary>A column number under a form's header: "(1)", "(A)".</summary>
    ColumnNumber,

    /// <summary>Running text: too long or too sentence-like to be a cell.</summary>
    Sentence,

    /// <summary>A line that ends any table: a heading, a source or note line, page furniture ("Lượt xem: 1.234").</summary>
    Stop,
}

/// <summary>
/// Classifies the cells of plain-text tables. The text stays as written; only the classification reads through
/// markup, lost diacritics and the usual OCR confusions in figures (O for 0, l or I for 1, S for 5).
/// </summary>
internal static partial class TextCell
{
    private const int LongestCell = 90;

    public static TextCellKind Classify(string cell)
    {
        var text = CellText.StripMarkup(cell);
        if (text.Length == 0) return TextCellKind.Text;
        var folded = CellText.Fold(text);
        if (IsStop(text, folded)) return TextCellKind.Stop;
        if (IsPlaceholder(text)) return TextCellKind.Number;
        if (ColumnNumber().IsMatch(text)) return TextCellKind.ColumnNumber;
        var digits = OcrDigits(text);
        if (Ordinal().IsMatch(digits)) return TextCellKind.Ordinal;
        if (PeriodHeader.TryParse(digits, out _)) return TextCellKind.Period;
        if (IsNumber(digits)) return TextCellKind.Number;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (text.Length > LongestCell || words >= 14 || (words >= 8 && text[^1] is '.' or ';' or '!' or '?'))
            return TextCellKind.Sentence;
        return TextCellKind.Text;
    }

    /// <summary>A value cell's kind: a figure, a not-reported mark, or a small number that could also be a row number.</summary>
    public static bool IsValue(TextCellKind kind) => kind is TextCellKind.Number or TextCellKind.Ordinal;

    /// <summary>A figure other than a bare year: what makes a space-aligned line a data row.</summary>
    public static bool IsFigure(string cell)
    {
        var kind = Classify(cell);
        return kind == TextCellKind.Number || (kind == TextCellKind.Ordinal && !Roman().IsMatch(CellText.StripMarkup(cell)));
    }

    /// <summary>"TT", "STT", "Số TT", "Số thứ tự" (with or without diacritics, OCR spacing "S TT").</summary>
    public static bool IsNumberingHeader(string cell) =>
        CellText.Fold(CellText.StripMarkup(cell)).Replace(" ", "").TrimEnd('.') is "tt" or "stt" or "sott" or "sothutu" or "thutu";

    /// <summary>"Đơn vị tính", "ĐVT", "Đơn vị (tính)".</summary>
    public static bool IsUnitHeader(string cell)
    {
        var key = CellText.Fold(CellText.StripMarkup(cell)).Replace(".", "").Replace(" ", "");
        return key is "dvt" or "donvitinh" or "donvi(tinh)" || key.StartsWith("donvitinh", StringComparison.Ordinal);
    }

    /// <summary>"Ghi chú", "Nguồn số liệu" as a column header.</summary>
    public static bool IsNoteHeader(string cell) => CellText.Fold(CellText.StripMarkup(cell)) is "ghi chu" or "ghi chu:" or "nguon so lieu";

    /// <summary>A row number's integer part ("12" → 12, "2.1" → 2), or null for roman numerals and letters.</summary>
    public static int? OrdinalNumber(string cell)
    {
        var m = LeadingInt().Match(OcrDigits(CellText.StripMarkup(cell)));
        return m.Success ? int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>True when the text starts with a lower-case letter: a wrapped cell's continuation.</summary>
    public static bool StartsLowerCase(string cell)
    {
        var text = CellText.StripMarkup(cell);
        return text.Length > 0 && char.IsLower(text[0]);
    }

    /// <summary>Digits for the letters OCR confuses with them, inside words that hold a digit ("2O21" → "2021").</summary>
    public static string OcrDigits(string text)
    {
        if (!text.Any(char.IsAsciiDigit)) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var word in text.Split(' '))
        {
            if (builder.Length > 0) builder.Append(' ');
            if (!word.Any(char.IsAsciiDigit)) builder.Append(word);
            else foreach (var c in word) builder.Append(c switch { 'O' or 'o' => '0', 'l' or 'I' or '|' => '1', 'S' => '5', _ => c });
        }
        return builder.ToString();
    }

    private static bool IsPlaceholder(string text) => text is "-" or "x" or "X" or "…" or "..." || text.All(CellText.IsDash);

    private static bool IsNumber(string text)
    {
        var m = Number().Match(text);
        return m.Success && (m.Groups["unit"].Value.Trim() is var unit && (unit.Length == 0 || UnitWords.Contains(CellText.Fold(unit))));
    }

    private static bool IsStop(string text, string folded) =>
        text.StartsWith('#') || StopWords.Any(w => folded.StartsWith(w, StringComparison.Ordinal)) || Heading().IsMatch(folded);

    private static readonly string[] StopWords =
    [
        "nguon:", "nguon ", "ghi chu:", "chu thich", "luu y:", "luot xem", "luot doc", "luot truy cap", "ngay dang", "dang ngay",
        "cap nhat", "tac gia:", "chia se", "in bai", "xem them", "tin lien quan", "tin khac", "binh luan", "noi nhan",
    ];

    private static readonly HashSet<string> UnitWords =
        ["nguoi", "luot", "dong", "trieu dong", "ty dong", "trd", "tr.d", "trieu", "ty", "the", "ho", "xa", "co so", "ngay", "%", "‰"];

    [GeneratedRegex(@"^(?:phu luc|bieu|bang|bieu mau|mau so)\s*(?:so\s*)?[0-9ivx]+\b")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\(\s*[0-9A-Za-z]{1,3}\s*\)$")]
    private static partial Regex ColumnNumber();

    [GeneratedRegex(@"^(?:[0-9]{1,3}(?:\.[0-9]{1,2})*|[IVXivx]{1,5}|[a-zđ])[.)]?$")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"^[IVXivx]{1,5}[.)]?$")]
    private static partial Regex Roman();

    [GeneratedRegex(@"^[0-9]+")]
    private static partial Regex LeadingInt();

    [GeneratedRegex(@"^[+-]?[0-9][0-9 .,]*(?:\s?%)?(?<unit>\s*[^\d]{0,12})$")]
    private static partial Regex Number();
}
