using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Warehouse.Reference;

/// <summary>Brings <c>dw.dim_indicator</c> in line with the catalog: adds new codes, updates changed ones, keeps keys.</summary>
internal sealed class IndicatorLoader(IWarehouseEngine engine)
{
    private static readonly string[] Columns = ["indicator_key", "code", "annex", "topic", "name_vi", "name_en", "unit", "measure", "sum_of", "ratio_numerator", "ratio_denominator", "ratio_scale"];

    public async Task<int> LoadAsync(DbConnection connection, DbTransaction transaction, IndicatorCatalog catalog, CancellationToken ct)
    {
        var existing = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT code FROM dw.dim_indicator", transaction: transaction, cancellationToken: ct))).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var added = catalog.All.Where(i => !existing.Contains(i.Code)).ToList();
        var first = await engine.ReserveKeysAsync(connection, transaction, "dw.seq_indicator", added.Count, ct);
        await engine.BulkInsertAsync(connection, transaction, "dw.dim_indicator", Columns,
            added.Select((i, n) => new object?[] { (int)(first + n), i.Code, i.Annex, i.Topic, i.NameVi, i.NameEn, i.Unit, i.Measure, i.SumOf, i.Ratio?.Numerator, i.Ratio?.Denominator, i.Ratio?.Scale }), ct);

        var kept = catalog.All.Where(i => existing.Contains(i.Code)).ToList();
        if (kept.Count > 0)
            await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
                UPDATE dw.dim_indicator
                SET annex = @Annex, topic = @Topic, name_vi = @NameVi, name_en = @NameEn, unit = @Unit, measure = @Measure, sum_of = @SumOf,
                    ratio_numerator = @Numerator, ratio_denominator = @Denominator, ratio_scale = @Scale
                WHERE code = @Code
                """), kept.Select(i => new { i.Annex, i.Topic, i.NameVi, i.NameEn, i.Unit, i.Measure, i.SumOf, i.Ratio?.Numerator, i.Ratio?.Denominator, i.Ratio?.Scale, i.Code }), transaction, cancellationToken: ct));
        return catalog.All.Count;
    }
}
