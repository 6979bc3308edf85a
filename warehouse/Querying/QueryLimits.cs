namespace Bhyt.Warehouse.Querying;

/// <summary>Bounds of an analyst's query: how long it may run and how many rows come back.</summary>
public sealed record QueryLimits(TimeSpan Timeout, int MaxRows)
{
    public static QueryLimits Default { get; } = new(TimeSpan.FromSeconds(60), 10_000);
}

/// <summary>The result of a read-only query; <see cref="Truncated"/> when the row cap cut it.</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, bool Truncated, TimeSpan Elapsed);

/// <summary>The query ran longer than its limit and was interrupted; the engine's own error is the inner exception.</summary>
public sealed class QueryTimeoutException(TimeSpan limit, Exception? inner = null)
    : Exception($"Truy vấn chạy quá {limit.TotalSeconds:0} giây và đã bị dừng. [sql.timeout]", inner);

/// <summary>The engine could not run the query as written (unknown table or column, bad conversion, ...).</summary>
public sealed class QueryFailedException(string message) : Exception($"Truy vấn lỗi: {message} [sql.error]");
