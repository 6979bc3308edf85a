using System.Text;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Etl.Generation;

/// <summary>
/// Writes <c>submissions.csv</c>: yearly coverage, group mixes and targets per district and province following the
/// national roadmap with local variation, and monthly coverage per commune from 2020 with every September's lapse of
/// pupils' cards renewed in October (a seasonal dip every commune shares). Planted: the July 2021 loss of state-paid
/// cards in one or two whole districts (the Lục Ngạn pattern), drops of 2.5–12 points in single communes lasting 1–6
/// months, contributor groups collapsing while their members re-enrol as households, and districts 2.5–8 points below
/// their year's target. Decoys: falls of less than 2 points, targets missed by less than 2 points, the September lapse.
/// </summary>
public sealed class SubmissionsWriter(GenerationScope scope, Random random, GenerationOptions options)
{
    /// <summary>The header of the long submission CSV.</summary>
    public const string Header = "unit_code,unit_name,period,indicator,value,value_kind";

    /// <summary>Share of the state-paid group lost in the shocked districts from July 2021.</summary>
    public const double StateLoss = 0.25;

    /// <summary>Share of pupils' cards (state-supported group) that lapse every September and are renewed in October.</summary>
    public const double SeptemberLapse = 0.15;

    /// <summary>First year of the monthly commune series.</summary>
    public const int MonthlyFromYear = 2020;

    /// <summary>One commune in <see cref="WithheldOneIn"/> (never one with a planted event) does not send its last month.</summary>
    public const int WithheldOneIn = 40;

    private int _rows;

    /// <summary>The districts whose communes report monthly (filled by <see cref="Write"/>).</summary>
    public List<AdminUnitRecord> MonthlyDistrictsWritten { get; } = [];

    /// <summary>The communes whose last month (December of the last year) was withheld: they have not reported it.</summary>
    public List<AdminUnitRecord> Withheld { get; } = [];

