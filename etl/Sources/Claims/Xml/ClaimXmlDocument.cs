using System.Runtime.ExceptionServices;
using System.Xml;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Walks one claims XML document in a single forward pass — the <c>GIAMDINHHS</c> envelope of QĐ 4210 / QĐ 130 or a
/// bare <c>TONG_HOP</c> — and writes each HOSO's XML1 claim. NOIDUNGFILE may hold base64 (one line or wrapped), inline
/// elements, or CDATA holding either. The detail tables XML2 and XML3 go to <paramref name="details"/> when one is
/// given; without it, and always for XML4…XML15, they are skipped undecoded. Yields once per claim so the caller can
/// hand full batches on while the file is read.
/// </summary>
/// <remarks>
/// Both cores: this thread walks the envelope and decodes each base64 NOIDUNGFILE into a reused buffer; the
/// <paramref name="workers"/> parse those documents in chunks of HOSO (<see cref="HosoPipeline"/>); this thread then
/// applies each chunk in file order (<see cref="HosoApplier"/>: claims written, details handed to the sink, errors
/// recorded where they stand), so rows, details and messages are those of a sequential read. What cannot be buffered — inline or CDATA content, a
/// NOIDUNGFILE over <see cref="BufferedContentLimit"/>, base64 that fails — waits until the chunks before it are
/// applied, then is streamed here as before.
/// </remarks>
internal sealed class ClaimXmlDocument(Xml1ClaimWriter writer, ClaimXmlIssues issues, ClaimBatchOutput output, Func<int> nextRow,
    Action<ClaimDetail>? details, InnerDocumentWorkers workers, bool fast = false)
{
    private readonly HosoApplier _apply = new(writer, issues, output, nextRow, details);

    public const string Envelope = "GIAMDINHHS", Summary = "TONG_HOP";

    public static ReadOnlySpan<byte> SummaryUtf8 => "TONG_HOP"u8;

    /// <summary>Decoded size above which a NOIDUNGFILE is streamed rather than buffered for the workers.</summary>
    public const int BufferedContentLimit = 4 << 20;

    internal static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true,
        IgnoreProcessingInstructions = true, CloseInput = false, MaxCharactersFromEntities = 1024,
    };

    private readonly XmlFieldText _text = new();
    private int _hosoCount;
    private string? _declaredCount;

    // HOSO the span scanner applied before it gave up: XmlReader, reading the envelope again, steps over them.
    private int _skipHoso;

    /// <summary>Claims written (valid ones).</summary>
    public int Written => _apply.Written;

    /// <summary>How the envelope was read: by the span scanner to its end, by it then again by XmlReader, or by XmlReader alone.</summary>
    public ReadBy How { get; private set; } = ReadBy.XmlReader;

    public enum ReadBy { XmlReader, Scanner, ScannerThenXmlReader }

    /// <summary>
    /// The document's claims, one step each. With <paramref name="reopen"/> (the same bytes from their start) an envelope
    /// is walked by <see cref="FastEnvelopeWalker"/>; where it gives up, the HOSO applied so far stay and XmlReader reads
    /// the document again from its start, stepping over them, so that what follows is exactly what XmlReader makes of it.
    /// </summary>
    /// <exception cref="XmlException">The document is not well-formed (the file cannot be read on).</exception>
    /// <exception cref="InvalidBase64Exception">A NOIDUNGFILE is not base64.</exception>
    public IEnumerable<int> Read(Stream stream, Func<Stream>? reopen = null)
    {
        Stream? again = null;
        try
        {
            if (fast && reopen is not null)
            {
                using (var walker = new FastEnvelopeWalker(stream, details is not null))
                {
                    if (walker.Start())
                    {
                        foreach (var hoso in ReadEnvelope(walker)) yield return hoso;
                        if (!walker.Declined && !_apply.Stopped)
                        {
                            How = ReadBy.Scanner;
                            CheckCount(walker.HosoCount, walker.DeclaredCount);
                            yield break;
                        }
                        How = ReadBy.ScannerThenXmlReader;
                        _skipHoso = _apply.LastHoso;
                    }
                }
                stream = again = reopen();
            }
            foreach (var hoso in ReadWithXmlReader(stream)) yield return hoso;
        }
        finally
        {
            again?.Dispose();
        }
    }

    private IEnumerable<int> ReadEnvelope(FastEnvelopeWalker walker)
    {
        using var pipeline = new HosoPipeline(workers, details is not null);
        while (true)
        {
            var more = walker.NextHoso(pipeline);
            if (!more)
            {
                pipeline.DropIncompleteHoso();
                pipeline.Close();
            }
            while (pipeline.Next(all: !more) is { } chunk)
            {
                foreach (var hoso in _apply.Chunk(chunk)) yield return hoso;
                pipeline.Recycle(chunk);
                if (_apply.Stopped) yield break;
            }
            if (!more) break;
        }
    }

    private IEnumerable<int> ReadWithXmlReader(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        reader.MoveToContent();
        if (reader.LocalName == Envelope)
        {
            foreach (var hoso in ReadEnvelope(reader)) yield return hoso;
        }
        else if (reader.LocalName == Summary)
        {
            issues.Hoso = 1;
            _apply.Summary(reader);
            yield return 1;
        }
        else issues.Error($"<{reader.LocalName}>", "xml.root", $"Phần tử gốc <{reader.LocalName}> không phải GIAMDINHHS hay TONG_HOP.");
        issues.Hoso = 0;
        issues.ClaimId = null;
        while (reader.Read()) { }
    }

    private IEnumerable<int> ReadEnvelope(XmlReader reader)
    {
        using (var pipeline = new HosoPipeline(workers, details is not null))
        {
            while (true)
            {
                var fault = Walk(reader, pipeline, out var more);
                if (!more) pipeline.Close();
                while (pipeline.Next(all: !more) is { } chunk)
                {
                    foreach (var hoso in _apply.Chunk(chunk)) yield return hoso;
                    pipeline.Recycle(chunk);
                }
                fault?.Throw();
                if (!more) break;
            }
        }
        CheckCount(_hosoCount, _declaredCount);
    }

    private void CheckCount(int hosoCount, string? declaredCount)
    {
        issues.Hoso = 0;
        issues.ClaimId = null;
        const string Where = "GIAMDINHHS/THONGTINHOSO/SOLUONGHOSO";
        if (string.IsNullOrEmpty(declaredCount)) issues.Error(Where, "xml.count_missing", $"Thiếu SOLUONGHOSO; tệp có {hosoCount} HOSO.");
        else if (!int.TryParse(declaredCount, out var n) || n != hosoCount)
            issues.Error(Where, "xml.count_mismatch", $"SOLUONGHOSO = '{declaredCount}' nhưng DANHSACHHOSO có {hosoCount} HOSO.", declaredCount);
    }

    /// <summary>Walks to the end of the next HOSO (<paramref name="more"/>) or of the envelope; what breaks the walk (malformed XML, bad base64, a corrupt zip entry) is returned, to be thrown once the chunks before it are applied.</summary>
    private ExceptionDispatchInfo? Walk(XmlReader reader, HosoPipeline pipeline, out bool more)
    {
        try
        {
            more = NextHoso(reader, pipeline);
            return null;
        }
        catch (Exception e)
        {
            more = false;
            return ExceptionDispatchInfo.Capture(e);
        }
    }

    private bool NextHoso(XmlReader reader, HosoPipeline pipeline)
    {
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "SOLUONGHOSO":
                    _declaredCount = _text.Read(reader, out _).Trim();
                    break;
                case "HOSO":
                    var hoso = ++_hosoCount;
                    if (hoso <= _skipHoso)
                    {
                        StepOver(reader);
                        break;
                    }
                    pipeline.Add(new HosoChunk.Step(HosoChunk.Kind.HosoStart, hoso));
                    var xml1Declared = Hoso(reader, pipeline);
                    pipeline.Add(new HosoChunk.Step(HosoChunk.Kind.HosoEnd, hoso, xml1Declared));
                    return true;
                case "CHUKYDONVI":
                    reader.Skip();
                    break;
            }
        }
        return false;
    }

    /// <summary>A HOSO applied already: read to its end tag, as <see cref="Hoso"/> leaves the reader, without a step.</summary>
    private static void StepOver(XmlReader reader)
    {
        if (reader.IsEmptyElement) return;
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth) { }
    }

    /// <summary>Walks the FILEHOSO of one HOSO; true when one declared LOAIHOSO XML1.</summary>
    private bool Hoso(XmlReader reader, HosoPipeline pipeline)
    {
        var xml1Declared = false;
        if (reader.IsEmptyElement) return false;
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "FILEHOSO") xml1Declared |= FileHoso(reader, pipeline);
            else if (reader.NodeType == XmlNodeType.Element) reader.Skip();
            else reader.Read();
        }
        return xml1Declared;
    }

    private bool FileHoso(XmlReader reader, HosoPipeline pipeline)
    {
        if (reader.IsEmptyElement) { reader.Read(); return false; }
        string? type = null;
        var xml1Declared = false;
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element) reader.Read();
            else if (reader.LocalName == "LOAIHOSO")
            {
                type = _text.Read(reader, out _).Trim();
                xml1Declared |= IsXml1(type);
            }
            else if (reader.LocalName == "NOIDUNGFILE" && (type is null || IsXml1(type) || details is not null && ClaimDetailReader.IsDetailType(type)))
                Content(reader, pipeline);
            else reader.Skip();
        }
        reader.Read();
        return xml1Declared;
    }

    private static bool IsXml1(string type) => type.Equals("XML1", StringComparison.OrdinalIgnoreCase) || type == "1";

    /// <summary>NOIDUNGFILE: base64 text to decode for the workers, or content streamed here; leaves the reader after it.</summary>
    private void Content(XmlReader reader, HosoPipeline pipeline)
    {
        if (reader.IsEmptyElement)
        {
            Drain(pipeline);
            _apply.EmptyContent();
            reader.Read();
            return;
        }
        var depth = reader.Depth;
        reader.Read();
        if (reader.NodeType == XmlNodeType.Text) Decode(reader, pipeline);
        else
        {
            Drain(pipeline);
            _apply.Streamed(reader);
        }
        while (reader.Depth > depth) reader.Skip();
        reader.Read();
    }

    private void Decode(XmlReader reader, HosoPipeline pipeline)
    {
        var encoded = new Base64ContentStream(reader);
        var content = pipeline.RentContent();
        try
        {
            if (!Decoded(content, encoded, pipeline)) return;
            pipeline.Add(new HosoChunk.Step(HosoChunk.Kind.Content, _hosoCount, Content: content));
            content = null;
        }
        finally
        {
            if (content is not null) pipeline.ReturnContent(content);
        }
    }

    /// <summary>
    /// True when the content is decoded whole into <paramref name="content"/>, for the workers; a longer one is streamed
    /// here (false), and a base64 fault is met as when streamed: the bytes decoded before it are parsed (their errors
    /// count), then the fault stops the file.
    /// </summary>
    private bool Decoded(DecodedContent content, Base64ContentStream encoded, HosoPipeline pipeline)
    {
        bool whole;
        try
        {
            whole = content.TryDecode(encoded, BufferedContentLimit);
        }
        catch (InvalidBase64Exception fault)
        {
            Drain(pipeline);
            _apply.InnerDocument(new LeadingBlankSkippingStream(DecodedPrefixStream.ThenFault(content.Buffer, content.Length, fault)), "base64");
            throw;
        }
        if (whole) return true;
        Drain(pipeline);
        _apply.InnerDocument(new LeadingBlankSkippingStream(new DecodedPrefixStream(content.Buffer, content.Length, encoded)), "base64");
        encoded.Drain();
        return false;
    }

    /// <summary>Applies every chunk still in flight, in order: what follows is done on this thread, after them.</summary>
    private void Drain(HosoPipeline pipeline)
    {
        pipeline.Close();
        while (pipeline.Next(all: true) is { } chunk)
        {
            foreach (var _ in _apply.Chunk(chunk)) { }
            pipeline.Recycle(chunk);
        }
    }
}
