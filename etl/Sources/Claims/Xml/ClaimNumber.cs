using System.Globalization;
using System.Text;
using System.Runtime.CompilerServices;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// A number of a claims XML — money, quantity, price — with '.' or ',' as the decimal mark ("2031009.99", "2491500,00"):
/// what <see cref="decimal.TryParse(string, NumberStyles, IFormatProvider, out decimal)"/> makes of the text with a lone
/// ',' read as the mark (leading sign and decimal point allowed, nothing else; "1.234.567,00" is refused). Plain digits
/// with at most one mark, the shape nearly every value has, are read without it, to the same value and scale.
/// </summary>
internal static class ClaimNumber
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(string text, out decimal value)
    {
        if (TryPlain(text, out value)) return true;
        var normalised = text.Contains('.') ? text : text.Replace(',', '.');
        return decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The same as <see cref="TryParse"/> for UTF-8 text of plain digits with at most one mark; false for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryPlain(ReadOnlySpan<byte> text, out decimal value)
    {
        value = 0;
        if (text.Length is 0 or > 19) return false;
        ulong mantissa = 0;
        var (scale, digits, mark) = (0, 0, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= (byte)'0' and <= (byte)'9')
            {
                mantissa = mantissa * 10 + (ulong)(c - '0');
                digits++;
                if (mark) scale++;
            }
            else if (c is (byte)'.' or (byte)',' && !mark && i > 0 && i < text.Length - 1) mark = true;
            else return false;
        }
        if (digits > 18) return false;
        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, false, (byte)scale);
        return true;
    }

    /// <summary>1 to 18 digits with at most one '.' or ',' between two of them; false sends the text to decimal.TryParse.</summary>
    private static bool TryPlain(string text, out decimal value)
    {
        value = 0;
        if (text.Length is 0 or > 19 || !Ascii.IsValid(text)) return false;
        Span<byte> bytes = stackalloc byte[19];
        var length = Encoding.ASCII.GetBytes(text, bytes);
        return TryPlain(bytes[..length], out value);
    }
}
