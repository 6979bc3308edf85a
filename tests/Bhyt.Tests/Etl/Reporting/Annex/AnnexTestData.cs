using System.Globalization;
using System.Text;
using Bhyt.Etl.Import;
using Bhyt.Etl.Reporting.Annex;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Periods;
using Bhyt.Warehouse.Units;

namespace Bhyt.Tests.Etl.Reporting.Annex;

/// <summary>Warehouses and files for the annex tests: a submission CSV written here, the bundled Đà Lạt sample, imports, current figures.</summary>
internal static class AnnexTestData
{
    public const string DaLat = "672";
    public static readonly IReadOnlyList<Period> ReviewPeriods = AnnexPeriods.Parse("2009-2014,2015-2019,2020-2024");

    public sealed record CurrentFigure(string UnitCode, string PeriodLabel, string IndicatorCode, string ValueKind, decimal Value);

    /// <summary>The bundled sample figures read from the Đà Lạt seed document (what a fresh clone loads).</summary>
    public static string DaLatSample => Path.Combine(RepositoryRoot.Directory, "dashboard", "SampleData", "Data", "seed_001_figures.csv");

    public static async Task<Bhyt.Etl.Import.ImportResult> ImportAsync(TempWarehouse warehouse, string path) =>
        await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None)).ImportAsync(path, new ImportOptions(), null, CancellationToken.None);

    /// <summary>
    /// A submission CSV with a figure for most indicators of every form, varied in size and decimals (counts, 60,85 %,
    /// money with a decimal), some left out so their cells stay "-", targets beside actuals for coverage, and figures of
    /// the first ward of Đà Lạt.
    /// </summary>
    public static async Task<string> WriteVariedSubmissionAsync(TempWarehouse warehouse)
    {
        var units = await UnitDirectory.LoadAsync(warehouse.Engine, CancellationToken.None);
        var dalat = units.FindByCode(DaLat, new DateOnly(2024, 12, 31))!;
        var ward = units.Units.Where(u => u.ParentKey == dalat.UnitKey && u.IsValidOn(new DateOnly(2024, 12, 31))).OrderBy(u => u.UnitCode, StringComparer.Ordinal).First();
        var csv = new StringBuilder("unit_code,unit_name,period,indicator,value,value_kind\n");
        var n = 0;
        foreach (var form in AnnexForms.All)
        foreach (var code in form.IndicatorCodes.Distinct())
        {
            var unit = Bhyt.Warehouse.Reference.IndicatorCatalog.Bundled.Find(code)!.Unit;
            foreach (var period in ReviewPeriods)
            {
                n++;
                if (n % 7 == 3) continue;
                var value = unit switch
                {
                    "percent" => 50m + n % 50 + (n % 3 == 0 ? 0.85m : n % 3 == 1 ? 0.5m : 0m),
                    "million_vnd" => 1000m * n + (n % 2 == 0 ? 0.5m : 0m),
                    _ => 1000m * n + n,
                };
                csv.Append(CultureInfo.InvariantCulture, $"{DaLat},,{period.Label},{code},{value.ToString(CultureInfo.InvariantCulture)},actual\n");
            }
        }
        csv.Append("672,,2020-2024,cov_rate,92.1,target\n672,,2015-2019,cov_rate,90.6,target\n");
        csv.Append(CultureInfo.InvariantCulture, $"{ward.UnitCode},,2020-2024,cov_participants,10250,actual\n{ward.UnitCode},,2015-2019,grp_household,3075,actual\n");
        var path = Path.Combine(warehouse.Directory, "so-lieu-da-lat.csv");
        await File.WriteAllTextAsync(path, csv.ToString());
        return path;
    }

    /// <summary>
    /// The current figures of the units under and including Đà Lạt, for the given indicators and the review periods; values
    /// the warehouse computed itself are left out, as the annex leaves them out (one form alone lacks their inputs).
    /// </summary>
    public static async Task<List<CurrentFigure>> CurrentAsync(IWarehouseEngine engine, IEnumerable<string> indicators)
    {
        var codes = indicators.ToList();
        var labels = ReviewPeriods.Select(p => p.Label).ToList();
        var rows = await engine.QueryAsync<CurrentFigure>("""
            SELECT DISTINCT v.unit_code AS UnitCode, v.period_label AS PeriodLabel, v.indicator_code AS IndicatorCode, v.value_kind AS ValueKind, v.value AS Value
            FROM rpt.indicator_values v JOIN rpt.units u ON u.unit_code = v.unit_code
            WHERE (v.unit_code = '672' OR u.parent_code = '672') AND v.source <> 'derived' AND v.indicator_code IN @codes AND v.period_label IN @labels
            """, new { codes, labels });
        return rows.Select(r => r with { Value = r.Value / 1.000000000000000000000000000000000m })
            .OrderBy(r => r.UnitCode).ThenBy(r => r.IndicatorCode).ThenBy(r => r.PeriodLabel).ThenBy(r => r.ValueKind).ToList();
    }

    public static async Task<string> ExportAsync(TempWarehouse warehouse, AnnexRequest request, AnnexFormat format, string name)
    {
        var path = Path.Combine(warehouse.Directory, name + AnnexFormats.Extension(format));
        await using var file = File.Create(path);
        await new AnnexExport(warehouse.Engine).WriteAsync(request, format, file, CancellationToken.None);
        return path;
    }
}
