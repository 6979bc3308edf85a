using System.Reflection;
using System.Text;

namespace Bhyt.Etl.Parsing.Encodings;

/// <summary>
/// A font encoding given as data (<c>tcvn3.tsv</c>, <c>vni.tsv</c>): each Vietnamese letter and the byte sequence
/// (one byte for TCVN3, base letter plus mark bytes for VNI) that stands for it. Decoding takes the longest sequence
/// that is a letter; ASCII stays ASCII; any other byte is not text of this encoding and becomes U+FFFD, so mojibake
/// shows as such instead of as a plausible Latin letter.
/// </summary>
public sealed class LegacyTable
{
    private readonly Dictionary<int, char> _single = [];
    private readonly Dictionary<int, char> _pairs = [];
    private readonly Dictionary<char, byte[]> _bytes = [];

    public static LegacyTable Tcvn3 { get; } = Load("tcvn3.tsv", byteFirst: true);
    public static LegacyTable Vni { get; } = Load("vni.tsv", byteFirst: false);

    /// <summary>The letters the table holds (not counting ASCII).</summary>
    public IReadOnlyCollection<char> Letters => _bytes.Keys;

    public static LegacyTable For(VietnameseEncoding encoding) => encoding switch
    {
        VietnameseEncoding.Tcvn3 => Tcvn3,
        VietnameseEncoding.Vni => Vni,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "không phải bảng mã phông chữ"),
    };

    public string Decode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i + 1 < bytes.Length && _pairs.TryGetValue(bytes[i] << 8 | bytes[i + 1], out var pair))
            {
                text.Append(pair);
                i++;
            }
            else if (_single.TryGetValue(bytes[i], out var letter)) text.Append(letter);
            else text.Append(bytes[i] < 0x80 ? (char)bytes[i] : '\uFFFD');
        }
        return text.ToString();
    }

    /// <summary>The bytes of <paramref name="text"/> in this encoding; a character it has no bytes for becomes '?'.</summary>
    public byte[] Encode(string text)
    {
        var bytes = new List<byte>(text.Length * 2);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (_bytes.TryGetValue(c, out var sequence)) bytes.AddRange(sequence);
            else bytes.Add(c < 0x80 ? (byte)c : (byte)'?');
        }
        return [.. bytes];
    }

    private static LegacyTable Load(string resource, bool byteFirst)
    {
        var table = new LegacyTable();
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Bhyt.Etl.Parsing.Encodings.{resource}")
            ?? throw new InvalidOperationException($"Thiếu bảng mã nhúng {resource}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            var (letterText, hex) = byteFirst ? (parts[1], parts[0]) : (parts[0], parts[1]);
            table.Add(letterText[0], hex.Split(' ').Select(h => Convert.ToByte(h, 16)).ToArray());
        }
        return table;
    }

    private void Add(char letter, byte[] sequence)
    {
        _bytes.TryAdd(letter, sequence);
        if (sequence.Length == 1) _single[sequence[0]] = letter;
        else _pairs[sequence[0] << 8 | sequence[1]] = letter;
    }
}
