using Bhyt.Etl.Loading;
using Bhyt.Etl.Validation;

namespace Bhyt.Etl.Parsing.Encodings;

/// <summary>What an <see cref="EncodingDecision"/> adds to an import report: a warning naming the converted encoding, or the error refusing the file.</summary>
public static class EncodingIssue
{
    public const string Detected = "encoding.detected";
    public const string Undecided = "encoding.undecided";

    /// <summary>Records the decision in <paramref name="extraction"/>; false when the file is refused and must not be read further.</summary>
    public static bool Check(EncodingDecision decision, Extraction extraction)
    {
        if (decision.Rejection is { } reason)
        {
            extraction.Reject("1", ValidationIssue.ErrorAt(Undecided, reason, "toàn tệp"));
            return false;
        }
        if (For(decision) is { } warning) extraction.Issues.Add(warning);
        return true;
    }

    /// <summary>The <c>encoding.detected</c> warning for a converted file, or null when it needed no conversion.</summary>
    public static ValidationIssue? For(EncodingDecision decision) =>
        decision.Note is { } note ? new ValidationIssue(ValidationIssue.Warning, Detected, note, "toàn tệp", CellText: decision.Encoding!.Value.Label()) : null;

    /// <summary>The warning for a document whose runs or cells in legacy fonts were converted.</summary>
    public static ValidationIssue Converted(IEnumerable<VietnameseEncoding> encodings) =>
        new(ValidationIssue.Warning, Detected,
            $"Văn bản dùng phông chữ cũ ({string.Join(", ", encodings.Select(e => e.Label()))}) đã được chuyển sang Unicode theo bảng mã của phông.",
            "toàn tệp", CellText: string.Join(", ", encodings.Select(e => e.Label())));
}
