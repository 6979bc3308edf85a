using System.Text;

namespace Bhyt.Etl.Sources.Claims;

/// <summary>
/// Field parsing on UTF-8 spans for the claims reader. The fast paths cover what the standards write (digits,
/// yyyyMMddHHmm, one decimal mark); anything else is decoded and handed to the same general parsers as before.
/// </summary>
internal static class Utf8Fields
{
    /// <summary>The field without leading and trailing white space, as <see cref="string.Trim()"/> would leave it.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> field)
    {
        var start = 0;
        while (start < field.Length && IsWhiteSpaceAt(field[start..], fromEnd: false, out var width)) start += width;
        var end = field.Length;
        while (end > start && IsWhiteSpaceAt(field[start..end], fromEnd: true, out var width)) end -= width;
        return field[start..end];
    }

    private static bool IsWhiteSpaceAt(ReadOnlySpan<byte> text, bool fromEnd, out int width)
    {
        var b = fromEnd ? text[^1] : text[0];
        width = 1;
        if (b < 0x80) return char.IsWhiteSpace((char)b);
        var status = fromEnd ? Rune.DecodeLastFromUtf8(text, out var rune, out width) : Rune.DecodeFromUtf8(text, out rune, out width);
        return status == System.Buffers.OperationStatus.Done && Rune.IsWhiteSpace(rune);
    }

    /// <summary>The standard's yyyyMMddHHmm (12 digits) as a time; false when it is not that or not a real time.</summary>
    public static bool TryCompactDate(ReadOnlySpan<byte> t, out DateTime value)
    {
        value = default;
        if (t.Length != 12) return false;
        foreach (var b in t) if (b is < (byte)'0' or > (byte)'9') return false;
        int N(ReadOnlySpan<byte> digits) { var n = 0; foreach (var d in digits) n = n * 10 + (d - '0'); return n; }
        var (year, month, day, hour, minute) = (N(t[..4]), N(t[4..6]), N(t[6..8]), N(t[8..10]), N(t[10..12]));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59) return false;
        value = new DateTime(year, month, day, hour, minute, 0);
        return true;
    }

    /// <summary>
    /// Money written as an optional sign, digits and at most one decimal mark ('.' or ',') with digits on both sides,
    /// up to 17 characters. False for anything else, which the caller parses the general way.
    /// </summary>
    public static bool TryPlainMoney(ReadOnlySpan<byte> t, out decimal value)
    {
        value = 0;
        var negative = t.Length > 0 && t[0] == (byte)'-';
        if (t.Length > 0 && t[0] is (byte)'-' or (byte)'+') t = t[1..];
        if (t.IsEmpty || t.Length > 17) return false;
        long mantissa = 0;
        var scale = -1;
        for (var i = 0; i < t.Length; i++)
        {
            var b = t[i];
            if (b is >= (byte)'0' and <= (byte)'9') mantissa = mantissa * 10 + (b - '0');
            else if (b is (byte)'.' or (byte)',' && scale < 0 && i > 0 && i < t.Length - 1) scale = t.Length - 1 - i;
            else return false;
        }
        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }
}
