using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Warehouse.Periods;

/// <summary>Finds or adds periods in <c>dw.dim_period</c> and returns their surrogate keys by label.</summary>
public sealed class PeriodStore(IWarehouseEngine engine)
{
    private static readonly string[] Columns =
        ["period_key", "label", "kind", "label_vi", "start_date", "end_date", "year", "quarter", "month", "day", "years_spanned"];

    /// <summary>Makes sure every period exists; returns label → period_key for all of them.</summary>
    public async Task<IReadOnlyDictionary<string, int>> EnsureAsync(DbConnection connection, DbTransaction transaction,
        IEnumerable<Period> periods, CancellationToken ct)
    {
        var wanted = periods.DistinctBy(p => p.Label).ToList();
        var keys = (await connection.QueryAsync<(string Label, int Key)>(new CommandDefinition(
                "SELECT label, period_key FROM dw.dim_period", transaction: transaction, cancellationToken: ct)))
            .ToDictionary(row => row.Label, row => row.Key);
        var missing = wanted.Where(p => !keys.ContainsKey(p.Label)).ToList();
        if (missing.Count > 0)
        {
            var first = await engine.ReserveKeysAsync(connection, transaction, "dw.seq_period", missing.Count, ct);
            var rows = missing.Select((p, i) => Row(p, (int)(first + i))).ToList();
            await engine.BulkInsertAsync(connection, transaction, "dw.dim_period", Columns, rows, ct);
            foreach (var row in rows) keys[(string)row[1]!] = (int)row[0]!;
        }
        return wanted.ToDictionary(p => p.Label, p => keys[p.Label]);
    }

    private static object?[] Row(Period p, int key) =>
    [
        key, p.Label, p.Kind.ToString().ToLowerInvariant(), p.LabelVi, p.Start, p.End, p.End.Year,
        p.Kind == PeriodKind.Quarter ? (p.Start.Month + 2) / 3 : null,
        p.Kind is PeriodKind.Month or PeriodKind.Date ? p.Start.Month : null,
        p.Kind == PeriodKind.Date ? p.Start.Day : null,
        p.YearsSpanned,
    ];
}
