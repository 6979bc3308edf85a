using System.Globalization;
using System.Text;
using System.Xml;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Reads the lines of an XML2 or XML3 document (QĐ 130 <c>CHITIEU_CHITIET_THUOC</c> / <c>CHITIEU_CHITIET_DVKT_VTYT</c>,
/// QĐ 4210 <c>DSACH_CHI_TIET_THUOC</c> / <c>DSACH_CHI_TIET_DVKT</c>) from the reader on its root, one line at a time.
/// Numbers take '.' or ',' as the decimal mark, as in XML1; one that is not a number, or beyond what a claim can hold
/// (<see cref="MaxMagnitude"/>), is an error naming the line. Each line carries its <see cref="ClaimDetailSource"/> (file, HOSO).
/// </summary>
internal sealed class ClaimDetailReader(ClaimXmlIssues issues, Action<ClaimDetail> sink)
{
    private static readonly Dictionary<string, string> Roots = new()
    {
        ["CHITIEU_CHITIET_THUOC"] = "XML2", ["DSACH_CHI_TIET_THUOC"] = "XML2",
        ["CHITIEU_CHITIET_DVKT_VTYT"] = "XML3", ["DSACH_CHI_TIET_DVKT"] = "XML3",
    };

    // The fields a line keeps, by position (the constants below).
    private static readonly string[] FieldNames =
        ["MA_LK", "STT", "MA_NHOM", "MA_THUOC", "MA_DICH_VU", "MA_VAT_TU", "SO_LUONG", "DON_GIA", "DON_GIA_BV", "THANH_TIEN", "THANH_TIEN_BV", "THANH_TIEN_BH", "T_BHTT"];

    private const int ClaimId = 0, Stt = 1, Group = 2, Drug = 3, Service = 4, Supply = 5, Quantity = 6, Price = 7, HospitalPrice = 8, Amount = 9,
        HospitalAmount = 10, InsuredAmount = 11, InsurerPaid = 12;

    private static readonly Dictionary<string, int> Fields = FieldNames.Select((name, i) => (name, i)).ToDictionary(f => f.name, f => f.i);

    /// <summary>Above any line of a real claim (10,000 billion VND), and within the warehouse's DECIMAL(18,4).</summary>
    public const decimal MaxMagnitude = 10_000_000_000_000m;

    private readonly string?[] _values = new string?[FieldNames.Length];

    // Numbers the span scanner read from their bytes (no string made); their value slot holds ParsedText then.
    private readonly decimal?[] _numbers = new decimal?[FieldNames.Length];
    private const string ParsedText = "#";
    private readonly XmlFieldText _text = new();
    private ClaimDetailSource? _source;

    public static bool IsDetailRoot(string name) => Roots.ContainsKey(name);

    public static bool IsDetailType(string type) => type.ToUpperInvariant() is "XML2" or "XML3" or "2" or "3";

    public void Read(XmlReader reader)
    {
        var table = Roots[reader.LocalName];
        var item = table == "XML2" ? "CHI_TIET_THUOC" : "CHI_TIET_DVKT";
        if (reader.IsEmptyElement) { reader.Read(); return; }
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == item) Line(reader, table);
            else reader.Read();
        }
        reader.Read();
    }

    private void Line(XmlReader reader, string table)
    {
        BeginLine();
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            reader.Read();
            while (reader.Depth > depth)
            {
                if (reader.NodeType != XmlNodeType.Element) reader.Read();
                else if (Fields.TryGetValue(reader.LocalName, out var field))
                {
                    var name = reader.LocalName;
                    var value = _text.Read(reader, out var tooLong).Trim();
                    if (tooLong) issues.Error($"{table}, trường {name}", "claim_detail.field_too_long", $"Trường {name} dài hơn {XmlFieldText.MaxLength} ký tự.");
                    Add(field, value);
                }
                else reader.Skip();
            }
        }
        reader.Read();
        EndLine(table);
    }

    /// <summary>The table (XML2, XML3) a root element's local name (ASCII) opens, or null.</summary>
    public static string? DetailTable(ReadOnlySpan<byte> localName) =>
        localName.SequenceEqual("CHITIEU_CHITIET_THUOC"u8) || localName.SequenceEqual("DSACH_CHI_TIET_THUOC"u8) ? "XML2"
        : localName.SequenceEqual("CHITIEU_CHITIET_DVKT_VTYT"u8) || localName.SequenceEqual("DSACH_CHI_TIET_DVKT"u8) ? "XML3" : null;

    /// <summary>A line's element name in a table.</summary>
    public static ReadOnlySpan<byte> LineElement(string table) => table == "XML2" ? "CHI_TIET_THUOC"u8 : "CHI_TIET_DVKT"u8;

    /// <summary>The kept field an element's local name (ASCII) stands for, by position.</summary>
    public static bool TryField(ReadOnlySpan<byte> localName, out int field) => FieldsByBytes.TryGet(localName, out _, out field);

    private static readonly AsciiNames<int> FieldsByBytes = new(Fields);

    /// <summary>A new line: the previous line's values are forgotten.</summary>
    public void BeginLine()
    {
        Array.Clear(_values);
        Array.Clear(_numbers);
    }

    /// <summary>Whether a field is a number (quantity, price, amount).</summary>
    public static bool IsNumber(int field) => field >= Quantity;

    /// <summary>A number field read as plain digits, below <see cref="MaxMagnitude"/>: the first occurrence wins, as for <see cref="Add"/>.</summary>
    public void AddNumber(int field, decimal value)
    {
        if (_values[field] is not null) return;
        _values[field] = ParsedText;
        _numbers[field] = value;
    }

    /// <summary>A kept field of the line, as read (trimmed): the first occurrence wins.</summary>
    public void Add(int field, string value) => _values[field] ??= value;

    /// <summary>The line is read: it goes to the sink, its numbers checked.</summary>
    public void EndLine(string table)
    {
        var line = int.TryParse(Value(Stt), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        sink(new ClaimDetail(table, Value(ClaimId) ?? issues.ClaimId ?? "", line, Value(Group),
            Value(Drug) ?? Value(Supply) ?? Value(Service), Number(Quantity, table), Number(Value(HospitalPrice) is null ? Price : HospitalPrice, table),
            Number(Value(HospitalAmount) is null ? Amount : HospitalAmount, table), Number(InsurerPaid, table), Number(InsuredAmount, table),
            Value(Supply) is not null) { Source = Here() });
    }

    /// <summary>Where the reader stands: its file and HOSO (lines parsed elsewhere are stamped with it when applied in file order).</summary>
    public ClaimDetailSource Here() =>
        _source is { } s && s.FileKey == issues && s.Hoso == issues.Hoso ? s : _source = new ClaimDetailSource(issues, issues.Hoso);

    private string? Value(int field) => _values[field] is { Length: > 0 } v ? v : null;

    private decimal? Number(int field, string table)
    {
        if (_numbers[field] is { } parsed) return parsed;
        if (Value(field) is not { } text) return null;
        if (ClaimNumber.TryParse(text, out var value) && Math.Abs(value) < MaxMagnitude) return value;
        var name = FieldNames[field];
        issues.Error($"{table} dòng STT {Value(Stt) ?? "?"}, trường {name}", "claim_detail.number", $"Giá trị '{text}' của {name} không phải là số (hoặc vượt quá {MaxMagnitude:N0}).", text);
        return null;
    }
}
