using System.Text;
using Bhyt.Etl.Parsing.Encodings;

namespace Bhyt.Tests.Etl.Parsing.Encodings;

/// <summary>Unicode text written as a legacy-encoded file would hold it, for tests.</summary>
public static class LegacyBytes
{
    /// <summary>The encodings a test file can be written in: the three legacy ones, Windows-1258 two ways.</summary>
    public static TheoryData<string> Kinds => new() { "1258-composed", "1258-decomposed", "tcvn3", "vni" };

    public static VietnameseEncoding EncodingOf(string kind) => kind switch
    {
        "tcvn3" => VietnameseEncoding.Tcvn3,
        "vni" => VietnameseEncoding.Vni,
        _ => VietnameseEncoding.Windows1258,
    };

    /// <summary>The bytes of <paramref name="text"/>; TCVN3 has no toned capitals in its text font, so capitals are written small, as typists did.</summary>
    public static byte[] Encode(string kind, string text) => kind switch
    {
        "1258-composed" => Windows1258.Encode(text, decomposeTones: false),
        "1258-decomposed" => Windows1258.Encode(text, decomposeTones: true),
        "tcvn3" => LegacyTable.Tcvn3.Encode(SmallWhereTcvn3HasNoCapital(text)),
        "vni" => LegacyTable.Vni.Encode(text),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>What a run in a legacy font stores: each byte as the Latin-1 character Word shows for it.</summary>
    public static string AsFontText(byte[] bytes) => new(bytes.Select(b => (char)b).ToArray());

    public static string SmallWhereTcvn3HasNoCapital(string text) =>
        new(text.Normalize(NormalizationForm.FormC).Select(c => c > 0x7F && !LegacyTable.Tcvn3.Letters.Contains(c) ? char.ToLowerInvariant(c) : c).ToArray());
}
