using System.Collections.Concurrent;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Threads that parse the decoded documents of an envelope while the consuming thread walks it: one fewer than the
/// cores (at least one), started with the first chunk, stopped by <see cref="Dispose"/>. Also keeps the chunks and
/// decoded contents for reuse; those are rented and returned on the consuming thread only.
/// </summary>
internal sealed class InnerDocumentWorkers(int threads) : IDisposable
{
    private readonly BlockingCollection<HosoChunk> _queue = new();
    private readonly List<Thread> _threads = [];
    private readonly Stack<HosoChunk> _chunks = new();
    private readonly Stack<DecodedContent> _contents = new();

    public InnerDocumentWorkers() : this(Math.Max(1, Environment.ProcessorCount - 1)) { }

    /// <summary>The consuming thread's parser, for chunks it completes itself.</summary>
    public InnerDocumentParser Own { get; } = new();

    public void Submit(HosoChunk chunk)
    {
        while (_threads.Count < threads)
        {
            var thread = new Thread(Work) { IsBackground = true, Name = "claims-xml-parse" };
            thread.Start();
            _threads.Add(thread);
        }
        chunk.Seal();
        _queue.Add(chunk);
    }

    private void Work()
    {
        var parser = new InnerDocumentParser();
        foreach (var chunk in _queue.GetConsumingEnumerable()) chunk.TryParse(parser);
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
        _queue.CompleteAdding();
        foreach (var thread in _threads) thread.Join();
        _queue.Dispose();
    }
}
