using System.Globalization;
using System.Xml;

namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>Writes a table's fields in a claim's style: money with '.' or ',' decimals, yyyyMMddHHmm times, free text in CDATA when the style says so.</summary>
internal readonly struct TableFields(XmlWriter writer, ClaimXmlStyle style)
{
    public void Text(string name, string value) => writer.WriteElementString(name, value);

    public void Number(string name, long value) => writer.WriteElementString(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Names, diagnoses, addresses: in a CDATA section under <see cref="NoiDungFile.InlineCData"/>.</summary>
    public void FreeText(string name, string value)
    {
        if (style.Content != NoiDungFile.InlineCData || value.Length == 0)
        {
            writer.WriteElementString(name, value);
            return;
        }
        writer.WriteStartElement(name);
        writer.WriteCData(value);
        writer.WriteEndElement();
    }

    public void Money(string name, long vnd) => writer.WriteElementString(name, MoneyText(vnd));

    public void Time(string name, DateTime? moment) =>
        writer.WriteElementString(name, moment?.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture) ?? "");

    public void Day(string name, DateOnly day) => writer.WriteElementString(name, day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    /// <summary>A code of a numbered list, zero-padded to <paramref name="width"/> unless the style writes it bare ("01" or "1").</summary>
    public void Code(string name, int value, int width) =>
        writer.WriteElementString(name, style.PaddedCodes ? value.ToString("D" + width, CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture));

    private string MoneyText(long vnd)
    {
        var whole = vnd.ToString(CultureInfo.InvariantCulture);
        return style.CommaDecimals ? whole + ",00" : style.TwoDecimals ? whole + ".00" : whole;
    }
}
