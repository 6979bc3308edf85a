namespace Bhyt.Warehouse.Dictionary;

/// <summary>
/// Everything rendered from <c>sql/dictionary/*.txt</c>: each engine's repeatable script and <c>docs/DICTIONARY.md</c>.
/// <c>bhyt dictionary</c> writes them; the tests compare them with the files in the clone.
/// <para>
/// Why the scripts are rendered into the clone rather than at run time: they then travel as every other migration does
/// (embedded, checksummed, recorded in <c>etl.schema_version</c>), a reviewer or DBA reads the exact statements a warehouse
/// receives, and the tests that parse every file of <c>sql/sqlserver/</c> with ScriptDom parse this one too. The texts are
/// still written once: nobody edits the scripts, and a stale one fails the tests with the command that renews it.
/// </para>
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
