using System.Text.RegularExpressions;

namespace Bhyt.Etl.Parsing;

/// <summary>
/// Reads the number in one cell of a report table or submission CSV, as Vietnamese documents write it
/// (<c>131.408</c>, <c>60,85%</c>, <c>622.943 triệu đồng</c>, <c>&lt;b&gt;102.233&lt;/b&gt;</c>) or in invariant
/// format (<c>131408</c>, <c>60.85</c>, <c>1,234,567.5</c>). Never throws.
/// </summary>
/// <remarks>
/// <para>Not reported (never zero): null, empty, blank, dashes alone ("-", "–", "—"), "x", "n/a", "...", "không có
/// số liệu", "chưa có số liệu".</para>
/// <para>Signs: a dash attached to the digits is a minus ("-5" is −5; validation rejects negative counts later); a
/// dash or '+' followed by a space is a list bullet left by document conversion and is ignored ("- 5" is 5).</para>
/// <para>Separators: see <see cref="DigitGroups"/>. The one ambiguous form, a single separator followed by exactly
/// three digits, is decided by the unit: a count reads "1.234" and "1,234" as 1234, a percentage reads both as
/// 1.234, anything else reads Vietnamese first ("1.234" is 1234, "1,234" is 1.234).</para>
/// <para>Units after the number, matched without regard to case or diacritics: "%" is percent; đồng, nghìn đồng,
/// triệu (đồng), tr.đ, trđ, tỷ/tỉ (đồng), nghìn/ngàn tỷ (đồng), VND/VNĐ are money, converted to million VND; người,
/// lượt, hộ, cơ sở, thẻ are counts and leave the number as it is.</para>
/// <para>OCR confusions: a cell that does not read as written is read again with O/o as 0 and l/I/| as 1 inside its
/// numbers ("1 234 5O7"); words are never touched.</para>
/// </remarks>
public static partial class VietnameseNumber
{
    private static readonly HashSet<string> NotReportedWords =
        ["x", "n/a", "na", "n.a", "...", "…", "khong co so lieu", "chua co so lieu"];

    /// <summary>Reads a cell with no expected unit; a stated money unit is converted to million VND.</summary>
    public static CellValue Parse(string? text) => Parse(text, null);

    /// <summary>
    /// Reads a cell for an indicator measured in <paramref name="targetUnit"/> (a catalog unit: persons, households,
    /// visits, facilities, percent, million_vnd). Money is returned in million VND; a number without a unit is taken
    /// to be in the target unit already. A stated unit that contradicts the target — money for a count, "%" for
    /// money, "người" for a percentage — is invalid, with a message naming both units.
    /// </summary>
    public static CellValue Parse(string? text, string? targetUnit)
    {
        if (text is null) return CellValue.NotReported;
        var cleaned = CellText.StripMarkup(text);
        if (IsNotReported(cleaned)) return CellValue.NotReported;
        var value = ParseCleaned(cleaned, targetUnit);
        // OCR reads 0 as O and 1 as l: a number that does not read as written may read with them put back.
        if (value.Kind == CellValueKind.Invalid && OcrDigits.InNumbers(cleaned) is var digits && digits != cleaned
            && ParseCleaned(digits, targetUnit) is { IsNumber: true } repaired) return repaired;
        return value;
    }

    private static CellValue ParseCleaned(string cleaned, string? targetUnit)
    {

        var match = NumberThenWords().Match(cleaned);
        if (!match.Success) return Unreadable(cleaned, ParseMessages.NotOneNumber);
        var words = match.Groups["words"].Value;
        if (words.Any(char.IsDigit)) return Unreadable(cleaned, ParseMessages.NotOneNumber);

        var stated = StatedUnit.Read(words);
        if (stated is null) return CellValue.Invalid(ParseMessages.UnknownUnit(cleaned, words));
        if (Contradiction(cleaned, stated, targetUnit) is { } contradiction) return CellValue.Invalid(contradiction);

        var (digits, problem) = DigitGroups.Read(match.Groups["body"].Value, ContextOf(stated, targetUnit));
        if (problem is not null) return Unreadable(cleaned, problem);
        try
        {
            var value = digits * stated.Factor;
            return CellValue.Number(match.Groups["sign"].Value is "" or "+" ? value : -value, stated.Code);
        }
        catch (OverflowException)
        {
            return Unreadable(cleaned, ParseMessages.TooLarge);
        }
    }

    private static bool IsNotReported(string cleaned) =>
        cleaned.Length == 0 || cleaned.All(CellText.IsDash) || NotReportedWords.Contains(CellText.Fold(cleaned));

    private static string? Contradiction(string text, StatedUnit stated, string? target)
    {
        if (target is null) return null;
        if (stated.Code is { } code && code != target) return ParseMessages.UnitMismatch(text, code, target);
        if (stated.IsCount && target is CatalogUnits.Percent or CatalogUnits.MillionVnd)
            return ParseMessages.CountForNonCount(text, target);
        return null;
    }

    private static NumberContext ContextOf(StatedUnit stated, string? target)
    {
        if (stated.Code == CatalogUnits.Percent || target == CatalogUnits.Percent) return NumberContext.Percent;
        if (stated.IsCount || CatalogUnits.IsCount(target)) return NumberContext.Count;
        return NumberContext.Vietnamese;
    }

    private static CellValue Unreadable(string text, string reason) => CellValue.Invalid(ParseMessages.Unreadable(text, reason));

    // An optional bullet ("- ", "+ ", "• "), an optional attached sign, digits with '.', ',' or single spaces
    // between them, then any words (the unit). [0-9] rather than \d: other scripts' digits are not numbers here.
    [GeneratedRegex(@"^(?:[-–—−+•] )?(?<sign>[-–—−+]?)(?<body>[0-9.,]+(?: [0-9.,]+)*) ?(?<words>.*)$", RegexOptions.Singleline)]
    private static partial Regex NumberThenWords();
}
