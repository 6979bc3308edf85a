namespace Bhyt.Warehouse.Dictionary;

/// <summary>
/// How one engine keeps the dictionary in its catalog: the repeatable script rendered from <see cref="DictionarySource"/>
/// (written to <c>sql/&lt;engine&gt;/</c> beside the numbered migrations, chosen by the engine's name as they are), and the
/// query that reads the <c>rpt</c> views, their columns and their comments back.
/// </summary>
public abstract class DictionaryDialect
{
    /// <summary>
    /// The script's number and name. Repeatable (<see cref="Schema.MigrationScript.IsRepeatable"/>): the migrator runs it after
    /// the numbered scripts whenever its text changed or any numbered script ran in the same pass, because a view recreated
    /// by a later migration (CREATE OR REPLACE VIEW on DuckDB) loses its comments.
    /// </summary>
    public const string ScriptName = "0020_rpt_dictionary.repeatable.sql";

    public abstract string EngineName { get; }

    /// <summary>The script's path under the clone's root.</summary>
    public string ScriptPath => $"sql/{EngineName}/{ScriptName}";

    /// <summary>The script that sets every description of <paramref name="views"/>.</summary>
    public abstract string Render(IReadOnlyList<ViewDescription> views);

    /// <summary>
    /// The <c>rpt</c> columns with their comments: view_name, view_comment, column_name, ordinal, data_type, column_comment,
    /// ordered by view and column position.
    /// </summary>
    public abstract string CatalogSql { get; }

    public static IReadOnlyList<DictionaryDialect> All { get; } = [new DuckDbDictionaryDialect(), new SqlServerDictionaryDialect()];

    public static DictionaryDialect For(string engineName) =>
        All.SingleOrDefault(d => d.EngineName == engineName) ?? throw new ArgumentException($"No dictionary dialect for engine '{engineName}'.");

    /// <summary>The first lines of every rendered script: where it comes from and why it runs again.</summary>
    protected static string Header(string commentPrefix) => string.Join("\n", new[]
    {
        "Data dictionary of the rpt views (issue 18 item 3). GENERATED from sql/dictionary/*.txt by `bhyt dictionary`:",
        "edit the .txt files, never this script. Repeatable: the migrator runs it after the numbered scripts whenever its",
        "text changed or a numbered script ran in the same pass (a view recreated by a later migration loses its comments).",
    }.Select(line => commentPrefix + line)) + "\n";
}
