namespace Bhyt.Etl.Sources;

/// <summary>The report document readers, chosen by file extension (case-insensitive).</summary>
public static class DocumentReaders
{
    private static readonly IDocumentReader[] Readers = [new TextDocumentReader(), new DocxDocumentReader(), new XlsxDocumentReader()];

    /// <summary>Every extension some reader takes, lower case with the dot.</summary>
    public static IReadOnlyCollection<string> Extensions { get; } = Readers.SelectMany(r => r.Extensions).ToArray();

    /// <summary>The reader for the file's extension, or null when no reader takes it.</summary>
    public static IDocumentReader? For(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension.Length == 0 ? null : Readers.FirstOrDefault(r => r.Extensions.Contains(extension));
    }

    /// <summary>Whether the file's extension is one of a report document (.md, .txt, .docx, .xlsx); the file is not opened.</summary>
    public static bool IsReportDocument(string path) => For(path) is not null;
}
