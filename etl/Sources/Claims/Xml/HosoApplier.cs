using System.Xml;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// What reading a HOSO's documents does, on the consuming thread and in file order: claims checked and written, detail
/// lines handed to the sink, errors recorded where the reader stands (HOSO, MA_LK). Takes the results of documents
/// parsed by the workers (<see cref="Chunk"/>) and streams, itself, what could not be buffered for them.
/// </summary>
internal sealed class HosoApplier(Xml1ClaimWriter writer, ClaimXmlIssues issues, ClaimBatchOutput output, Func<int> nextRow,
    Action<ClaimDetail>? details)
{
    private readonly Xml1Fields _fields = new();
    private readonly ClaimDetailReader? _details = details is null ? null : new ClaimDetailReader(issues, details);
    private int _xml1InHoso;

    /// <summary>Claims written (valid ones).</summary>
    public int Written { get; private set; }

    /// <summary>The last HOSO applied to its end.</summary>
    public int LastHoso { get; private set; }

    /// <summary>
    /// A chunk held a HOSO with an inline content the span scanner declined: nothing of it or after it was applied, and
    /// the envelope must be read again by XmlReader after <see cref="LastHoso"/>.
    /// </summary>
    public bool Stopped { get; private set; }

    /// <summary>A bare TONG_HOP file: the reader is on its root.</summary>
    public void Summary(XmlReader reader)
    {
        _fields.Read(reader);
        Claim(_fields);
    }

    public void EmptyContent() => issues.Error("NOIDUNGFILE", "xml.empty_content", "NOIDUNGFILE rỗng.");

    /// <summary>Does what a sequential read would have done at each step of the chunk; yields at the end of each HOSO.</summary>
    public IEnumerable<int> Chunk(HosoChunk chunk)
    {
        for (var i = 0; i < chunk.Steps.Count; i++)
        {
            var step = chunk.Steps[i];
            switch (step.Kind)
            {
                case HosoChunk.Kind.HosoStart:
                    if (HasDeclined(chunk.Steps, i))
                    {
                        Stopped = true;
                        yield break;
                    }
                    issues.Hoso = step.Hoso;
                    issues.ClaimId = null;
                    _xml1InHoso = 0;
                    break;
                case HosoChunk.Kind.Content:
                    Apply(step.Content!);
                    break;
                case HosoChunk.Kind.HosoEnd:
                    // A FILEHOSO declared XML1 whose content could not be read has its own error already.
                    if (_xml1InHoso == 0 && !step.Xml1Declared) issues.Error("FILEHOSO", "xml.no_xml1", "HOSO không có bảng XML1 (TONG_HOP).");
                    LastHoso = step.Hoso;
                    yield return step.Hoso;
                    break;
            }
        }
    }

    // A HOSO's steps are all in one chunk: chunks close at the end of a HOSO.
    private static bool HasDeclined(List<HosoChunk.Step> steps, int start)
    {
        for (var i = start + 1; i < steps.Count && steps[i].Kind != HosoChunk.Kind.HosoEnd; i++)
            if (steps[i].Content is { Declined: true }) return true;
        return false;
    }

    private void Apply(DecodedContent content)
    {
        if (content.HasClaim) Claim(content.Fields);
        // A line parsed on a worker knows neither its file and HOSO nor, without MA_LK, its claim (the one read last in its
        // HOSO): both are known only now, in file order.
        foreach (var line in content.Details)
            details!(line with { ClaimId = line.ClaimId.Length > 0 ? line.ClaimId : issues.ClaimId ?? "", Source = _details!.Here() });
        content.Issues.ReplayInto(issues);
    }

    private void Claim(Xml1Fields fields)
    {
        if (++_xml1InHoso > 1)
        {
            issues.Error("FILEHOSO", "xml.many_xml1", "HOSO có nhiều hơn một bảng XML1 (TONG_HOP); mỗi HOSO là một hồ sơ.");
            return;
        }
        if (writer.Write(fields, issues, output, nextRow)) Written++;
    }

    /// <summary>Inline elements, CDATA holding XML or base64, or nothing.</summary>
    public void Streamed(XmlReader reader)
    {
        switch (reader.NodeType)
        {
            case XmlNodeType.Element:
                Inner(reader, drain: false);
                break;
            case XmlNodeType.CDATA:
                var text = reader.Value.Trim();
                if (text.StartsWith('<')) InnerDocument(new StringReader(text), "CDATA");
                else InnerDocument(new LeadingBlankSkippingStream(new MemoryStream(Base64(text))), "CDATA base64");
                reader.Read();
                break;
            case XmlNodeType.EndElement:
                EmptyContent();
                break;
        }
    }

    private static byte[] Base64(string text)
    {
        try { return Convert.FromBase64String(text); }
        catch (FormatException e) { throw new InvalidBase64Exception(e.Message); }
    }

    // An inner document that is not well-formed spoils only its HOSO: the envelope around it is still readable.
    public void InnerDocument(object source, string how)
    {
        using var inner = source is Stream s ? XmlReader.Create(s, ClaimXmlDocument.Settings) : XmlReader.Create((TextReader)source, ClaimXmlDocument.Settings);
        try
        {
            inner.MoveToContent();
            Inner(inner, drain: true);
        }
        catch (XmlException e)
        {
            InnerDocumentParser.Malformed(issues, how, e);
        }
    }

    private void Inner(XmlReader reader, bool drain)
    {
        if (InnerDocumentParser.Root(reader, _fields, _details)) Claim(_fields);
        if (drain) while (reader.Read()) { }
    }
}
