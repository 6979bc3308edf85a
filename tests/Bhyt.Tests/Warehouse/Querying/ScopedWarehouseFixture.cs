using Bhyt.Tests.Support;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Querying;
using Dapper;

namespace Bhyt.Tests.Warehouse.Querying;

/// <summary>
/// An initialised warehouse with figures of several provinces: values of Hà Nội (01) and its district Ba Đình (001), of
/// Hồ Chí Minh city (79, 2025) and of Bà Rịa - Vũng Tàu (77, merged whole into 79), of Hải Phòng (31); a facility in Ba
/// Đình and one in Hồ Chí Minh city with a month of claims each.
/// </summary>
public sealed class ScopedWarehouseFixture : IAsyncLifetime
{
    public static readonly string[] UnitsWithValues = ["01", "001", "79", "77", "31"];

    public TempWarehouse Warehouse { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Warehouse = await TempWarehouse.InitialisedAsync();
        await using var connection = await Warehouse.Engine.OpenAsync(CancellationToken.None);
        var value = 1;
        foreach (var code in UnitsWithValues)
            await connection.ExecuteAsync("""
                INSERT INTO dw.fct_indicator_value (value_id, unit_key, period_key, indicator_key, value_kind, value, source, is_current, loaded_at)
                SELECT $id, (SELECT max(unit_key) FROM dw.dim_unit WHERE unit_code = $code),
                       (SELECT min(period_key) FROM dw.dim_period WHERE kind = 'year'),
                       (SELECT min(indicator_key) FROM dw.dim_indicator), 'actual', $value, 'submission', true, TIMESTAMP '2025-01-01'
                """, new { id = value, code, value = 1000m * value++ });
        await connection.ExecuteAsync("""
            INSERT INTO dw.dim_facility (facility_key, facility_code, name, tier, ownership, unit_code, province_code) VALUES
                (1, '01001', 'Bệnh viện Ba Đình', 3, 'public', '001', '01'),
                (2, '79001', 'Bệnh viện Chợ Rẫy', 1, 'public', '79', '79');
            INSERT INTO dw.fct_claims_monthly (month_key, province_code, facility_key, facility_code, facility_tier, visit_type,
                claims, patients, bed_days, total_cost, insurer_paid, drug_cost, supplies_cost, refreshed_at)
            SELECT (SELECT min(period_key) FROM dw.dim_period WHERE kind = 'month'), f.province_code, f.facility_key, f.facility_code,
                   f.tier, 'outpatient', 10 * f.facility_key, 9, 0, 1000000, 800000, 300000, 100000, TIMESTAMP '2025-01-01'
            FROM dw.dim_facility f;
            """);
    }

    /// <summary>The scope of <paramref name="code"/> as the console would resolve it.</summary>
    public async Task<RptScope> ScopeAsync(string code)
    {
        return await new UnitAccessScopeResolver(Warehouse.Engine).ResolveAsync(code, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Warehouse.DisposeAsync();
}
