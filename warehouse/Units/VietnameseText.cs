using System.Globalization;
using System.Text;

namespace Bhyt.Warehouse.Units;

/// <summary>
/// Folding of Vietnamese names for matching. Three strengths: <see cref="Normalise"/> keeps every mark,
/// <see cref="FoldTones"/> drops only the five tone marks (so "Trảng"/"Tràng", "Ý"/"Ỷ", "Lương"/"Lưỡng" meet, and
/// old/new tone placement "Hoà"/"Hòa" too), <see cref="FoldAll"/> drops every mark and đ → d (OCR text without diacritics).
/// </summary>
public static class VietnameseText
{
    // Combining grave, acute, tilde, hook above, dot below: the tones. Circumflex, breve and horn shape the vowel.
    private static readonly HashSet<char> ToneMarks = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

    /// <summary>Lower case, NFC, punctuation to spaces, single spaces, numbers without leading zeros.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC).ToLowerInvariant())
            builder.Append(char.IsLetterOrDigit(c) || IsCombining(c) ? c : ' ');
        return string.Join(' ', builder.ToString()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(token => token.All(char.IsDigit) ? token.TrimStart('0').PadLeft(1, '0') : token));
    }

    public static string FoldTones(string text) => RemoveMarks(Normalise(text), ToneMarks.Contains);

    public static string FoldAll(string text) =>
        RemoveMarks(Normalise(text), c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark).Replace('đ', 'd');

    private static string RemoveMarks(string text, Func<char, bool> isRemoved)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (!isRemoved(c)) builder.Append(c);
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsCombining(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
}
