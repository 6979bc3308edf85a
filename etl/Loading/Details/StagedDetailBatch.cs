using Bhyt.Warehouse.Engines;

namespace Bhyt.Etl.Loading.Details;

/// <summary>
/// Detail lines as rows of <c>etl.claim_detail_stage</c>, in <see cref="ClaimDetailStore.StageColumns"/>' order (the
/// table's); numbers rounded to the columns' scale (amounts 2 decimals, quantity and price 4).
/// </summary>
public sealed class StagedDetailBatch(long submissionId, int capacity, IReadOnlyList<string?> fileNames) : IBulkBatch
{
    private readonly StagedDetail[] _rows = new StagedDetail[capacity];

    public int Count { get; private set; }

    public StagedDetail this[int index] => _rows[index];

    public void Add(in StagedDetail line) => _rows[Count++] = line;

    public void Clear() => Count = 0;

    public void Write(int index, IBulkRow row)
    {
        ref readonly var d = ref _rows[index];
        row.Add(submissionId);
        row.Add(d.ClaimGroup);
        row.Add(d.File >= 0 ? fileNames[d.File] : null);
        row.Add(d.ClaimId);
        row.Add(d.Table);
        row.Add(d.Line);
        row.Add(d.CostGroup);
        row.Add(d.Category);
        row.Add(d.Code);
        row.Add(Round(d.Quantity, 4));
        row.Add(Round(d.UnitPrice, 4));
        row.Add(Round(d.Amount, 2));
        row.Add(Round(d.InsuredAmount, 2));
        row.Add(Round(d.InsurerPaid, 2));
    }

    private static decimal? Round(decimal? value, int decimals) => value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;
}
