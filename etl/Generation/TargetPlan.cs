using System.Globalization;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Etl.Generation;

/// <summary>
/// The yearly coverage targets of districts and provinces: ordinarily within a point and a half of what was achieved
/// (either side), for a few planted district-years 2.5–8 points above it (below_target), and for a few decoys missed by
/// 1–1.8 points (short of the 2-point threshold a leader would call a miss).
/// </summary>
public sealed class TargetPlan
{
    private readonly Random _random;
    private readonly Dictionary<(string Unit, int Year), double> _gaps = new();
    private readonly List<PlantedAnomaly> _planted;
    private readonly List<PlantedAnomaly> _decoys;
    private readonly Dictionary<(string, int), AdminUnitRecord> _units = new();

    public TargetPlan(GenerationScope scope, Random random, GenerationOptions options, List<PlantedAnomaly> planted, List<PlantedAnomaly> decoys)
    {
        _random = random;
        _planted = planted;
        _decoys = decoys;
        var count = Math.Clamp(scope.Districts.Count / 8, 3, 40);
        var picks = scope.Districts.OrderBy(_ => random.Next()).Take(count + count / 2 + 1).ToList();
        for (var i = 0; i < picks.Count; i++)
        {
            var year = random.Next(Math.Max(options.FromYear, options.ToYear - 6), options.ToYear + 1);
            _gaps[(picks[i].UnitCode, year)] = i < count ? 2.5 + random.NextDouble() * 5.5 : 1.0 + random.NextDouble() * 0.8;
        }
    }

    /// <summary>The unit's target for the year, recording a planted or decoy gap when the unit-year has one.</summary>
    public double Target(AdminUnitRecord unit, int year, double achieved)
    {
        if (!_gaps.TryGetValue((unit.UnitCode, year), out var gap)) return Math.Min(100, achieved - 1 + _random.NextDouble() * 2.5);
        var target = Math.Min(100, achieved + gap);
        var entry = new PlantedAnomaly("below_target", unit.UnitCode, year.ToString(CultureInfo.InvariantCulture), new Dictionary<string, object>
        {
            ["unit_name"] = unit.Name, ["rate"] = achieved, ["target"] = Math.Round(target, 2), ["gap_points"] = Math.Round(target - achieved, 2),
        });
        if (gap >= 2.5) _planted.Add(entry);
        else _decoys.Add(new PlantedAnomaly(entry.Kind, entry.Subject, entry.Period, new Dictionary<string, object>(entry.Details) { ["decoy"] = "thấp hơn chỉ tiêu dưới 2 điểm %" }));
        return target;
    }
}
