namespace Bhyt.Etl.Sources;

/// <summary>
/// Splits one kind of report document (.md/.txt, .docx, .xlsx) into its paragraphs and its tables of cell texts.
/// A reader interprets nothing: numbers, periods and labels stay text for <c>Sources/Reports</c> to read.
/// </summary>
public interface IDocumentReader
{
    /// <summary>The file extensions this reader takes, lower case with the dot (".docx").</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>Reads the document at <paramref name="path"/>.</summary>
    /// <exception cref="Import.UnusableInputException">The file is not a readable document of this kind.</exception>
    RawDocument Read(string path);
}
