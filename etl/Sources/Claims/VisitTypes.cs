namespace Bhyt.Etl.Sources.Claims;

/// <summary>
/// MA_LOAI_KCB of both standards mapped to exam / outpatient (treatment) / inpatient (claims-xml1.md §5). QĐ 130
/// codes are two characters ("01"); QĐ 4210 wrote one digit, and its 4/5/6 mean day-inpatient, a stay at a commune
/// station and a drug pick-up — not 130's 04/05/06 — so the standard decides how a one-digit code is read.
/// </summary>
public static class VisitTypes
{
    public const string Exam = "exam", Outpatient = "outpatient", Inpatient = "inpatient";

    private static readonly Dictionary<string, string> Qd130 = new()
    {
        ["01"] = Exam, ["02"] = Outpatient, ["03"] = Inpatient, ["04"] = Inpatient, ["05"] = Outpatient,
        ["06"] = Outpatient, ["07"] = Outpatient, ["08"] = Outpatient, ["09"] = Inpatient, ["10"] = Exam,
    };

    private static readonly Dictionary<string, string> Qd4210 = new()
    {
        ["1"] = Exam, ["2"] = Outpatient, ["3"] = Inpatient, ["4"] = Inpatient, ["5"] = Outpatient, ["6"] = Outpatient, ["9"] = Inpatient,
    };

    /// <summary>The visit type of a code, or null when the code is not in the standard's list.</summary>
    public static string? Map(string code, bool isQd130)
    {
        var trimmed = code.Trim();
        if (trimmed.Length == 2) return Qd130.GetValueOrDefault(trimmed);
        return isQd130 ? Qd130.GetValueOrDefault(trimmed.PadLeft(2, '0')) : Qd4210.GetValueOrDefault(trimmed);
    }
}
