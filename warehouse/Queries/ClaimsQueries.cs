using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units.Scope;
using Dapper;

namespace Bhyt.Warehouse.Queries;

/// <summary>One row of <c>rpt.claims_monthly</c> summed over facilities: month × tier × visit type.</summary>
public sealed record ClaimsMonth(DateTime Month, int? Tier, string VisitType, long Claims, long Patients, long BedDays, double TotalCost, double InsurerPaid, double DrugCost, double SuppliesCost);

/// <summary>
/// Claims aggregates of a province (or the whole country) for one year, from <c>rpt.claims_monthly</c>. Claims carry the
/// pre-2025 province codes of the facilities that sent them: a caller limited to a scope (<see cref="IUnitAccessSource"/>)
/// reads only the pre-2025 provinces inside it, and "every province" means every province of its scope.
/// </summary>
public sealed class ClaimsQueries(ReportingDb db, IUnitAccessSource? access = null)
{
    private readonly IUnitAccessSource _access = access ?? FixedUnitAccess.Country;

    /// <summary>The condition on <c>province_code</c>: <paramref name="provinceCode"/> (null = every province in scope), its values as parameters.</summary>
    private async Task<string> ProvincesAsync(string? provinceCode, DynamicParameters parameters, CancellationToken ct)
    {
        var scope = await _access.CurrentAsync(ct);
        if (provinceCode is not null)
        {
            if (!scope.Allows(BoundarySets.Pre2025, provinceCode)) return "1 = 0";
            parameters.Add("province", provinceCode);
            return "province_code = @province";
        }
        if (scope.IsCountry) return "1 = 1";
        var codes = scope.CodesIn(BoundarySets.Pre2025).Where(c => c.Length == 2).Order(StringComparer.Ordinal).ToList();
        return codes.Count == 0 ? "1 = 0" : $"province_code IN ({SqlList.Add(parameters, "p", codes)})";
    }

    /// <summary>Months of <paramref name="year"/> by tier and visit type. <paramref name="provinceCode"/> null = every province (in scope).</summary>
    public async Task<List<ClaimsMonth>> MonthlyAsync(string? provinceCode, int year, CancellationToken ct)
    {
        var parameters = new DynamicParameters(new { from = new DateOnly(year, 1, 1), to = new DateOnly(year, 12, 31) });
        var provinces = await ProvincesAsync(provinceCode, parameters, ct);
        return await db.QueryAsync($"""
            SELECT month, facility_tier, visit_type, sum(claims), sum(patients), sum(bed_days),
                   sum(total_cost), sum(insurer_paid), sum(drug_cost), sum(supplies_cost)
            FROM rpt.claims_monthly
            WHERE month >= @from AND month <= @to AND {provinces}
            GROUP BY month, facility_tier, visit_type
            ORDER BY month, facility_tier, visit_type
            """, parameters,
            r => new ClaimsMonth(ReportingDb.Date(r, 0), r.IsDBNull(1) ? null : (int)ReportingDb.Integer(r, 1), r.GetString(2),
                ReportingDb.Integer(r, 3), ReportingDb.Integer(r, 4), ReportingDb.Integer(r, 5), ReportingDb.Number(r, 6),
                ReportingDb.Number(r, 7), ReportingDb.Number(r, 8), ReportingDb.Number(r, 9)), ct);
    }

    /// <summary>
    /// Claims in the years <paramref name="from"/>–<paramref name="to"/> of a province (null = every province) and how many
    /// came with their detail tables XML2/XML3, from which alone services, examinations and bed-days are known.
    /// </summary>
    public async Task<(long Claims, long WithDetails)> DetailCoverageAsync(string? provinceCode, int from, int to, CancellationToken ct)
    {
        var parameters = new DynamicParameters(new { from = new DateOnly(from, 1, 1), to = new DateOnly(to, 12, 31) });
        var provinces = await ProvincesAsync(provinceCode, parameters, ct);
        return (await db.QueryAsync($"""
            SELECT CAST(coalesce(sum(claims), 0) AS BIGINT), CAST(coalesce(sum(claims_with_details), 0) AS BIGINT) FROM rpt.claims_monthly
            WHERE month >= @from AND month <= @to AND {provinces}
            """, parameters, r => (ReportingDb.Integer(r, 0), ReportingDb.Integer(r, 1)), ct)).Single();
    }

    /// <summary>How many provinces sent claims in each year of the range (how much of the country claims-derived totals cover).</summary>
    public async Task<Dictionary<int, int>> ProvincesWithClaimsAsync(int from, int to, CancellationToken ct)
    {
        var parameters = new DynamicParameters(new { from = new DateOnly(from, 1, 1), to = new DateOnly(to, 12, 31) });
        var provinces = await ProvincesAsync(null, parameters, ct);
        return (await db.QueryAsync($"""
            SELECT YEAR(month), count(DISTINCT province_code) FROM rpt.claims_monthly
            WHERE month >= @from AND month <= @to AND {provinces} GROUP BY YEAR(month)
            """, parameters, r => (Year: (int)ReportingDb.Integer(r, 0), Provinces: (int)ReportingDb.Integer(r, 1)), ct))
            .ToDictionary(r => r.Year, r => r.Provinces);
    }

    public static string TierVi(int? tier) => tier switch
    {
        1 => "Trung ương",
        2 => "Tỉnh",
        3 => "Huyện",
        4 => "Xã",
        _ => "Không rõ",
    };

    public static string VisitTypeVi(string visitType) => visitType switch
    {
        "exam" => "Khám bệnh",
        "outpatient" => "Điều trị ngoại trú",
        "inpatient" => "Điều trị nội trú",
        _ => visitType,
    };
}
