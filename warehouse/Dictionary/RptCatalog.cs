using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Dapper;

namespace Bhyt.Warehouse.Dictionary;

/// <summary>
/// Reads the data dictionary from the warehouse's own catalog (DuckDB comments, SQL Server extended properties), so a page
/// shows what the engine actually holds rather than what the source says it should.
/// </summary>
public sealed class RptCatalog(ReportingDb db)
{
    /// <summary>Every <c>rpt</c> view with its columns and descriptions, through the reporting queries' connection.</summary>
    public async Task<IReadOnlyList<CatalogView>> ReadAsync(CancellationToken ct) =>
        Group(await db.QueryAsync(DictionaryDialect.For(db.Engine.Name).CatalogSql, null, Read, ct));

    /// <summary>
    /// The same over a connection the caller holds, e.g. the read-only one of an analysts' console (<paramref name="engine"/>
    /// says which catalog query to run on it).
    /// </summary>
    public static async Task<IReadOnlyList<CatalogView>> ReadAsync(DbConnection connection, IWarehouseEngine engine, CancellationToken ct)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(DictionaryDialect.For(engine.Name).CatalogSql, cancellationToken: ct));
        var rows = new List<Row>();
        while (await reader.ReadAsync(ct)) rows.Add(Read(reader));
        return Group(rows);
    }

    /// <summary>The views and columns of <paramref name="views"/> without a description, named <c>rpt.view</c> and <c>rpt.view.column</c>.</summary>
    public static IReadOnlyList<string> Undescribed(IReadOnlyList<CatalogView> views) =>
        views.Where(v => v.Description is null).Select(v => $"rpt.{v.View}")
            .Concat(views.SelectMany(v => v.Columns.Where(c => c.Description is null).Select(c => $"rpt.{v.View}.{c.Column}")))
            .ToList();

    private sealed record Row(string View, string? ViewComment, string Column, long Ordinal, string DataType, string? ColumnComment);

    private static Row Read(DbDataReader r) => new(
        r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), Convert.ToInt64(r.GetValue(3)), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5));

    private static List<CatalogView> Group(IEnumerable<Row> rows) =>
        rows.GroupBy(r => r.View)
            .Select(g => new CatalogView(g.Key, DescriptionText.Parse(g.First().ViewComment),
                g.OrderBy(r => r.Ordinal).Select(r => new CatalogColumn(r.Column, r.DataType, DescriptionText.Parse(r.ColumnComment))).ToList()))
            .OrderBy(v => v.View, StringComparer.Ordinal)
            .ToList();
}
