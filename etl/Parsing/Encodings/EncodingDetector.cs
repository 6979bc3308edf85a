using System.Text;

namespace Bhyt.Etl.Parsing.Encodings;

/// <summary>
/// Decides the encoding of a Vietnamese text file from its first bytes: a byte-order mark gives UTF-8 or UTF-16; bytes
/// that are valid UTF-8 (pure ASCII included) are UTF-8; otherwise each legacy candidate (Windows-1258, TCVN3, VNI)
/// decodes the sample and the words holding a non-ASCII letter are checked with <see cref="VietnameseSyllable"/>. The
/// winner must read at least <see cref="MinimumShare"/> of them as syllables and beat the runner-up by
/// <see cref="MinimumLead"/>; otherwise the file is refused, naming the candidates and a sample line.
/// </summary>
public static class EncodingDetector
{
    public const double MinimumShare = 0.9;
    public const double MinimumLead = 0.2;

    private static readonly VietnameseEncoding[] Candidates = [VietnameseEncoding.Windows1258, VietnameseEncoding.Tcvn3, VietnameseEncoding.Vni];
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static EncodingDecision Detect(byte[] sample, bool complete)
    {
        if (sample.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new(VietnameseEncoding.Utf8, "BOM", []);
        if (sample.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sample.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new(VietnameseEncoding.Utf16, "BOM", []);
        if (IsUtf8(complete ? sample : WholeLines(sample))) return new(VietnameseEncoding.Utf8, "UTF-8", []);

        var scores = Candidates.Select(c => Score(c, sample)).OrderByDescending(s => s.Share).ThenByDescending(s => s.Syllables).ToList();
        var (best, next) = (scores[0], scores[1]);
        if (best.Syllables > 0 && best.Share >= MinimumShare && best.Share - next.Share >= MinimumLead)
            return new(best.Encoding, "syllables", scores);
        return new(null, "syllables", scores, Reason(scores, sample));
    }

    public static string Decode(VietnameseEncoding encoding, ReadOnlySpan<byte> bytes) => encoding switch
    {
        VietnameseEncoding.Windows1258 => Windows1258.Decode(bytes),
        VietnameseEncoding.Tcvn3 or VietnameseEncoding.Vni => LegacyTable.For(encoding).Decode(bytes),
        _ => Encoding.UTF8.GetString(bytes),
    };

    private static CandidateScore Score(VietnameseEncoding encoding, ReadOnlySpan<byte> sample)
    {
        var (syllables, impossible) = (0, 0);
        foreach (var word in Words(Decode(encoding, sample)))
        {
            if (word.All(char.IsAscii) || VietnameseSyllable.IsAbbreviation(word)) continue;
            if (VietnameseSyllable.IsValid(word)) syllables++;
            else impossible++;
        }
        return new CandidateScore(encoding, syllables, impossible);
    }

    /// <summary>Runs of characters between ASCII separators: every non-ASCII character, mojibake included, stays inside a word.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (!char.IsAscii(text[i]) || char.IsAsciiLetter(text[i]));
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The sample up to its last line feed, so a letter cut at the end of a partial read is not taken for bad UTF-8.</summary>
    private static ReadOnlySpan<byte> WholeLines(ReadOnlySpan<byte> sample)
    {
        var end = sample.LastIndexOf((byte)'\n');
        return end < 0 ? sample : sample[..(end + 1)];
    }

    private static string Reason(IReadOnlyList<CandidateScore> scores, ReadOnlySpan<byte> sample)
    {
        var (number, line) = FirstLegacyLine(sample);
        var readings = string.Join("; ", scores.Select(s =>
            $"{s.Encoding.Label()}: {s.Syllables} từ hợp lệ, {s.Impossible} không hợp lệ, đọc thành \"{Shorten(Decode(s.Encoding, line))}\""));
        return $"Không xác định được bảng mã của tệp (không phải UTF-8; không bảng mã nào trong Windows-1258, TCVN3, VNI " +
               $"đọc được rõ ràng hơn các bảng khác). Dòng {number}: {readings}. Hãy lưu lại tệp dạng UTF-8.";
    }

    private static (int Number, byte[] Line) FirstLegacyLine(ReadOnlySpan<byte> sample)
    {
        var number = 1;
        foreach (var range in sample.Split((byte)'\n'))
        {
            var line = sample[range];
            foreach (var b in line)
                if (b >= 0x80) return (number, line.TrimEnd((byte)'\r').ToArray());
            number++;
        }
        return (1, []);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
