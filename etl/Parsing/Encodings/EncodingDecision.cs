using System.Globalization;

namespace Bhyt.Etl.Parsing.Encodings;

/// <summary>How one candidate legacy table read a file: words with a non-ASCII letter that are Vietnamese syllables, and those that are not.</summary>
public sealed record CandidateScore(VietnameseEncoding Encoding, int Syllables, int Impossible)
{
    /// <summary>The share of checked words that are syllables (0 when none was checked).</summary>
    public double Share => Syllables + Impossible == 0 ? 0 : (double)Syllables / (Syllables + Impossible);
}

/// <summary>
/// The encoding a byte file was found to be in, with how it was decided (<see cref="How"/>: byte-order mark, valid
/// UTF-8, or the candidates' scores), or — when no encoding is clearly right — the reason the file is refused.
/// </summary>
public sealed record EncodingDecision(VietnameseEncoding? Encoding, string How, IReadOnlyList<CandidateScore> Scores, string? Rejection = null)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public bool IsLegacy => Encoding is { } encoding && encoding.IsLegacy();

    /// <summary>The sentence the import report gives for a converted file; null when nothing was converted.</summary>
    public string? Note => IsLegacy && Scores.FirstOrDefault(s => s.Encoding == Encoding) is { } score
        ? $"Tệp được nhận là bảng mã {Encoding!.Value.Label()} và đã chuyển sang Unicode " +
          $"({score.Syllables.ToString("N0", Vietnamese)} từ tiếng Việt hợp lệ, {score.Impossible.ToString("N0", Vietnamese)} không hợp lệ)."
        : null;
}
