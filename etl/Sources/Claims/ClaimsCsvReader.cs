using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Validation;

namespace Bhyt.Etl.Sources.Claims;

/// <summary>
/// Streams a CSV export of the XML1 summary table (QĐ 4210 or QĐ 130 column names) in batches, in constant memory.
/// The card number is pseudonymised as the row is read; names and other personal columns are never read. Row
/// problems are reported to <see cref="ClaimSource.Errors"/> with row and column; the caller rejects the file if there are any.
/// </summary>
/// <remarks>
/// This is the one CSV not read with CsvHelper: at 170 million claims a year, a string per field and a boxed value
/// per column cost three times what the engine needs to store the row. <see cref="Utf8CsvReader"/> splits bytes,
/// numbers and dates are parsed from the bytes, and only the text the warehouse stores is copied (as UTF-8).
/// Parsing is the import's largest cost, so the file is cut into chunks of whole records (<see cref="Utf8CsvChunker"/>)
/// parsed on every core (<see cref="ClaimRowParser"/>), and the chunks are handed on in file order with their rows
/// renumbered: the batches, rows, errors and warnings are those a single pass gives.
/// </remarks>
public sealed class ClaimsCsvReader(CardPseudonymizer pseudonymizer, int chunkSize = ClaimsCsvReader.DefaultChunkSize) : ClaimSource
{
    private const int DefaultChunkSize = 1 << 20;
    private static readonly int Workers = Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>After reading: which spending categories the file carries and which need detail tables.</summary>
    public string? SpendingNote { get; private set; }

    public static bool LooksLikeClaims(string header) =>
        header.Contains("MA_LK", StringComparison.OrdinalIgnoreCase) && header.Contains("MA_CSKCB", StringComparison.OrdinalIgnoreCase);

    /// <summary>Lines in the file (LF, CR or CRLF ends), counted on bytes: a row's source row is its line.</summary>
    public override long RowBound(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        long lines = 0;
        var afterCarriageReturn = false;
        for (int read; (read = file.Read(buffer)) > 0;)
        {
            var span = buffer.AsSpan(0, read);
            lines += span.Count((byte)'\n') + span.Count((byte)'\r') - span.Count("\r\n"u8) - (afterCarriageReturn && span[0] == (byte)'\n' ? 1 : 0);
            afterCarriageReturn = span[^1] == (byte)'\r';
        }
        return lines + 1;
    }

    internal override IEnumerable<ClaimBatch> Read(string path, Func<ClaimBatch> rent)
    {
        using var chunker = new Utf8CsvChunker(path, chunkSize);
        var first = Array.Empty<byte>();
        int length;
        try { length = chunker.Next(ref first); }
        catch (CsvRecordTooLongException tooLong)
        {
            AddError(new ValidationIssue(ValidationIssue.Error, CsvRecordTooLongException.Rule, tooLong.Explanation, "dòng 1"));
            length = -1;
        }
        if (length < 0) yield break;
        var csv = new Utf8CsvReader(first, 0, length, chunker.Delimiter);
        if (!csv.Read()) yield break;
        var header = Enumerable.Range(0, csv.FieldCount).Select(i => Encoding.UTF8.GetString(csv[i])).ToArray();
        var columns = ClaimColumns.From(header);
        SpendingNote = columns.SpendingNote;
        if (columns.Missing.Count > 0)
        {
            AddError(new ValidationIssue(ValidationIssue.Error, "csv.header", $"Thiếu cột {string.Join(", ", columns.Missing)} của bảng XML1.", "dòng 1, cột header"));
            yield break;
        }
        if (ClaimColumns.Repeated(header, columns) is { } repeated)
        {
            AddError(new ValidationIssue(ValidationIssue.Error, "csv.header_duplicate",
                $"Cột {repeated} có nhiều lần trong dòng tiêu đề; không biết đọc cột nào.", $"dòng 1, cột {repeated}"));
            yield break;
        }
        var at = new ClaimFieldIndex(header, columns);
        using var chunks = new ChunkPipeline(chunker, Workers, () => new ClaimRowParser(pseudonymizer, columns, at), rent);
        var rowsBefore = 0;
        // The first chunk goes on from the header, so its rows are the file's already.
        foreach (var chunk in chunks.InFileOrder(new Job(csv, first, length)))
        {
            RowsRead += chunk.RowsRead;
            foreach (var error in chunk.Errors) AddError(error.At(ValidationIssue.Error, rowsBefore));
            ErrorCount += chunk.ErrorCount - chunk.Errors.Count;
            foreach (var warning in chunk.Warnings) AddWarning(warning.At(ValidationIssue.Warning, rowsBefore));
            WarningCount += chunk.WarningCount - chunk.Warnings.Count;
            foreach (var batch in chunk.Batches)
            {
                for (var i = 0; i < batch.Count; i++) batch.Rows[i].SourceRow += rowsBefore;
                yield return batch;
            }
            rowsBefore += chunk.Rows;
            // Bytes count as read once their rows are handed on, in file order: the chunks parsed ahead are not progress yet.
            Meter?.AddBytes(chunk.Bytes);
        }
    }

