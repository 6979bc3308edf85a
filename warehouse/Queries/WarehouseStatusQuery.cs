using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Warehouse.Queries;

/// <summary>What the warehouse holds, in a few counts, for the landing page.</summary>
public sealed record WarehouseStatus(
    string Engine, int SchemaVersion, int Indicators, int ProvincesBefore2025, int ProvincesAfter2025,
    int Communes2024, int Submissions, long IndicatorValues);

/// <summary>Reads <see cref="WarehouseStatus"/> from the rpt views.</summary>
public sealed class WarehouseStatusQuery(IWarehouseEngine engine)
{
    public async Task<WarehouseStatus> GetAsync(CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        var row = await connection.QuerySingleAsync<(int Version, int Indicators, int Before, int After, int Communes, int Submissions, long Values)>(
            new CommandDefinition(engine.Sql("""
                SELECT (SELECT max(version) FROM etl.schema_version),
                       (SELECT count(*) FROM rpt.indicators),
                       (SELECT count(*) FROM rpt.units WHERE level = 'province' AND valid_from <= @mid2024 AND (valid_to IS NULL OR valid_to >= @mid2024)),
                       (SELECT count(*) FROM rpt.units WHERE level = 'province' AND valid_to IS NULL),
                       (SELECT count(*) FROM rpt.units WHERE level = 'commune' AND valid_from <= @mid2024 AND (valid_to IS NULL OR valid_to >= @mid2024)),
                       (SELECT count(*) FROM rpt.submissions),
                       (SELECT count(*) FROM rpt.indicator_values)
                """), new { mid2024 = new DateOnly(2024, 7, 1) }, cancellationToken: ct));
        return new WarehouseStatus(engine.Name, row.Version, row.Indicators, row.Before, row.After, row.Communes, row.Submissions, row.Values);
    }
}
