using System.Globalization;
using System.Text;

namespace Bhyt.Etl.Generation;

/// <summary>
/// Writes <c>fund.csv</c>: monthly fund revenue, revenue plan, KCB spending and KCB budget (million VND) per province
/// for the last five years, with the seasons every province shares (spending heavier in winter, revenue collected in
/// December). Planted: province-years whose spending, from some month on, runs ahead so that the year overruns the budget
/// by 6–30 %, and province-years whose revenue falls behind so that the year misses the plan by 6–20 %. Decoys: years
/// that end 1–3 % over the budget or under the plan — close, but within what a budget tolerates.
/// </summary>
public sealed class FundWriter(GenerationScope scope, Random random, GenerationOptions options)
{
    /// <summary>Years of fund figures (the earlier ones give the seasonal shape).</summary>
    public const int Years = 5;

    /// <summary>Ordinary spending and revenue as shares of the budget and plan over a year.</summary>
    private const double UsualSpending = 0.95, UsualRevenue = 1.0045;

    private static readonly double[] SpendingSeason = [1.10, 1.05, 1.08, 1.02, 0.96, 0.92, 0.90, 0.93, 0.96, 1.00, 1.02, 1.06];

    private enum Role { Ordinary, Overspend, Shortfall, SpendingDecoy, RevenueDecoy }

    private sealed record Plan(Role Role, int FromMonth, double Factor);

    /// <summary>Writes the file, adding what it planted and its decoys to the lists; returns the row count.</summary>
    public int Write(string path, List<PlantedAnomaly> planted, List<PlantedAnomaly> decoys)
    {
        var firstYear = Math.Max(options.FromYear, options.ToYear - Years + 1);
        var rows = 0;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(SubmissionsWriter.Header);
        var roles = Roles(firstYear);
        foreach (var province in scope.Provinces)
        {
            var people = scope.Communes.Count(c => c.ProvinceCode == province.UnitCode) * 8_000.0 * 0.9;
            for (var year = firstYear; year <= options.ToYear; year++)
            {
                var plan = roles.TryGetValue((province.UnitCode, year), out var role) ? PlanFor(role) : new Plan(Role.Ordinary, 13, 1);
                if (plan.Role != Role.Ordinary) Record(plan, province, year, planted, decoys);
                var monthlyPlan = people * 1_000_000 * Math.Pow(1.06, year - firstYear) / 12 / 1_000_000;
                var monthlyBudget = monthlyPlan * 0.9;
                for (var month = 1; month <= 12; month++)
                {
                    var active = month >= plan.FromMonth;
                    var revenue = monthlyPlan * (0.93 + random.NextDouble() * 0.1) * (month == 12 ? 1.3 : 1) * (active && plan.Role is Role.Shortfall or Role.RevenueDecoy ? plan.Factor : 1);
                    var spending = monthlyBudget * SpendingSeason[month - 1] * (0.9 + random.NextDouble() * 0.1) * (active && plan.Role is Role.Overspend or Role.SpendingDecoy ? plan.Factor : 1);
                    var period = $"{year}-{month:D2}";
                    foreach (var (indicator, value) in new[] { ("fund_revenue", revenue), ("fund_revenue_plan", monthlyPlan), ("fund_kcb_spending", spending), ("fund_kcb_budget", monthlyBudget) })
                    {
                        writer.WriteLine($"{province.UnitCode},{GeneratedCsv.Field(province.Name)},{period},{indicator},{GeneratedCsv.Number(value, 1)},actual");
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    /// <summary>Which province-years carry a plant or decoy: two clean years of history first, then about one in eight of each.</summary>
    private Dictionary<(string, int), Role> Roles(int firstYear)
    {
        var roles = new Dictionary<(string, int), Role>();
        var slots = scope.Provinces.SelectMany(p => Enumerable.Range(firstYear + 2, Math.Max(0, options.ToYear - firstYear - 1)).Select(y => (p.UnitCode, y)))
            .OrderBy(_ => random.Next()).ToList();
        var each = Math.Max(1, slots.Count / 8);
        Role[] order = [Role.Overspend, Role.Shortfall, Role.SpendingDecoy, Role.RevenueDecoy];
        for (var i = 0; i < slots.Count && i < each * order.Length; i++) roles[slots[i]] = order[i % order.Length];
        return roles;
    }

    private Plan PlanFor(Role role)
    {
        var from = 1 + random.Next(7);
        var remaining = (13.0 - from) / 12;
        return role switch
        {
            Role.Overspend => new Plan(role, from, 1 + ((1 + Gap(0.06, 0.30)) / UsualSpending - 1) / remaining),
            Role.Shortfall => new Plan(role, from, Math.Max(0.4, 1 - (1 - (1 - Gap(0.06, 0.20)) / UsualRevenue) / remaining)),
            Role.SpendingDecoy => new Plan(role, 1, (1 + Gap(0.01, 0.03)) / UsualSpending),
            _ => new Plan(role, 1, (1 - Gap(0.01, 0.03)) / UsualRevenue),
        };
    }

    private double Gap(double low, double high) => Math.Round(low + random.NextDouble() * (high - low), 3);

    private static void Record(Plan plan, Bhyt.Warehouse.Reference.AdminUnitRecord province, int year, List<PlantedAnomaly> planted, List<PlantedAnomaly> decoys)
    {
        var kind = plan.Role is Role.Overspend or Role.SpendingDecoy ? "spending_ahead_of_budget" : "revenue_behind_plan";
        var details = new Dictionary<string, object>
        {
            ["unit_name"] = province.Name, ["from_month"] = plan.FromMonth, ["monthly_factor"] = Math.Round(plan.Factor, 3),
            ["expected_year_vs_target_percent"] = Math.Round(100 * ((plan.Role is Role.Overspend or Role.SpendingDecoy ? UsualSpending : UsualRevenue)
                * (1 + (plan.Factor - 1) * (13.0 - plan.FromMonth) / 12) - 1), 1),
        };
        if (plan.Role is Role.SpendingDecoy or Role.RevenueDecoy) details["decoy"] = "lệch dưới 5 % so với dự toán/kế hoạch năm";
        (plan.Role is Role.Overspend or Role.Shortfall ? planted : decoys)
            .Add(new PlantedAnomaly(kind, province.UnitCode, year.ToString(CultureInfo.InvariantCulture), details));
    }
}
