using System.Text;
using Bhyt.Etl.Generation;
using Bhyt.Etl.Sources.Claims.Xml;
using Bhyt.Tests.Etl.Import.Corpus;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bhyt.Tests.Etl.Sources.Claims.Xml;

/// <summary>
/// The span scanner of the decoded NOIDUNGFILE documents against XmlReader on the same bytes: the same fields, detail
/// lines, errors (with XmlReader's line and column) and warnings, document by document and through the whole reader —
/// on hand-made documents, on the files of <c>bhyt generate --format xml</c>, on the malformed corpus and on random
/// documents. Each hand-made document also says whether the scanner must read it or decline it to XmlReader.
/// </summary>
public sealed class FastInnerDocumentTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Cases => new(InnerDocumentCases.All.Select(c => c.Name));

    private static InnerDocumentCase Case(string name) => InnerDocumentCases.All.Single(c => c.Name == name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_reads_with_the_scanner_exactly_the_documents_it_handles(string name)
    {
        var c = Case(name);

        var (_, declined) = Parsed(c.Document, fast: true);

        Assert.Equal(c.Fast ? 0 : 1, declined);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_gives_what_XmlReader_gives(string name)
    {
        var c = Case(name);

        Assert.Equal(Parsed(c.Document, fast: false).Text, Parsed(c.Document, fast: true).Text);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_of_an_envelope_holding_the_document_gives_what_XmlReader_gives(string name)
    {
        var c = Case(name);
        string Doc(string table, string usual) => Convert.ToBase64String(c.Table == table ? c.Document : Encoding.UTF8.GetBytes(usual));
        string Hoso(Func<string, string> encode) =>
            $"<HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>{encode(Doc("XML1", InnerDocumentCases.Claim))}</NOIDUNGFILE></FILEHOSO>" +
            $"<FILEHOSO><LOAIHOSO>XML2</LOAIHOSO><NOIDUNGFILE>{encode(Doc("XML2", InnerDocumentCases.Xml2))}</NOIDUNGFILE></FILEHOSO>" +
            $"<FILEHOSO><LOAIHOSO>XML3</LOAIHOSO><NOIDUNGFILE>{encode(Doc("XML3", InnerDocumentCases.Xml3))}</NOIDUNGFILE></FILEHOSO></HOSO>";
        var path = _folder.Write("case.xml", Encoding.UTF8.GetBytes(ClaimXml.Envelope([
            ClaimXml.Hoso(new Xml1Claim("N1"), Content.Base64), Hoso(b => b), Hoso(b => Wrap(b, 76)), ClaimXml.Hoso(new Xml1Claim("N3"), Content.Base64)])));

        foreach (var details in new[] { true, false })
            Assert.Equal(ReaderOutcome.Of(path, fast: false, details), ReaderOutcome.Of(path, fast: true, details));
    }

    [Fact]
    public void Read_of_generated_files_gives_what_XmlReader_gives()
    {
        SyntheticDataGenerator.Run(new GenerationOptions(_folder.Path, "province", 2021, 2024, 500, 17, Format: GenerationOptions.Xml, ClaimsPerFile: 120), TextWriter.Null);
        var files = Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".xml") || f.EndsWith(".zip")).Order().ToList();
        Assert.NotEmpty(files);

        var rows = 0;
        foreach (var file in files)
            foreach (var details in new[] { true, false })
            {
                var fast = ReaderOutcome.Of(file, fast: true, details);
                Assert.Equal(ReaderOutcome.Of(file, fast: false, details), fast);
                rows += fast.Split('\n').Count(l => l.StartsWith('1') || l.StartsWith('2') || l.StartsWith('3'));
            }
        Assert.True(rows > 0);
    }

    [Fact]
    public void Read_of_the_malformed_corpus_gives_what_XmlReader_gives()
    {
        foreach (var c in ClaimsXmlCorpus.Cases)
        {
            var path = _folder.File(c.Name);
            c.Write(path);
            Assert.Equal(ReaderOutcome.Of(path, fast: false, details: true), ReaderOutcome.Of(path, fast: true, details: true));
        }
    }

    private static readonly string[] Pieces =
    [
        "<!--c-->", "<X/>", "<X>a<Y>b</Y></X>", "&amp;", "<![CDATA[z]]>", "<![CDATA[ ]]>", "\r\n", " ", "&#7887;", "<", "&", "]]>", "<?p d?>", "</X>",
        "<MA_LK>P</MA_LK>", "<T_VTYT>1,5</T_VTYT>", "x", "ạ", "&#32;", "<x:Y/>", "\t", "&lt;", "<X a='1' a='2'/>", "<X xmlns:x='u'><x:Y x:a='1'/></X>",
        "\"", "'", ">", "<MA_LK/>", "<MA_LK></MA_LK>", "<?xml version=\"1.0\"?>", "\u00A0", "&#x1EA1;",
    ];

    private static readonly Gen<(int At, string Piece)[]> Insertions =
        Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 10_000), Gen.Elements(Pieces))).Select(a => a.Take(5).ToArray());

    [Property(MaxTest = 400)]
    public Property Parse_of_a_randomly_altered_document_gives_what_XmlReader_gives() =>
        Prop.ForAll(Gen.Zip(Insertions, Gen.Elements(InnerDocumentCases.Claim, InnerDocumentCases.Xml2, InnerDocumentCases.Xml3)).ToArbitrary(), t =>
        {
            var (insertions, document) = t;
            foreach (var (at, piece) in insertions) document = document.Insert(at % (document.Length + 1), piece);
            var bytes = Encoding.UTF8.GetBytes(document);
            var (slow, fast) = (Parsed(bytes, fast: false).Text, Parsed(bytes, fast: true).Text);
            return (slow == fast).Label($"{document}\n--- XmlReader:\n{slow}\n--- fast:\n{fast}");
        });

    /// <summary>What one parser makes of a document (details on), and how many documents its fast path declined.</summary>
    private static (string Text, int Declined) Parsed(byte[] document, bool fast)
    {
        var content = new DecodedContent();
        content.Fill(document);
        var parser = new InnerDocumentParser(fast);
        parser.Parse(content, details: true);
        var issues = new ClaimXmlIssues(null) { Hoso = 1 };
        content.Issues.ReplayInto(issues);
        var text = new StringBuilder($"claim {content.HasClaim}\n");
        if (content.HasClaim)
        {
            foreach (var slot in Enum.GetValues<Xml1Fields.Slot>()) text.Append($"{slot}={content.Fields[slot] ?? "∅"}\n");
            text.Append($"QĐ 130 {content.Fields.IsQd130}, too long {string.Join(",", content.Fields.TooLong)}\n");
        }
        foreach (var line in content.Details) text.Append($"{line with { Source = null }}\n");
        foreach (var issue in issues.Kept) text.Append($"{issue}\n");
        return (text.Append($"errors {issues.Count}").ToString(), parser.Declined);
    }

    private static string Wrap(string text, int width) =>
        string.Join("\r\n", Enumerable.Range(0, (text.Length + width - 1) / width).Select(i => text.Substring(i * width, Math.Min(width, text.Length - i * width))));
}
