namespace Bhyt.Warehouse.Dictionary;

/// <summary>
/// Everything rendered from <c>sql/dictionary/*.txt</c>: each engine's repeatable script and <c>docs/DICTIONARY.md</c>.
/// <c>bhyt dictionary</c> writes them; the tests compare them with the files in the clone.
/// </summary>
public static class DictionaryFiles
{
    public static IReadOnlyList<GeneratedFile> Render(string root, IReadOnlyList<DictionaryVocabulary> vocabularies)
    {
        var views = DictionarySource.Read(root, vocabularies);
        return
        [
            .. DictionaryDialect.All.Select(d => new GeneratedFile(d.ScriptPath, d.Render(views))),
            new GeneratedFile(DictionaryMarkdown.Path, DictionaryMarkdown.Render(views, vocabularies)),
        ];
    }

    /// <summary>The rendered files whose copy under <paramref name="root"/> is missing or differs (line endings aside).</summary>
    public static IReadOnlyList<GeneratedFile> Stale(string root, IReadOnlyList<DictionaryVocabulary> vocabularies) =>
        Render(root, vocabularies)
            .Where(f =>
            {
                var path = System.IO.Path.Combine(root, f.Path);
                return !File.Exists(path) || File.ReadAllText(path).ReplaceLineEndings("\n") != f.Content;
            })
            .ToList();
}
