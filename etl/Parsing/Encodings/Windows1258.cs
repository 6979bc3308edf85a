using System.Text;

namespace Bhyt.Etl.Parsing.Encodings;

/// <summary>
/// Windows-1258 through .NET's code-page provider, normalised to NFC: the code page keeps the tone as a separate
/// combining byte (0xEC, 0xDE, 0xD2, 0xF2, 0xEF) after a base letter, which may itself be precomposed (â, ơ, ư…).
/// </summary>
public static class Windows1258
{
    private static readonly Encoding CodePage = Load();

    public static string Decode(ReadOnlySpan<byte> bytes) => CodePage.GetString(bytes).Normalize(NormalizationForm.FormC);

    /// <summary>
    /// The bytes of <paramref name="text"/>: each letter as its letter without the tone (a, â, ơ…), then the tone as a combining
    /// byte; <paramref name="decomposeTones"/> writes every tone as a combining byte, as
    /// the Vietnamese keyboard of Windows does, instead of using the precomposed toned letters (á, à…) the code page has.
    /// </summary>
    public static byte[] Encode(string text, bool decomposeTones)
    {
        var bytes = new List<byte>(text.Length * 2);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var marks = c.ToString().Normalize(NormalizationForm.FormD);
            var tone = marks.FirstOrDefault(IsTone);
            if (tone == default || (!decomposeTones && Encodes(c.ToString())))
            {
                bytes.AddRange(CodePage.GetBytes(c.ToString()));
                continue;
            }
            bytes.AddRange(CodePage.GetBytes(marks.Replace(tone.ToString(), "").Normalize(NormalizationForm.FormC)));
            bytes.AddRange(CodePage.GetBytes(tone.ToString()));
        }
        return [.. bytes];
    }

    private static bool IsTone(char mark) => mark is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323';

    private static bool Encodes(string letter) =>
        letter.Length == 1 && CodePage.GetString(CodePage.GetBytes(letter)) == letter;

    private static Encoding Load()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1258, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }
}