    /// <summary>Writes the file, adding what it planted and its decoys to the lists; returns the row count.</summary>
    public int Write(string path, List<PlantedAnomaly> planted, List<PlantedAnomaly> decoys)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(Header);
        var targets = new TargetPlan(scope, random, options, planted, decoys);
        var rates = WriteYearly(writer, targets);
        var shocked = scope.Scale == "district" ? scope.Districts.ToList() : scope.Districts.OrderBy(_ => random.Next()).Take(2).OrderBy(d => d.UnitCode, StringComparer.Ordinal).ToList();
        var monthly = MonthlyDistricts(shocked).ToList();
        var communes = monthly.Where(d => !shocked.Contains(d)).SelectMany(d => scope.CommunesOf(d.UnitCode)).ToList();
        var events = new CoverageEventPlan(random, options, communes, planted, decoys).Events;
        MonthlyDistrictsWritten.AddRange(monthly);
        foreach (var district in monthly)
        {
            var isShocked = shocked.Contains(district);
            foreach (var commune in scope.CommunesOf(district.UnitCode))
            {
                var withheld = !isShocked && events.All(e => e.UnitCode != commune.UnitCode) && IsWithheld(commune.UnitCode);
                if (withheld && options.ToYear >= MonthlyFromYear) Withheld.Add(commune);
                var drop = WriteCommuneMonths(writer, commune, rates[district.UnitCode], isShocked, events, withheld);
                if (isShocked)
                    planted.Add(new PlantedAnomaly("coverage_drop", commune.UnitCode, "2021-07", new Dictionary<string, object>
                    {
                        ["unit_name"] = commune.Name, ["district"] = district.UnitCode, ["district_name"] = district.Name,
                        ["indicator"] = "cov_participants", ["drop_percent"] = Math.Round(drop, 2), ["cause"] = "grp_state shrank",
                    }));
            }
        }
        return _rows;
    }

    private Dictionary<string, Dictionary<int, double>> WriteYearly(StreamWriter writer, TargetPlan targets)
    {
        var rates = new Dictionary<string, Dictionary<int, double>>();
        foreach (var province in scope.Provinces)
        {
            var totals = new Dictionary<int, CoverageFigures>();
            foreach (var district in scope.DistrictsOf(province.UnitCode))
            {
                var population = scope.CommunesOf(district.UnitCode).Count() * (double)random.Next(6_000, 12_000) + 20_000;
                // Local variation scales the uninsured gap rather than adding points, so the gap never jumps as rates near 100.
                var gapFactor = 0.84 + random.NextDouble() * 0.32;
                var byYear = rates[district.UnitCode] = new Dictionary<int, double>();
                for (var year = options.FromYear; year <= options.ToYear; year++)
                {
                    var rate = byYear[year] = 100 - (100 - CoverageFigures.RoadmapRate(year)) * gapFactor * (0.98 + random.NextDouble() * 0.04);
                    var pop = (long)(population * Math.Pow(1.01, year - options.FromYear));
                    var figures = CoverageFigures.Split(pop, (long)(pop * rate / 100), year);
                    WriteUnitYear(writer, district, year, figures, targets);
                    totals[year] = totals.TryGetValue(year, out var sum) ? sum.Plus(figures) : figures;
                }
            }
            if (scope.Scale == "district") continue;
            foreach (var (year, figures) in totals) WriteUnitYear(writer, province, year, figures, targets);
        }
        return rates;
    }

    private void WriteUnitYear(StreamWriter writer, AdminUnitRecord unit, int year, CoverageFigures figures, TargetPlan targets)
    {
        var period = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (indicator, value) in figures.Rows()) Row(writer, unit, period, indicator, value, "actual");
        Row(writer, unit, period, "cov_rate", GeneratedCsv.Number(targets.Target(unit, year, figures.Rate), 2), "target");
    }

    private IEnumerable<AdminUnitRecord> MonthlyDistricts(IReadOnlyList<AdminUnitRecord> shocked)
    {
        if (scope.Scale != "national") return scope.Districts;
        var sample = scope.Provinces.Select(p => scope.DistrictsOf(p.UnitCode).ToList()).Select(ds => ds[random.Next(ds.Count)]);
        return sample.Union(shocked).OrderBy(d => d.UnitCode, StringComparer.Ordinal);
    }

    // Drawn from the seed and the code, not from the shared generator, so that every other figure stays as it was.
    private bool IsWithheld(string communeCode)
    {
        var hash = (uint)options.Seed * 2654435761u;
        foreach (var c in communeCode) hash = (hash ^ c) * 16777619u;
        return hash % WithheldOneIn == 0;
    }

    private double WriteCommuneMonths(StreamWriter writer, AdminUnitRecord commune, Dictionary<int, double> districtRates, bool shocked,
        IReadOnlyList<CoverageEvent> events, bool withheld)
    {
        var population = (long)random.Next(3_000, 15_000);
        var offset = random.NextDouble() * 2 - 1;
        var june2021 = 0L;
        var drop = 0.0;
        var mine = events.Where(e => e.UnitCode == commune.UnitCode).ToList();
        var prefix = $"{commune.UnitCode},{GeneratedCsv.Field(commune.Name)},";
        for (var year = Math.Max(options.FromYear, MonthlyFromYear); year <= options.ToYear; year++)
        for (var month = 1; month <= 12; month++)
        {
            var rate = Math.Clamp(districtRates[year] + offset - 0.3 + 0.05 * month + random.NextDouble() * 0.1, 30, 99);
            var figures = CoverageFigures.Split(population, (long)(population * rate / 100), year);
            if (month == 9) figures = figures.WithGroupLoss(CoverageGroup.StateSupport, SeptemberLapse);
            var when = new DateOnly(year, month, 1);
            foreach (var e in mine.Where(e => e.Covers(commune.UnitCode, when))) figures = figures.WithGroupLoss(e.Group, e.LostShare, e.ReenrolledShare);
            if (shocked && year == 2021 && month >= 7) figures = figures.WithStateLoss(StateLoss);
            if (year == 2021 && month == 6) june2021 = figures.Participants;
            if (year == 2021 && month == 7) drop = 100.0 * (june2021 - figures.Participants) / june2021;
            var period = $"{year}-{month:D2},";
            if (withheld && year == options.ToYear && month == 12) continue;
            foreach (var (indicator, value) in figures.Rows())
            {
                writer.Write(prefix);
                writer.Write(period);
                writer.Write(indicator);
                writer.Write(',');
                writer.Write(value);
                writer.WriteLine(",actual");
                _rows++;
            }
        }
        return drop;
    }

    private void Row(StreamWriter writer, AdminUnitRecord unit, string period, string indicator, string value, string kind)
    {
        writer.WriteLine($"{unit.UnitCode},{GeneratedCsv.Field(unit.Name)},{period},{indicator},{value},{kind}");
        _rows++;
    }
}
