using Bhyt.Etl.Detection.Facilities;
using Dapper;

namespace Bhyt.Tests.Etl.Detection.Facilities;

public class FacilityMonthStoreTests
{
    [Fact]
    public async Task LoadAsync_after_import_profiles_add_up_to_the_claims_per_facility_and_month()
    {
        await using var warehouse = await FacilityClaims.WarehouseAsync();
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);

        var rows = await FacilityMonthStore.LoadAsync(warehouse.Engine, connection, CancellationToken.None);
        var claims = (await connection.QueryAsync<(string Facility, string Month, long Claims, long Cards, long Stays, double Cost, double StayCost)>("""
            SELECT c.facility_code, p.label, count(*), count(DISTINCT c.card_pseudonym),
                   sum(CASE WHEN c.visit_type = 'inpatient' THEN 1 ELSE 0 END), CAST(sum(c.total_cost) AS DOUBLE),
                   CAST(coalesce(sum(CASE WHEN c.visit_type = 'inpatient' THEN c.total_cost END), 0) AS DOUBLE)
            FROM dw.fct_claim c JOIN dw.dim_period p ON p.period_key = c.month_key
            GROUP BY c.facility_code, p.label
            """)).ToDictionary(c => (c.Facility, c.Month));

        Assert.Equal(claims.Count, rows.Count);
        Assert.Equal(7 * FacilityClaims.Months, rows.Count);
        Assert.All(rows, r =>
        {
            var c = claims[(r.facility_code, r.period_label)];
            Assert.Equal((c.Claims, c.Cards, c.Stays), ((long)r.claims, (long)r.cards, (long)r.inpatient));
            Assert.Equal(c.Cost, r.total_cost, 2);
            Assert.Equal(c.StayCost, r.inpatient_cost, 2);
            Assert.True(r.outpatient_cost_squares >= r.outpatient_cost * r.outpatient_cost / r.outpatient - 1);
        });
    }
}
