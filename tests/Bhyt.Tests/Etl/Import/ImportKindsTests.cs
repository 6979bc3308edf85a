using Bhyt.Etl.Import;
using Bhyt.Etl.Sources;
using Bhyt.Tests.Etl.Sources;

namespace Bhyt.Tests.Etl.Import;

public sealed class ImportKindsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>A reader registered only in a test, as a next reader (.odt) would be in DocumentReaders.</summary>
    private sealed class OdtReader : IDocumentReader
    {
        public IReadOnlyCollection<string> Extensions { get; } = [".odt"];
        public RawDocument Read(string path) => throw new NotSupportedException();
    }

    private string Write(string name, string text)
    {
        File.WriteAllText(_folder.File(name), text);
        return _folder.File(name);
    }

    [Fact]
    public void Registered_csv_and_every_document_reader_extension_are_importable_and_listed_once()
    {
        var kinds = ImportKinds.Registered;

        Assert.Equal([".csv", .. DocumentReaders.All.SelectMany(r => r.Extensions), ".xml", ".zip"], kinds.Extensions);
        Assert.Equal(".csv, .md, .txt, .docx, .xlsx, .pdf, .png, .jpg, .jpeg, .tif, .tiff, .xml, .zip", kinds.ExtensionList);
        Assert.Equal(".csv,.md,.txt,.docx,.xlsx,.pdf,.png,.jpg,.jpeg,.tif,.tiff,.xml,.zip", kinds.Accept);
        Assert.All(kinds.Extensions, e => Assert.True(kinds.IsImportable("bao-cao" + e.ToUpperInvariant())));
        Assert.False(kinds.IsImportable("truth.json"));
        Assert.False(kinds.IsImportable("no-extension"));
    }

    [Fact]
    public void Registered_names_are_the_kind_option_values()
    {
        Assert.Equal(["auto", "submission", "report", "claims", "facilities", "schedule"], ImportKinds.Registered.Names);
        Assert.Equal(ImportKinds.Claims, ImportKinds.Registered.Named("claims").Name);
        Assert.Throws<KeyNotFoundException>(() => ImportKinds.Registered.Named(ImportKinds.Auto));
    }

    [Fact]
    public void With_a_new_document_reader_its_extension_is_importable_listed_accepted_and_detected_as_a_report()
    {
        var kinds = ImportKinds.With([.. DocumentReaders.All, new OdtReader()]);
        var scan = Write("bao-cao.ODT", "PK");

        Assert.True(kinds.IsImportable(scan));
        Assert.False(ImportKinds.Registered.IsImportable(scan));
        Assert.Contains(", .odt, ", kinds.ExtensionList);
        Assert.Contains(",.odt,", kinds.Accept);
        Assert.Contains(".odt", kinds.Named(ImportKinds.Report).Extensions);
        Assert.Equal(ImportKinds.Report, kinds.Detect(scan)?.Name);
    }

    [Theory]
    [InlineData("a.csv", "\uFEFFunit_code;unit_name;period;indicator;value;value_kind", ImportKinds.Submission)]
    [InlineData("b.csv", "MA_LK,MA_BN,MA_THE,MA_CSKCB,NGAY_VAO", ImportKinds.Claims)]
    [InlineData("c.CSV", "MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code", ImportKinds.Facilities)]
    [InlineData("d.md", "# Báo cáo", ImportKinds.Report)]
    [InlineData("g.xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?><GIAMDINHHS><THONGTINDONVI>", ImportKinds.Claims)]
    [InlineData("h.XML", "<TONG_HOP><MA_LK>1</MA_LK></TONG_HOP>", ImportKinds.Claims)]
    [InlineData("i.xml", "<note>x</note>", null)]
    [InlineData("e.csv", "x,y,z", null)]
    [InlineData("f.json", "{}", null)]
    public void Detect_recognises_a_file_by_extension_and_header(string name, string firstLine, string? kind) =>
        Assert.Equal(kind, ImportKinds.Registered.Detect(Write(name, firstLine + "\n"))?.Name);

    [Fact]
    public void InLoadOrder_puts_facilities_then_claims_then_the_rest_by_name()
    {
        string[] files =
        [
            Write("a-submission.csv", "unit_code,unit_name,period,indicator,value\n"),
            Write("b-claims.csv", "MA_LK,MA_CSKCB\n"),
            Write("c-report.md", "# Báo cáo\n"),
            Write("d-facilities.csv", "MA_CSKCB,TEN_CSKCB,TUYEN\n"),
            Write("0-notes.json", "{}\n"),
        ];

        Assert.Equal(["d-facilities.csv", "b-claims.csv", "a-submission.csv", "c-report.md", "0-notes.json"],
            ImportKinds.Registered.InLoadOrder(files).Select(Path.GetFileName));
    }

    public void Dispose() => _folder.Dispose();
}
