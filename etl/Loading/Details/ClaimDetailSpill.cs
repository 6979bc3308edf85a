using Bhyt.Etl.Sources.Claims.Xml;
using Bhyt.Etl.Validation;

namespace Bhyt.Etl.Loading.Details;

/// <summary>
/// Where the XML reader's detail lines wait while the claims stream into the warehouse: categorised as they arrive and
/// written to a temporary file, so memory stays constant whatever the file holds, and so that the engine's connection —
/// busy appending claims on another thread (DuckDB allows one thread per connection) — takes them afterwards, in the same
/// transaction. Lines of a file that the reader rejected (one file of a .zip) are skipped on the way out.
/// </summary>
public sealed class ClaimDetailSpill : IDisposable
{
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;
    private readonly Action<ValidationIssue> _warn;
    private readonly CostGroups _groups;
    private readonly Dictionary<object, int> _fileOrdinals = [];
    private readonly List<ClaimDetailSource> _files = [];
    private readonly Lock _lock = new();
    private long _unknown;
    private ValidationIssue? _lastWarning;

    private const int MaxDetailedWarnings = 1000;

    public ClaimDetailSpill(Action<ValidationIssue> warn, CostGroups? groups = null, string? directory = null)
    {
        _warn = warn;
        _groups = groups ?? CostGroups.Standard;
        var path = Path.Combine(directory ?? Path.GetTempPath(), $"bhyt-details-{Guid.NewGuid():N}.bin");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _writer = new BinaryWriter(_file, System.Text.Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Lines taken (those of files rejected later included).</summary>
    public long Lines { get; private set; }

    /// <summary>The reader's sink: one line, in file order per claim.</summary>
    public void Add(ClaimDetail line)
    {
        lock (_lock)
        {
            var source = line.Source;
            var category = _groups.CategoryOf(line.Group) ?? Unknown(line);
            var file = source is null ? -1 : FileOrdinal(source);
            // The HOSO's place in reading order (file, then position in it), whatever order the lines of several HOSO arrive in.
            var claimGroup = ((long)(file + 1) << 32) | (uint)(source?.Hoso ?? 0);
            StagedDetailFormat.Write(_writer, new StagedDetail(claimGroup, file, line.ClaimId, line.Table, line.Line, line.Group, category, line.Code,
                line.Quantity, line.UnitPrice, line.Amount, line.InsuredAmount, line.InsurerPaid));
            Lines++;
        }
    }

    /// <summary>The lines of the files that were not rejected, in batches; call once the reader has finished.</summary>
    public IEnumerable<StagedDetailBatch> Replay(long submissionId, int batchSize = 8192)
    {
        _writer.Flush();
        var rejected = _files.Select(f => f.FileRejected).ToArray();
        var names = _files.Select(f => f.File).ToArray();
        _file.Position = 0;
        using var reader = new BinaryReader(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        var batch = new StagedDetailBatch(submissionId, batchSize, names);
        for (long i = 0; i < Lines; i++)
        {
            var line = StagedDetailFormat.Read(reader);
            if (line.File >= 0 && rejected[line.File]) continue;
            batch.Add(line);
            if (batch.Count < batchSize) continue;
            yield return batch;
            batch.Clear();
        }
        if (batch.Count > 0) yield return batch;
    }

    private int FileOrdinal(ClaimDetailSource source)
    {
        if (_fileOrdinals.TryGetValue(source.FileKey, out var ordinal)) return ordinal;
        _fileOrdinals.Add(source.FileKey, _files.Count);
        _files.Add(source);
        return _files.Count - 1;
    }

    private string Unknown(ClaimDetail line)
    {
        var category = CostGroups.Fallback(line);
        // The loader keeps the first warnings and counts the rest: past those, the count is all a warning adds.
        if (++_unknown > MaxDetailedWarnings && _lastWarning is not null)
        {
            _warn(_lastWarning);
            return category;
        }
        var where = string.Join(", ", new[]
        {
            line.Source?.File is { } f ? $"tệp {f}" : null, line.Source is { Hoso: > 0 } s ? $"HOSO {s.Hoso}" : null,
            $"MA_LK {line.ClaimId}", $"{line.Table} dòng STT {line.Line?.ToString() ?? "?"}", "trường MA_NHOM",
        }.Where(p => p is not null));
        var message = line.Group is null
            ? $"Thiếu mã nhóm chi phí (MA_NHOM); dòng được tính vào nhóm {CostGroups.CategoryVi(category)} theo bảng {line.Table}."
            : $"Mã nhóm chi phí MA_NHOM '{line.Group}' không có trong danh mục; dòng được tính vào nhóm {CostGroups.CategoryVi(category)} theo bảng {line.Table}.";
        _warn(_lastWarning = new ValidationIssue(ValidationIssue.Warning, "claim_detail.cost_group", message, where, CellText: line.Group));
        return category;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}
