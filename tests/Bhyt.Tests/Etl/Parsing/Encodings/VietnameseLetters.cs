using System.Text;

namespace Bhyt.Tests.Etl.Parsing.Encodings;

/// <summary>The 134 Vietnamese letters outside ASCII (67 small, 67 capital), built from vowels, marks and tones.</summary>
public static class VietnameseLetters
{
    public static IReadOnlyList<char> Small { get; } = Build();
    public static IReadOnlyList<char> Capital { get; } = Small.Select(char.ToUpperInvariant).ToList();
    public static IReadOnlyList<char> All { get; } = [.. Small, .. Capital];

    private static List<char> Build()
    {
        string[] bases = ["a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031B", "u", "u\u031B", "y"];
        string[] tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
        var letters = bases.SelectMany(b => tones.Select(t => (b + t).Normalize(NormalizationForm.FormC)))
            .Where(l => l.Length == 1 && l[0] > 0x7F).Select(l => l[0]).ToList();
        letters.Add('đ');
        return letters;
    }
}
