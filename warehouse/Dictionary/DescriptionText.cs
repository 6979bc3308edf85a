using System.Text;

namespace Bhyt.Warehouse.Dictionary;

/// <summary>
/// What the data dictionary says of one <c>rpt</c> view or column: its meaning, the unit of measure of its values (none for
/// codes, names and dates) and an example value. Stored in the engine's catalog as one sentence a reader of a bare
/// comment understands (<c>Số hồ sơ KCB. Đơn vị: hồ sơ. Ví dụ: 1.250</c>), and read back from it by <see cref="Parse"/>.
/// </summary>
public sealed record DescriptionText(string Meaning, string? Unit, string? Example)
{
    /// <summary>The markers between the parts of a stored comment; a meaning or unit may not contain them.</summary>
    public const string UnitMarker = ". Đơn vị: ";

    /// <inheritdoc cref="UnitMarker"/>
    public const string ExampleMarker = ". Ví dụ: ";

    /// <summary>The comment the catalog holds.</summary>
    public string ToComment()
    {
        var text = new StringBuilder(Meaning);
        if (!string.IsNullOrEmpty(Unit)) text.Append(UnitMarker).Append(Unit);
        if (!string.IsNullOrEmpty(Example)) text.Append(ExampleMarker).Append(Example);
        return text.ToString();
    }

    /// <summary>A comment read from the catalog; null when there is none (NULL or blank).</summary>
    public static DescriptionText? Parse(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment)) return null;
        var (rest, example) = Cut(comment.Trim(), ExampleMarker);
        var (meaning, unit) = Cut(rest, UnitMarker);
        return new DescriptionText(meaning, unit, example);
    }

    private static (string Before, string? After) Cut(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? (text, null) : (text[..at], text[(at + marker.Length)..]);
    }
}
