using System.Text;

namespace Bhyt.Etl.Parsing.Encodings;

/// <summary>
/// Whether a word is a possible Vietnamese syllable: an onset (b, ch, gh, ngh, qu…), a vowel nucleus from the
/// language's list (a, oa, ươ, uyê…), a coda (c, ch, m, n, ng, nh, p, t or none) and at most one tone — and a syllable
/// ending in c, ch, p or t carries only the sắc or nặng tone. Text decoded with the wrong legacy table breaks these
/// rules (stray marks, Latin letters Vietnamese does not use, two tones), which is how detection tells tables apart.
/// </summary>
public static class VietnameseSyllable
{
    private static readonly string[] Onsets =
        ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""];

    private static readonly string[] Codas = ["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];

    private static readonly HashSet<string> Nuclei =
    [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua",
        "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
        "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
    ];

    private static readonly HashSet<char> Tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

    public static bool IsValid(string word)
    {
        var (bare, tones) = StripTones(word.ToLowerInvariant());
        if (bare is null || tones > 1 || bare.Length == 0) return false;
        foreach (var onset in Onsets)
        {
            if (!bare.StartsWith(onset, StringComparison.Ordinal)) continue;
            var rest = bare[onset.Length..];
            foreach (var coda in Codas)
            {
                if (!rest.EndsWith(coda, StringComparison.Ordinal) || rest.Length == coda.Length) continue;
                if (!Nuclei.Contains(rest[..^coda.Length])) continue;
                if (coda is "c" or "ch" or "p" or "t" && tones == 1 && !HasStopTone(word)) continue;
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the word is consonants only, as abbreviations are (HĐND, đ/c): neither a syllable nor a sign of a wrong table.</summary>
    public static bool IsAbbreviation(string word) => word.ToLowerInvariant().All(c => "bcdđghklmnpqrstvx".Contains(c));

    /// <summary>The word with its tones removed (circumflex, breve, horn kept), and how many tones it had; null bare text when it holds a letter Vietnamese does not use.</summary>
    private static (string? Bare, int Tones) StripTones(string word)
    {
        var bare = new StringBuilder(word.Length);
        var tones = 0;
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (Tones.Contains(c)) tones++;
            else bare.Append(c);
        }
        var composed = bare.ToString().Normalize(NormalizationForm.FormC);
        return composed.All(IsLetterOfAlphabet) ? (composed, tones) : (null, tones);
    }

    private static bool IsLetterOfAlphabet(char c) => c is >= 'a' and <= 'z' and not ('f' or 'j' or 'w' or 'z') || "ăâđêôơư".Contains(c);

    private static bool HasStopTone(string word)
    {
        var marks = word.Normalize(NormalizationForm.FormD);
        return marks.Contains('\u0301') || marks.Contains('\u0323');
    }
}
