using System.Data.Common;

namespace Bhyt.Warehouse.Engines;

/// <summary>
/// Everything that differs between DuckDB and SQL Server. Code above this interface is engine-agnostic:
/// it writes SQL with <c>@name</c> parameters and calls <see cref="Sql"/> before handing it to Dapper.
/// </summary>
public interface IWarehouseEngine
{
    /// <summary>"duckdb" or "sqlserver"; also the folder of the engine's scripts under <c>sql/</c>.</summary>
    string Name { get; }

    WarehouseTarget Target { get; }

    /// <summary>Opens a read-write connection, creating the warehouse file where the engine does that.</summary>
    Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Opens a connection for analysts' queries; it never creates the warehouse.</summary>
    Task<DbConnection> OpenReadOnlyAsync(CancellationToken ct);

    /// <summary>
    /// Opens a read-only connection for the SQL console (and <c>bhyt sql</c> without <c>--all-schemas</c>) on which the
    /// analyst can read the <c>rpt</c> views and nothing else, each limited to <paramref name="scope"/>; views without a
    /// unit are hidden from a scoped session (<see cref="Querying.RptViewScopes"/>). Never the dashboard's read-write connection.
    /// </summary>
    Task<DbConnection> OpenRptReaderAsync(Querying.RptScope scope, CancellationToken ct);

    /// <summary>
    /// As <see cref="EnsureReadOnlyAsync"/>, and also refuses any reference outside the <c>rpt</c> views (other schemas,
    /// catalogs, catalog listings) with rule <c>sql.rpt_only</c>.
    /// </summary>
    Task EnsureRptOnlyAsync(DbConnection rptConnection, string sql, CancellationToken ct);

    /// <summary>The columns of the <c>rpt</c> views <paramref name="rptConnection"/> shows, with the catalog's descriptions.</summary>
    Task<IReadOnlyList<Querying.RptColumn>> RptColumnsAsync(DbConnection rptConnection, CancellationToken ct);

    /// <summary>Adapts engine-agnostic SQL (with <c>@name</c> parameters) to the engine's dialect.</summary>
    string Sql(string sql);

    /// <summary>Splits a migration script into the batches the engine executes one by one.</summary>
    IEnumerable<string> SplitBatches(string script);

    /// <summary>Reserves <paramref name="count"/> values of a sequence for keys the caller assigns.</summary>
    Task<long> ReserveKeysAsync(DbConnection connection, DbTransaction transaction, string sequence, int count, CancellationToken ct);

    /// <summary>
    /// Bulk-loads rows (DuckDB Appender, SqlBulkCopy). <paramref name="columns"/> name the values of each row;
    /// table columns not named receive NULL.
    /// </summary>
    Task<long> BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table,
        IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct);

    /// <summary>
    /// Bulk-loads typed rows without boxing each value. <paramref name="columns"/> must be all the table's columns in
    /// the table's order (DuckDB's Appender fills whole rows); each batch writes its rows' values in that order.
    /// </summary>
    Task<long> BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table,
        IReadOnlyList<string> columns, IAsyncEnumerable<IBulkBatch> batches, CancellationToken ct);

    /// <summary>
    /// Proves with the engine's own parser that <paramref name="sql"/> is exactly one read-only query;
    /// throws <see cref="Querying.QueryRefusedException"/> otherwise.
    /// </summary>
    Task EnsureReadOnlyAsync(DbConnection readOnlyConnection, string sql, CancellationToken ct);

    /// <summary>
    /// A command for an analyst's query: streams its result and stops once it has run for <paramref name="timeout"/>,
    /// failing with an exception that <see cref="IsTimeout"/> recognises.
    /// </summary>
    DbCommand CreateQueryCommand(DbConnection connection, string sql, TimeSpan timeout);

    /// <summary>True when <paramref name="exception"/> says a command ran past the timeout it was created with.</summary>
    bool IsTimeout(Exception exception);

    /// <summary>Statements that open and close the read-only transaction an analyst's query runs in.</summary>
    (string Begin, string End) ReadOnlyScope { get; }

    /// <summary>True when the engine refused an operation for lack of permission (host access, writes).</summary>
    bool IsPermissionDenied(Exception exception);

    /// <summary>
    /// The clause that caps a query's rows, written after its ORDER BY: <c>LIMIT n</c> on DuckDB,
    /// <c>OFFSET 0 ROWS FETCH NEXT n ROWS ONLY</c> on SQL Server. <paramref name="rows"/> must be at least 1.
    /// </summary>
    string RowLimit(int rows);

    /// <summary>SQL for the whole days from the date <paramref name="from"/> to the date <paramref name="to"/> (to − from).</summary>
    string DaysBetween(string from, string to);

    /// <summary>SQL for the natural logarithm of <paramref name="value"/> (a positive number).</summary>
    string NaturalLog(string value);

    /// <summary>
    /// SQL for a compact key by which to group, partition or order rows on a long text column such as a card pseudonym
    /// (64 hex characters): a 64-bit hash on DuckDB, whose sorts and hash tables over tens of millions of such texts
    /// cost several times more than over integers; the text itself on SQL Server, whose indexes serve it. On DuckDB two
    /// texts may share a key (for n distinct texts, with probability about n²/2⁶⁵): a caller that reports what it
    /// grouped compares the texts themselves.
    /// </summary>
    string CompactKey(string text);

    /// <summary>
    /// True when the engine's instance lives only while a connection to it is open, so a caller that runs many short
    /// queries should hold one connection open between them (DuckDB: the last connection to close destroys the file's
    /// instance, and reopening costs ~14 ms); false where the driver pools connections (SQL Server).
    /// </summary>
    bool KeepInstanceBetweenQueries { get; }

    /// <summary>
    /// Writes a consistent copy of the warehouse to <paramref name="file"/> (which must not exist) while other
    /// connections keep reading and loading: DuckDB copies one snapshot into a new file from inside the process that
    /// opens it; SQL Server takes a COPY_ONLY backup to a path on the database server.
    /// </summary>
    Task BackupAsync(string file, CancellationToken ct);

    /// <summary>Restores a backup made by <see cref="BackupAsync"/> into this engine's target, which must not exist yet.</summary>
    Task RestoreAsync(string file, CancellationToken ct);
}
