using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bhyt.Etl.Parsing;

/// <summary>
/// Cleaning shared by the cell readers: conversion markup removed, and a folded form (lower case, no diacritics,
/// đ → d, single spaces) for matching words whether or not the document kept its diacritics.
/// </summary>
internal static partial class CellText
{
    /// <summary>
    /// Removes footnote markers (<c>&lt;sup&gt;…&lt;/sup&gt;</c>, superscript digits) entirely, other tags,
    /// <c>\*</c> and <c>*</c>, turns non-breaking and thin spaces into plain ones and a lone surrogate into U+FFFD;
    /// single spaces, trimmed.
    /// </summary>
    public static string StripMarkup(string text)
    {
        var s = Footnote().Replace(text, "");
        s = Tag().Replace(s, " ");
        s = s.Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase).Replace("\\*", "").Replace("*", "");
        return Spaces().Replace(PlainCharacters(s), " ").Trim();
    }

    /// <summary>Superscript digits dropped, every kind of space as ' ', a lone surrogate (which would make
    /// <see cref="string.Normalize()"/> throw) as U+FFFD.</summary>
    private static string PlainCharacters(string s)
    {
        var builder = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) builder.Append(c).Append(s[++i]);
            else if (char.IsSurrogate(c)) builder.Append('\ufffd');
            else if (!IsSuperscriptDigit(c)) builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }
        return builder.ToString();
    }

    /// <summary>Lower case without diacritics, đ → d, single spaces; punctuation kept ("tr.đ" → "tr.d").</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }
        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    /// <summary>En dash, em dash, minus sign and the Unicode hyphens as a plain '-'.</summary>
    public static string PlainDashes(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(IsDash(c) ? '-' : c);
        return builder.ToString();
    }

    public static bool IsDash(char c) => c is '-' or '–' or '—' or '−' or '‐' or '‑' or '‒' or '―';

    private static bool IsSuperscriptDigit(char c) => c is '¹' or '²' or '³' or (>= '⁰' and <= '⁹');

    [GeneratedRegex(@"<sup\b[^>]*>.*?</sup\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)] private static partial Regex Footnote();
    [GeneratedRegex(@"</?[A-Za-z][^<>]*>")] private static partial Regex Tag();
    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
}
