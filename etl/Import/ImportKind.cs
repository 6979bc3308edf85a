namespace Bhyt.Etl.Import;

/// <summary>
/// One kind of file <c>bhyt import</c> reads: its <c>--kind</c> name, what it holds (as users read it), the extensions
/// it comes in (lower case with the dot), its place in a folder's load order (lower first), and the rule by which auto
/// detection recognises a file of one of its extensions.
/// </summary>
public sealed record ImportKind(string Name, string Reads, IReadOnlyList<string> Extensions, int LoadOrder, Func<string, bool> Recognises)
{
    /// <summary>Whether the file's extension is one of this kind's (case-insensitive); the file is not opened.</summary>
    public bool TakesExtensionOf(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>The extensions as users read them: ".md, .txt, .docx, .xlsx".</summary>
    public string ExtensionList => string.Join(", ", Extensions);
}
