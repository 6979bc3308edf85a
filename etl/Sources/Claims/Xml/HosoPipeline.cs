namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// The chunks of one envelope between the walk and their application: the walk adds steps to an open chunk, full
/// chunks go to the workers, and the consuming thread takes them back in file order. Bounded: past
/// <see cref="MaxBytesInFlight"/> decoded bytes or <see cref="MaxChunksInFlight"/> chunks the walk waits, helping to
/// parse, so memory stays flat whatever the file size.
/// </summary>
internal sealed class HosoPipeline(InnerDocumentWorkers workers, bool withDetails) : IDisposable
{
    private const long MaxBytesInFlight = 32 << 20;
    private const int MaxChunksInFlight = 4;
    private const long ChunkBytes = 64 << 10;
    private const int ChunkHoso = 16;

    private readonly Queue<HosoChunk> _inFlight = new();
    private HosoChunk? _open;
    private int _hosoInOpen;
    private long _bytes;

    public DecodedContent RentContent() => workers.RentContent();

    /// <summary>Takes back a content that was streamed here instead of going to the workers.</summary>
    public void ReturnContent(DecodedContent content) => workers.Return(content);

    public void Add(HosoChunk.Step step)
    {
        _open ??= workers.RentChunk();
        _open.Add(step);
        if (step.Kind != HosoChunk.Kind.HosoEnd) return;
        if (++_hosoInOpen >= ChunkHoso || _open.Bytes >= ChunkBytes) Close();
    }

    /// <summary>Drops the steps of a HOSO whose walk was given up (after the open chunk's last complete HOSO).</summary>
    public void DropIncompleteHoso()
    {
        if (_open is null) return;
        var steps = _open.Steps;
        var keep = steps.FindLastIndex(s => s.Kind == HosoChunk.Kind.HosoEnd) + 1;
        for (var i = keep; i < steps.Count; i++)
            if (steps[i].Content is { } content) workers.Return(content);
        _open.Truncate(keep);
    }

    /// <summary>Hands the open chunk to the workers.</summary>
    public void Close()
    {
        if (_open is null) return;
        _open.WithDetails = withDetails;
        _bytes += _open.Bytes;
        _inFlight.Enqueue(_open);
        workers.Submit(_open);
        _open = null;
        _hosoInOpen = 0;
    }

    /// <summary>
    /// The oldest chunk, parsed, when it may be applied now: when it is parsed already, when the window is full, or
    /// always when <paramref name="all"/> (the walk ended or must stop). Null when there is none to apply.
    /// </summary>
    public HosoChunk? Next(bool all)
    {
        if (!_inFlight.TryPeek(out var head)) return null;
        if (!head.IsParsed && !all && _bytes <= MaxBytesInFlight && _inFlight.Count <= MaxChunksInFlight) return null;
        // Rather than wait for a worker busy with the oldest chunk, parse a later one no worker has taken yet.
        foreach (var later in _inFlight)
        {
            if (head.IsParsed) break;
            later.TryParse(workers.Own);
        }
        head.Complete(workers.Own);
        _inFlight.Dequeue();
        _bytes -= head.Bytes;
        return head;
    }

    /// <summary>Takes back an applied chunk.</summary>
    public void Recycle(HosoChunk chunk) => workers.Return(chunk);

    /// <summary>Waits for the chunks still being parsed (a read stopped early) before their buffers go back to the pool.</summary>
    public void Dispose()
    {
        Close();
        while (_inFlight.TryDequeue(out var chunk))
        {
            try { chunk.Complete(workers.Own); }
            catch (Exception) { /* the read already stopped on an earlier failure; this chunk is dropped unread */ }
            workers.Return(chunk);
        }
    }
}
