using Bhyt.Etl.Sources;

namespace Bhyt.Tests.Etl.Sources;

public class DocumentReadersTests
{
    [Theory]
    [InlineData("bao-cao.md", typeof(TextDocumentReader))]
    [InlineData("/tmp/BAO CAO.TXT", typeof(TextDocumentReader))]
    [InlineData("bieu-mau.docx", typeof(DocxDocumentReader))]
    [InlineData("giao-chi-tieu.Xlsx", typeof(XlsxDocumentReader))]
    public void For_report_extension_gives_its_reader(string path, Type reader) => Assert.IsType(reader, DocumentReaders.For(path));

    [Theory]
    [InlineData("submission.csv")]
    [InlineData("old-word.doc")]
    [InlineData("old-excel.xls")]
    [InlineData("no-extension")]
    [InlineData("folder.md/file")]
    public void For_other_extension_gives_null(string path) => Assert.Null(DocumentReaders.For(path));

    [Fact]
    public void All_readers_give_their_extensions_lower_case_with_dot()
    {
        Assert.Equal([".md", ".txt", ".docx", ".xlsx", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"], DocumentReaders.All.SelectMany(r => r.Extensions));
    }
}
