using Bhyt.Tests.Support;
using Bhyt.Warehouse.Querying;
using Dapper;

namespace Bhyt.Tests.Warehouse.Querying;

public class RptColumnDescriptionTests
{
    [Fact]
    public async Task RptColumnsAsync_returns_the_catalog_comments_and_null_where_there_is_none()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await using (var connection = await warehouse.Engine.OpenAsync(CancellationToken.None))
            await connection.ExecuteAsync("""
                COMMENT ON VIEW rpt.units IS 'Đơn vị hành chính của cả hai bộ địa giới';
                COMMENT ON COLUMN rpt.units.unit_code IS 'Mã đơn vị (mã tỉnh, huyện, xã)';
                COMMENT ON COLUMN rpt.units.name IS NULL;
                """);

        var columns = await new ReadOnlyQueryRunner(warehouse.Engine).RptColumnsAsync(RptScope.Country, CancellationToken.None);

        var code = Assert.Single(columns, c => c is { View: "units", Column: "unit_code" });
        Assert.Equal("Mã đơn vị (mã tỉnh, huyện, xã)", code.Description);
        Assert.Equal("Đơn vị hành chính của cả hai bộ địa giới", code.ViewDescription);
        Assert.Null(Assert.Single(columns, c => c is { View: "units", Column: "name" }).Description);
    }
}
