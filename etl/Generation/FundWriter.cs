using System.Text;

namespace Bhyt.Etl.Generation;

/// <summary>
/// Writes <c>fund.csv</c>: monthly fund revenue, revenue plan, KCB spending and KCB budget (million VND) per province
/// for the claims years, with one province whose spending runs ahead of its budget pace in one year.
/// </summary>
public sealed class FundWriter(GenerationScope scope, Random random, GenerationOptions options)
{
    /// <summary>How far the planted province's spending runs ahead of its monthly budget.</summary>
    public const double OverspendFactor = 1.3;

    private static readonly double[] SpendingSeason = [1.10, 1.05, 1.08, 1.02, 0.96, 0.92, 0.90, 0.93, 0.96, 1.00, 1.02, 1.06];

    /// <summary>Writes the file; returns the row count and the planted overspending.</summary>
    public (int Rows, IReadOnlyList<PlantedAnomaly> Planted) Write(string path)
    {
        var overspender = scope.Provinces[random.Next(scope.Provinces.Count)];
        var overspendYear = options.ClaimsFromYear < options.ToYear ? options.ToYear - 1 : options.ToYear;
        var rows = 0;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(SubmissionsWriter.Header);
        foreach (var province in scope.Provinces)
        {
            var people = scope.Communes.Count(c => c.ProvinceCode == province.UnitCode) * 8_000.0 * 0.9;
            for (var year = options.ClaimsFromYear; year <= options.ToYear; year++)
            {
                var monthlyPlan = people * 1_000_000 * Math.Pow(1.06, year - options.ClaimsFromYear) / 12 / 1_000_000;
                var monthlyBudget = monthlyPlan * 0.9;
                for (var month = 1; month <= 12; month++)
                {
                    var ahead = province == overspender && year == overspendYear;
                    var revenue = monthlyPlan * (0.93 + random.NextDouble() * 0.1) * (month == 12 ? 1.3 : 1);
                    var spending = monthlyBudget * SpendingSeason[month - 1] * (0.9 + random.NextDouble() * 0.1) * (ahead ? OverspendFactor : 1);
                    var period = $"{year}-{month:D2}";
                    foreach (var (indicator, value) in new[] { ("fund_revenue", revenue), ("fund_revenue_plan", monthlyPlan), ("fund_kcb_spending", spending), ("fund_kcb_budget", monthlyBudget) })
                    {
                        writer.WriteLine($"{province.UnitCode},{GeneratedCsv.Field(province.Name)},{period},{indicator},{GeneratedCsv.Number(value, 1)},actual");
                        rows++;
                    }
                }
            }
        }
        var planted = new PlantedAnomaly("spending_ahead_of_budget", overspender.UnitCode, overspendYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new Dictionary<string, object> { ["unit_name"] = overspender.Name, ["spending_vs_budget_factor"] = OverspendFactor });
        return (rows, [planted]);
    }
}
