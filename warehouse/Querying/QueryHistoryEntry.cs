namespace Bhyt.Warehouse.Querying;

/// <summary>One console query of a user: its text, when it ran, the rows it returned, how long it took and how it ended.</summary>
public sealed record QueryHistoryEntry(long Id, DateTime RanAt, string Sql, int Rows, int DurationMs, string Outcome, string? Message);
