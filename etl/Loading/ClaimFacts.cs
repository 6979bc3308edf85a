using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Bhyt.Etl.Sources.Claims;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Etl.Loading;

/// <summary>
/// Turns batches of read claims into <c>dw.fct_claim</c> rows: resolves facility and month keys (claims of facilities
/// not in the catalog are counted, not loaded), numbers the keys, and writes the values typed in the table's column order.
/// </summary>
internal sealed class ClaimFacts(long firstKey, long submissionId, Dictionary<string, int> monthsByLabel, Dictionary<string, int> facilities)
{
    private readonly Dictionary<int, int> _months = monthsByLabel.ToDictionary(m => int.Parse(m.Key.Replace("-", "")), m => m.Value);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _facilities = facilities.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly ConcurrentBag<ClaimBatch> _free = [];

    /// <summary>Facility codes not in the catalog: how many claims named each and the first row that did.</summary>
    public Dictionary<string, (int Rows, int FirstRow)> UnknownFacilities { get; } = [];

    /// <summary>An empty batch, reused once the engine has appended it.</summary>
    public ClaimBatch Rent()
    {
        if (!_free.TryTake(out var batch)) return new ClaimBatch();
        batch.Clear();
        return batch;
    }

    /// <summary>Sets each claim's facility and month keys, dropping (and counting) claims of unknown facilities.</summary>
    public void Resolve(ClaimBatch batch)
    {
        var kept = 0;
        Span<char> code = stackalloc char[64];
        for (var i = 0; i < batch.Count; i++)
        {
            ref var row = ref batch.Rows[i];
            var utf8 = batch.Text(row.FacilityCode);
            var found = utf8.Length <= code.Length
                ? _facilities.TryGetValue(code[..Encoding.UTF8.GetChars(utf8, code)], out var facilityKey)
                : facilities.TryGetValue(Encoding.UTF8.GetString(utf8), out facilityKey);
            if (!found)
            {
                var unknown = Encoding.UTF8.GetString(utf8);
                UnknownFacilities[unknown] = UnknownFacilities.TryGetValue(unknown, out var u) ? (u.Rows + 1, u.FirstRow) : (1, row.SourceRow);
                continue;
            }
            row.FacilityKey = facilityKey;
            row.MonthKey = _months.TryGetValue(row.Month, out var month) ? month
                : throw new InvalidOperationException($"dòng {row.SourceRow}: tháng {row.Month / 100:0000}-{row.Month % 100:00} nằm ngoài lịch của kho (2000–2035).");
            if (kept != i) batch.Rows[kept] = row;
            kept++;
        }
        batch.Count = kept;
    }

    /// <summary>The batches as the engine appends them; each goes back to the pool when the engine asks for the next.</summary>
    public async IAsyncEnumerable<IBulkBatch> Consume(ChannelReader<ClaimBatch> batches, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var batch in batches.ReadAllAsync(ct))
        {
            yield return new FactBatch(batch, firstKey, submissionId);
            _free.Add(batch);
        }
    }

    /// <summary>One batch as <c>dw.fct_claim</c> rows, in <see cref="ClaimStore"/>'s column order (the table's).</summary>
    private sealed class FactBatch(ClaimBatch batch, long firstKey, long submissionId) : IBulkBatch
    {
        public int Count => batch.Count;

        public void Write(int index, IBulkRow row)
        {
            ref readonly var r = ref batch.Rows[index];
            row.Add(firstKey + r.SourceRow);
            row.AddUtf8(batch.Text(r.ClaimId));
            row.AddUtf8(batch.Text(r.CardPseudonym));
            row.Add((int?)r.FacilityKey);
            row.AddUtf8(batch.Text(r.FacilityCode));
            Optional(row, r.ResidenceProvince);
            row.Add(r.VisitType);
            row.Add(r.VisitTypeCode);
            row.Add((DateTime?)r.AdmittedAt);
            row.Add(r.DischargedAt);
            row.Add((int?)r.MonthKey);
            row.Add(r.LengthOfStay);
            Optional(row, r.PrimaryIcd);
            row.Add((decimal?)r.TotalCost);
            row.Add(r.InsurerPaid);
            row.Add(r.PatientPaid);
            row.Add(r.DrugCost);
            row.Add(r.SuppliesCost);
            row.Add(submissionId);
            row.Add((int?)r.SourceRow);
            row.Add(r.Sex);
            row.Add(r.AgeBand);
        }

        private void Optional(IBulkRow row, TextRange text)
        {
            if (text.IsNull) row.AddNull();
            else row.AddUtf8(batch.Text(text));
        }
    }
}
