using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Loading;

/// <summary>Adds or updates rows of <c>etl.source</c> (by id): the sources a later import names in <c>ImportOptions.SourceId</c>.</summary>
public sealed class SourceStore(IWarehouseEngine engine)
{
    public async Task SaveAsync(IReadOnlyCollection<FigureSource> sources, CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await SaveAsync(connection, transaction, sources, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task SaveAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<FigureSource> sources, CancellationToken ct)
    {
        var rows = sources.Select(s => new { s.Id, s.Kind, Title = Cut(s.Title, 500), s.Publisher, s.Url, s.Published, s.UnitCode, s.Note }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql("DELETE FROM etl.source WHERE source_id = @Id"), rows, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
            INSERT INTO etl.source (source_id, kind, title, publisher, url, published, unit_code, note)
            VALUES (@Id, @Kind, @Title, @Publisher, @Url, @Published, @UnitCode, @Note)
            """), rows, transaction, cancellationToken: ct));
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
