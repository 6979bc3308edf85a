namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Threads that parse the decoded documents of an envelope while the consuming thread walks it: one fewer than the
/// cores (at least one), started with the first chunk, stopped by <see cref="Dispose"/>. Also keeps the chunks and
/// decoded contents for reuse; those are rented and returned on the consuming thread only.
/// </summary>
internal sealed class InnerDocumentWorkers(int threads, bool fast = true) : IDisposable
{
    // A plain monitor queue: a worker that finds it empty sleeps at once rather than spinning, which on a machine
    // shared with other work costs more than the wake-up it saves.
    private readonly Queue<HosoChunk> _queue = new();
    private readonly List<Thread> _threads = [];
    private bool _completed;
    private readonly Stack<HosoChunk> _chunks = new();
    private readonly Stack<DecodedContent> _contents = new();

    public InnerDocumentWorkers(bool fast = true) : this(Math.Max(1, Environment.ProcessorCount - 1), fast) { }

    /// <summary>The consuming thread's parser, for chunks it completes itself.</summary>
    public InnerDocumentParser Own { get; } = new(fast);

    public void Submit(HosoChunk chunk)
    {
        while (_threads.Count < threads)
        {
            var thread = new Thread(Work) { IsBackground = true, Name = "claims-xml-parse" };
            thread.Start();
            _threads.Add(thread);
        }
        chunk.Seal();
        lock (_queue)
        {
            _queue.Enqueue(chunk);
            Monitor.Pulse(_queue);
        }
    }

    private void Work()
    {
        var parser = new InnerDocumentParser(fast);
        while (Take() is { } chunk) chunk.TryParse(parser);
    }

    private HosoChunk? Take()
    {
        lock (_queue)
        {
            while (_queue.Count == 0 && !_completed) Monitor.Wait(_queue);
            return _queue.TryDequeue(out var chunk) ? chunk : null;
        }
    }

    public HosoChunk RentChunk() => _chunks.TryPop(out var chunk) ? chunk : new HosoChunk();

    public DecodedContent RentContent() => _contents.TryPop(out var content) ? content : new DecodedContent();

    /// <summary>Takes back a chunk no thread is parsing any more, with its contents.</summary>
    public void Return(HosoChunk chunk)
    {
        foreach (var step in chunk.Steps)
            if (step.Content is { } content) Return(content);
        chunk.Clear();
        _chunks.Push(chunk);
    }

    public void Return(DecodedContent content)
    {
        content.Clear();
        _contents.Push(content);
    }

    public void Dispose()
    {
        lock (_queue)
        {
            _completed = true;
            _queue.Clear();
            Monitor.PulseAll(_queue);
        }
        foreach (var thread in _threads) thread.Join();
    }
}