    private sealed record Job(Utf8CsvReader Csv, byte[] Buffer, int Length)
    {
        public TaskCompletionSource<ClaimChunk> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// One thread cuts chunks, <c>workers</c> threads parse them, and the caller takes the results in file order; at most
    /// a few chunks are in flight. Dedicated threads, so that waiting on them never starves the thread pool.
    /// </summary>
    private sealed class ChunkPipeline : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly BlockingCollection<Job> _work, _ordered;
        private readonly ConcurrentBag<byte[]> _buffers = [];
        private readonly Utf8CsvChunker _chunker;
        private readonly Func<ClaimRowParser> _parser;
        private readonly Func<ClaimBatch> _rent;
        private readonly List<Thread> _threads = [];
        private volatile Exception? _failure;

        public ChunkPipeline(Utf8CsvChunker chunker, int workers, Func<ClaimRowParser> parser, Func<ClaimBatch> rent)
        {
            (_chunker, _parser, _rent) = (chunker, parser, rent);
            _work = new BlockingCollection<Job>(workers);
            _ordered = new BlockingCollection<Job>(2 * workers + 1);
            for (var i = 0; i < workers; i++) _threads.Add(new Thread(Parse) { IsBackground = true, Name = "claims-csv-parse" });
        }

        public IEnumerable<ClaimChunk> InFileOrder(Job first)
        {
            var split = new Thread(() => Split(first)) { IsBackground = true, Name = "claims-csv-split" };
            _threads.Add(split);
            foreach (var thread in _threads) thread.Start();
            foreach (var job in _ordered.GetConsumingEnumerable(_stop.Token))
            {
                var chunk = job.Done.Task.GetAwaiter().GetResult();
                chunk.Bytes = job.Length;
                yield return chunk;
            }
            // A record too long ends the file's reading at the row after the last chunk: it is an error there, not a crash.
            if (_failure is CsvRecordTooLongException tooLong)
            {
                var last = new ClaimChunk();
                last.Error(1, null, CsvRecordTooLongException.Rule, tooLong.Explanation);
                yield return last;
            }
            else if (_failure is not null) ExceptionDispatchInfo.Throw(_failure);
        }

        private void Split(Job first)
        {
            var job = first;
            try
            {
                while (true)
                {
                    _ordered.Add(job, _stop.Token);
                    _work.Add(job, _stop.Token);
                    var buffer = _buffers.TryTake(out var free) ? free : [];
                    var length = _chunker.Next(ref buffer);
                    if (length == 0) break;
                    job = new Job(new Utf8CsvReader(buffer, 0, length, _chunker.Delimiter), buffer, length);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                _failure = e;
            }
            finally
            {
                _work.CompleteAdding();
                _ordered.CompleteAdding();
            }
        }

        private void Parse()
        {
            var parser = _parser();
            try
            {
                foreach (var job in _work.GetConsumingEnumerable(_stop.Token))
                {
                    try
                    {
                        var chunk = new ClaimChunk();
                        parser.Parse(job.Csv, _rent, chunk);
                        _buffers.Add(job.Buffer);
                        job.Done.SetResult(chunk);
                    }
                    catch (Exception e)
                    {
                        job.Done.SetException(e);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            foreach (var thread in _threads.Where(t => t.ThreadState != ThreadState.Unstarted)) thread.Join();
            _stop.Dispose();
            _work.Dispose();
            _ordered.Dispose();
        }
    }
}
