using System.Text;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Etl.Generation;

/// <summary>
/// Writes <c>submissions.csv</c>: yearly coverage and group mixes per district and province following the national
/// roadmap with local variation and targets, plus monthly 2021 coverage per commune with a planted July 2021 drop of
/// the state-paid group in one or two named districts.
/// </summary>
public sealed class SubmissionsWriter(GenerationScope scope, Random random, GenerationOptions options)
{
    /// <summary>The header of the long submission CSV.</summary>
    public const string Header = "unit_code,unit_name,period,indicator,value,value_kind";

    /// <summary>Share of the state-paid group lost in the shocked districts from July 2021.</summary>
    public const double StateLoss = 0.25;

    private int _rows;

    /// <summary>Writes the file; returns the row count and the planted coverage drops.</summary>
    public (int Rows, IReadOnlyList<PlantedAnomaly> Planted) Write(string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(Header);
        var rate2021 = WriteYearly(writer);
        var shocked = scope.Scale == "district" ? scope.Districts.ToList() : scope.Districts.OrderBy(_ => random.Next()).Take(2).OrderBy(d => d.UnitCode, StringComparer.Ordinal).ToList();
        var planted = new List<PlantedAnomaly>();
        foreach (var district in MonthlyDistricts(shocked))
        {
            var isShocked = shocked.Contains(district);
            foreach (var commune in scope.CommunesOf(district.UnitCode))
            {
                var drop = WriteCommuneMonths(writer, commune, rate2021[district.UnitCode], isShocked);
                if (isShocked)
                    planted.Add(new PlantedAnomaly("coverage_drop", commune.UnitCode, "2021-07", new Dictionary<string, object>
                    {
                        ["unit_name"] = commune.Name, ["district"] = district.UnitCode, ["district_name"] = district.Name,
                        ["indicator"] = "cov_participants", ["drop_percent"] = Math.Round(drop, 2), ["cause"] = "grp_state shrank",
                    }));
            }
        }
        return (_rows, planted);
    }

    private Dictionary<string, double> WriteYearly(StreamWriter writer)
    {
        var rate2021 = new Dictionary<string, double>();
        foreach (var province in scope.Provinces)
        {
            var totals = new Dictionary<int, CoverageFigures>();
            foreach (var district in scope.DistrictsOf(province.UnitCode))
            {
                var population = scope.CommunesOf(district.UnitCode).Count() * (double)random.Next(6_000, 12_000) + 20_000;
                // Local variation scales the uninsured gap rather than adding points, so the gap never jumps as rates near 100.
                var gapFactor = 0.84 + random.NextDouble() * 0.32;
                for (var year = options.FromYear; year <= options.ToYear; year++)
                {
                    var rate = 100 - (100 - CoverageFigures.RoadmapRate(year)) * gapFactor * (0.98 + random.NextDouble() * 0.04);
                    if (year == 2021) rate2021[district.UnitCode] = rate;
                    var pop = (long)(population * Math.Pow(1.01, year - options.FromYear));
                    var figures = CoverageFigures.Split(pop, (long)(pop * rate / 100), year);
                    WriteUnitYear(writer, district, year, figures);
                    totals[year] = totals.TryGetValue(year, out var sum) ? sum.Plus(figures) : figures;
                }
            }
            if (scope.Scale == "district") continue;
            foreach (var (year, figures) in totals) WriteUnitYear(writer, province, year, figures);
        }
        return rate2021;
    }

    private void WriteUnitYear(StreamWriter writer, AdminUnitRecord unit, int year, CoverageFigures figures)
    {
        var period = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (indicator, value) in figures.Rows()) Row(writer, unit, period, indicator, value, "actual");
        var target = Math.Min(100, figures.Rate + 0.5 + random.NextDouble() * 1.5);
        Row(writer, unit, period, "cov_rate", GeneratedCsv.Number(target, 2), "target");
    }

    private IEnumerable<AdminUnitRecord> MonthlyDistricts(IReadOnlyList<AdminUnitRecord> shocked)
    {
        if (scope.Scale != "national") return scope.Districts;
        var sample = scope.Provinces.Select(p => scope.DistrictsOf(p.UnitCode).ToList()).Select(ds => ds[random.Next(ds.Count)]);
        return sample.Union(shocked).OrderBy(d => d.UnitCode, StringComparer.Ordinal);
    }

    private double WriteCommuneMonths(StreamWriter writer, AdminUnitRecord commune, double districtRate, bool shocked)
    {
        var population = (long)random.Next(3_000, 15_000);
        var rate = Math.Clamp(districtRate + random.NextDouble() * 2 - 1, 30, 99);
        var june = 0L;
        var drop = 0.0;
        for (var month = 1; month <= 12; month++)
        {
            var figures = CoverageFigures.Split(population, (long)(population * (rate - 0.3 + 0.05 * month) / 100), 2021);
            if (shocked && month >= 7) figures = figures.WithStateLoss(StateLoss);
            if (month == 6) june = figures.Participants;
            if (month == 7) drop = 100.0 * (june - figures.Participants) / june;
            foreach (var (indicator, value) in figures.Rows()) Row(writer, commune, $"2021-{month:D2}", indicator, value, "actual");
        }
        return drop;
    }

    private void Row(StreamWriter writer, AdminUnitRecord unit, string period, string indicator, string value, string kind)
    {
        writer.WriteLine($"{unit.UnitCode},{GeneratedCsv.Field(unit.Name)},{period},{indicator},{value},{kind}");
        _rows++;
    }
}
