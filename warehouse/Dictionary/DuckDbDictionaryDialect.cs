using System.Text;

namespace Bhyt.Warehouse.Dictionary;

/// <summary>DuckDB keeps the dictionary as <c>COMMENT ON VIEW</c> / <c>COMMENT ON COLUMN</c>, read back from <c>duckdb_columns()</c>.</summary>
public sealed class DuckDbDictionaryDialect : DictionaryDialect
{
    public override string EngineName => "duckdb";

    public override string Render(IReadOnlyList<ViewDescription> views)
    {
        var script = new StringBuilder(Header("-- "));
        foreach (var view in views)
        {
            script.Append('\n').Append($"COMMENT ON VIEW rpt.{Quote(view.View)} IS {Literal(view.Text)};\n");
            foreach (var column in view.Columns)
                script.Append($"COMMENT ON COLUMN rpt.{Quote(view.View)}.{Quote(column.Column)} IS {Literal(column.Text)};\n");
        }
        return script.ToString();
    }

    public override string CatalogSql => """
        SELECT c.table_name AS view_name, v.comment AS view_comment, c.column_name, c.column_index AS ordinal,
               c.data_type, c.comment AS column_comment
        FROM duckdb_columns() AS c
        JOIN duckdb_views() AS v ON v.database_name = c.database_name AND v.schema_name = c.schema_name AND v.view_name = c.table_name
        WHERE c.database_name = current_database() AND c.schema_name = 'rpt'
        ORDER BY c.table_name, c.column_index
        """;

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";

    private static string Literal(DescriptionText text) => $"'{text.ToComment().Replace("'", "''")}'";
}
