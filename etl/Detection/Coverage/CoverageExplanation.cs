using System.Text;
using static Bhyt.Etl.Detection.Coverage.FindingText;

namespace Bhyt.Etl.Detection.Coverage;

/// <summary>
/// The Vietnamese sentences of the coverage findings: the fall and its periods, the contributor group that moved most
/// (count, relative change and share), the child units whose insured people explain a parent's fall, and how far the
/// unit now is from its year's target.
/// </summary>
public sealed class CoverageExplanation
{
    private readonly Dictionary<(string Code, string BoundarySet, string Kind), List<UnitPeriod>> _series;
    private readonly Dictionary<(string Parent, string BoundarySet, string Kind), List<List<UnitPeriod>>> _children;
    private readonly IReadOnlyDictionary<string, string> _groupNames;
    private readonly CoverageThresholds _thresholds;

    public CoverageExplanation(Dictionary<(string Code, string BoundarySet, string Kind), List<UnitPeriod>> series,
        IReadOnlyDictionary<string, string> groupNames, CoverageThresholds thresholds)
    {
        _series = series;
        _groupNames = groupNames;
        _thresholds = thresholds;
        _children = series.Where(s => s.Value[0].ParentCode is not null)
            .GroupBy(s => (s.Value[0].ParentCode!, s.Key.BoundarySet, s.Key.Kind))
            .ToDictionary(g => g.Key, g => g.Select(s => s.Value).ToList());
    }

    /// <summary>The drop's sentence and the group named as its main cause (null when no group figures are stored).</summary>
    public (string Sentence, string? Group) Drop(UnitPeriod before, UnitPeriod after)
    {
        var rateBefore = before.Value("cov_rate")!.Value;
        var rateAfter = after.Value("cov_rate")!.Value;
        var text = new StringBuilder($"Tỷ lệ bao phủ BHYT của {after.UnitName} giảm từ {Percent(rateBefore)} ({When(before)}) xuống {Percent(rateAfter)} ({When(after)}), {Points(rateAfter - rateBefore)}");
        if (Change(before, after, "cov_participants") is < 0 and var lost)
            text.Append($"; số người tham gia giảm {Persons(-lost)} người");
        var group = ContributorGroups.Codes.Where(g => Change(before, after, g) < 0).MinBy(g => Change(before, after, g));
        if (group is not null)
            text.Append($", chủ yếu do {GroupName(group)} giảm {Persons(-Change(before, after, group)!.Value)} người ({RelativeChange(before, after, group)}){ShareMove(before, after, group)}");
        text.Append('.');
        AppendChildren(text, before, after);
        AppendYearTarget(text, after);
        return (text.ToString(), group);
    }

    public string GroupCollapse(UnitPeriod before, UnitPeriod after, IReadOnlyList<string> groups)
    {
        var first = groups[0];
        var text = new StringBuilder($"{Capitalised(GroupName(first))} của {after.UnitName} giảm từ {Persons(before.Value(first)!.Value)} xuống {Persons(after.Value(first)!.Value)} người ({RelativeChange(before, after, first)}) giữa {When(before)} và {When(after)}{ShareMove(before, after, first)}");
        foreach (var other in groups.Skip(1))
            text.Append($"; {GroupName(other)} cũng giảm {Persons(-Change(before, after, other)!.Value)} người ({RelativeChange(before, after, other)})");
        if (before.Value("cov_rate") is { } rateBefore && after.Value("cov_rate") is { } rateAfter)
            text.Append($". Tỷ lệ bao phủ từ {Percent(rateBefore)} sang {Percent(rateAfter)} ({Points(rateAfter - rateBefore)})");
        return text.Append('.').ToString();
    }

    /// <summary>The clause saying how much of a fall is the usual one of the season, and how much is left beyond it.</summary>
    public static string Seasonal(double usualPoints, double beyondPoints) =>
        $" Mức giảm thường lệ cùng kỳ (theo các năm trước và các đơn vị cùng cấp) là {Math.Abs(usualPoints).ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} điểm %; phần giảm bất thường là {beyondPoints.ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} điểm %.";

    public static string BelowTarget(UnitPeriod period, double actual, double target) =>
        $"Tỷ lệ bao phủ BHYT của {period.UnitName} {When(period)} là {Percent(actual)}, thấp hơn chỉ tiêu {Percent(target)} là {Math.Abs(actual - target).ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} điểm %.";

    /// <summary>Names the children whose change in insured people explains most of the parent's fall, with their share of it.</summary>
    private void AppendChildren(StringBuilder text, UnitPeriod before, UnitPeriod after)
    {
        if (!_children.TryGetValue((after.UnitCode, after.BoundarySet, after.Kind), out var children)) return;
        var changes = children
            .Select(series => (Before: series.FirstOrDefault(p => p.Label == before.Label), After: series.FirstOrDefault(p => p.Label == after.Label)))
            .Where(c => c.Before is not null && c.After is not null && Change(c.Before, c.After, "cov_participants") is not null)
            .Select(c => (c.After!.UnitName, Change: Change(c.Before!, c.After, "cov_participants")!.Value))
            .ToList();
        var fall = Change(before, after, "cov_participants") ?? changes.Sum(c => c.Change);
        if (fall >= 0 || changes.Count == 0) return;
        var named = new List<string>();
        var covered = 0.0;
        foreach (var (name, change) in changes.Where(c => c.Change < 0).OrderBy(c => c.Change))
        {
            if (named.Count == _thresholds.ChildrenNamed || covered >= _thresholds.ChildrenCoverShare * -fall) break;
            named.Add($"{name} giảm {Persons(-change)} người ({WholePercent(100 * change / fall)} mức giảm)");
            covered += -change;
        }
        if (named.Count > 0) text.Append($" Đơn vị giải thích mức giảm: {string.Join("; ", named)}.");
    }

    /// <summary>How far the unit now is from the target of the year its period falls in.</summary>
    private void AppendYearTarget(StringBuilder text, UnitPeriod after)
    {
        var year = after.Start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var target = _series.TryGetValue((after.UnitCode, after.BoundarySet, "year"), out var years)
            ? years.FirstOrDefault(p => p.Label == year)?.Target.GetValueOrDefault("cov_rate") : null;
        if (target is null || after.Value("cov_rate") is not { } rate) return;
        text.Append(rate < target.Value
            ? $" Chỉ tiêu năm {year} là {Percent(target.Value)}, còn thiếu {Points(rate - target.Value).TrimStart('−')}."
            : $" Vẫn đạt chỉ tiêu năm {year} ({Percent(target.Value)}).");
    }

    private static double? Change(UnitPeriod before, UnitPeriod after, string indicator) =>
        before.Value(indicator) is { } was && after.Value(indicator) is { } now ? now - was : null;

    private static string RelativeChange(UnitPeriod before, UnitPeriod after, string group)
    {
        var was = before.Value(group)!.Value;
        return was <= 0 ? "—" : (Change(before, after, group) < 0 ? "−" : "+") + WholePercent(Math.Abs(100 * Change(before, after, group)!.Value / was));
    }

    private static string ShareMove(UnitPeriod before, UnitPeriod after, string group) =>
        before.Value(ContributorGroups.ShareCode(group)) is { } was && after.Value(ContributorGroups.ShareCode(group)) is { } now
            ? $", tỷ trọng trong số người tham gia từ {Percent(was)} xuống {Percent(now)}" : "";

    private string GroupName(string group)
    {
        var name = _groupNames.GetValueOrDefault(group, group);
        return name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string When(UnitPeriod period) => Period(period.Label, period.Kind);
}
