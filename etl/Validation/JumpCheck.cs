using System.Globalization;
using Bhyt.Etl.Loading;

namespace Bhyt.Etl.Validation;

/// <summary>A value already known for a unit, indicator and kind, to compare a new period against.</summary>
public sealed record PreviousValue(int UnitKey, string IndicatorCode, string ValueKind, string PeriodKind, DateOnly PeriodEnd, string PeriodLabel, decimal Value);

/// <summary>
/// Flags a value that jumps against the same unit's previous period of the same kind (from this file or the
/// warehouse) by more than <see cref="Bound"/> (relative change, 0.5 = ±50 %). A warning: real drops happen.
/// Only actual values are compared: a target is a plan, and a plan to reach zero uninsured is not an anomaly.
/// </summary>
public sealed class JumpCheck(decimal bound)
{
    public const decimal DefaultBound = 0.5m;
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public decimal Bound { get; } = bound;

    public IEnumerable<ValidationIssue> Check(IReadOnlyList<Figure> figures, IEnumerable<PreviousValue> known)
    {
        var history = known
            .Concat(figures.Select(f => new PreviousValue(f.Unit.UnitKey, f.Indicator.Code, f.ValueKind, f.Period.Kind.ToString(), f.Period.End, f.Period.Label, f.Value)))
            .GroupBy(v => (v.UnitKey, v.IndicatorCode, v.ValueKind, v.PeriodKind))
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.PeriodEnd).ToList());

        foreach (var figure in figures.Where(f => f.ValueKind == Figure.Actual))
        {
            var series = history[(figure.Unit.UnitKey, figure.Indicator.Code, figure.ValueKind, figure.Period.Kind.ToString())];
            var previous = series.LastOrDefault(v => v.PeriodEnd < figure.Period.Start);
            if (previous is null || previous.Value == 0) continue;
            var change = (figure.Value - previous.Value) / previous.Value;
            if (Math.Abs(change) <= Bound) continue;
            yield return new ValidationIssue(ValidationIssue.Warning, "value.jump",
                $"{figure.Indicator.Code} của {figure.Unit.Name} thay đổi {change.ToString("+0.#%;-0.#%", Vi)} so với kỳ trước " +
                $"({previous.PeriodLabel}: {previous.Value.ToString("#,##0.##", Vi)} → {figure.Period.Label}: {figure.Value.ToString("#,##0.##", Vi)}); ngưỡng ±{Bound.ToString("0.#%", Vi)}.",
                figure.Source.Location, figure.Unit.UnitCode, figure.Period.Label, figure.Indicator.Code, figure.Source.Text);
        }
    }
}
