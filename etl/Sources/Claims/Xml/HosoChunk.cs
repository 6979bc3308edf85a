using System.Runtime.ExceptionServices;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Consecutive HOSO of an envelope as the walking thread met them — where each starts and ends, and its decoded
/// contents — parsed as one unit of work by whichever thread takes it first, then applied in file order by the
/// consuming thread.
/// </summary>
internal sealed class HosoChunk
{
    public enum Kind { HosoStart, Content, HosoEnd }

    /// <param name="Hoso">Position of the HOSO in DANHSACHHOSO.</param>
    /// <param name="Xml1Declared">At the end of a HOSO: whether a FILEHOSO declared LOAIHOSO XML1.</param>
    public readonly record struct Step(Kind Kind, int Hoso, bool Xml1Declared = false, DecodedContent? Content = null);

    // A chunk still being filled is Open: a worker holding a stale queue entry of a recycled chunk must not take it.
    private const int Open = 0, Waiting = 1, Parsing = 2, Parsed = 3;
    private readonly object _lock = new();
    private int _state;
    private ExceptionDispatchInfo? _failure;

    public List<Step> Steps { get; } = [];

    /// <summary>Decoded bytes held by the chunk's contents.</summary>
    public long Bytes { get; private set; }

    /// <summary>Whether the detail tables are parsed (the reader has a detail sink).</summary>
    public bool WithDetails { get; set; }

    public void Add(Step step)
    {
        Steps.Add(step);
        Bytes += step.Content?.Length ?? 0;
    }

    /// <summary>Keeps the first <paramref name="count"/> steps only (the chunk is still open).</summary>
    public void Truncate(int count)
    {
        Steps.RemoveRange(count, Steps.Count - count);
        Bytes = Steps.Sum(s => (long)(s.Content?.Length ?? 0));
    }

    /// <summary>The chunk is complete: any thread may parse it now.</summary>
    public void Seal() => Volatile.Write(ref _state, Waiting);

    public bool IsParsed => Volatile.Read(ref _state) == Parsed;

    /// <summary>Parses every content unless another thread took the chunk first (false then).</summary>
    public bool TryParse(InnerDocumentParser parser)
    {
        if (Interlocked.CompareExchange(ref _state, Parsing, Waiting) != Waiting) return false;
        try
        {
            foreach (var step in Steps)
                if (step.Content is { } content) parser.Parse(content, WithDetails);
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
        // The worker's last touch of the chunk: once the consuming thread sees Parsed, it may recycle it.
        lock (_lock)
        {
            _state = Parsed;
            Monitor.PulseAll(_lock);
        }
        return true;
    }

    /// <summary>Parses the chunk on this thread if no worker has taken it, else waits for the worker; rethrows what broke it.</summary>
    public void Complete(InnerDocumentParser parser)
    {
        if (!TryParse(parser))
            lock (_lock)
                while (_state != Parsed) Monitor.Wait(_lock);
        _failure?.Throw();
    }

    /// <summary>Forgets the steps (their contents are taken back by <see cref="InnerDocumentWorkers.Return(HosoChunk)"/>).</summary>
    public void Clear()
    {
        Steps.Clear();
        Bytes = 0;
        _failure = null;
        lock (_lock) _state = Open;
    }
}
