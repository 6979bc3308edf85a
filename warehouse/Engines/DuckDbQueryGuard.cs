using System.Data.Common;
using System.Text.Json;
using Bhyt.Warehouse.Querying;
using Dapper;

namespace Bhyt.Warehouse.Engines;

/// <summary>
/// Decides with DuckDB's own parser whether an analyst's text is exactly one SELECT (or WITH … SELECT):
/// <c>json_serialize_sql</c> serialises only SELECT statements, and the tree it returns names every
/// table function, function and table reference, which are checked against what may touch the host and, for
/// <see cref="QueryReach.RptOnly"/>, against anything but the <c>rpt</c> views (other schemas, catalogs, the catalog's
/// own listings).
/// </summary>
internal static class DuckDbQueryGuard
{
    // Table functions that only compute or read the catalog; everything else (read_csv, read_parquet,
    // glob, query, sniff_csv, parquet_metadata, ...) may reach the host or run nested SQL.
    private static readonly HashSet<string> AllowedTableFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "range", "generate_series", "unnest", "json_each", "json_tree",
        "duckdb_schemas", "duckdb_tables", "duckdb_views", "duckdb_columns", "duckdb_constraints",
        "duckdb_indexes", "duckdb_types", "duckdb_functions", "duckdb_keywords",
    };

    // Table functions that only compute: all an rpt-only query may call (the duckdb_* listings name other schemas).
    private static readonly HashSet<string> RptOnlyTableFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "range", "generate_series", "unnest", "json_each", "json_tree",
    };

    // Scalar functions that reveal the host or change state.
    private static readonly HashSet<string> RefusedFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "getenv", "nextval", "setseed", "current_setting", "read_text", "read_blob", "sql_auto_complete",
    };

    public static async Task EnsureReadOnlyAsync(DbConnection connection, string sql, QueryReach reach, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(sql))
            throw new QueryRefusedException("sql.empty", "Câu truy vấn trống.");
        var json = await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT json_serialize_sql(CAST($sql AS VARCHAR))", new { sql }, cancellationToken: ct));
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.GetProperty("error").GetBoolean())
            throw Refusal(root);
        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1)
            throw new QueryRefusedException("sql.multiple_statements",
                $"Chỉ được chạy đúng một câu lệnh SELECT; văn bản có {statements.GetArrayLength()} câu lệnh.");
        new Inspector(reach, CteNames(statements[0])).Inspect(statements[0]);
    }

    /// <summary>Every name a WITH clause of the statement defines (a bare name in FROM may be one of them).</summary>
    private static HashSet<string> CteNames(JsonElement element)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Collect(element);
        return names;

        void Collect(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("cte_map", out var map) && map.TryGetProperty("map", out var entries))
                    foreach (var entry in entries.EnumerateArray())
                        if (entry.TryGetProperty("key", out var key) && key.GetString() is { } name) names.Add(name);
                foreach (var property in e.EnumerateObject()) Collect(property.Value);
            }
            else if (e.ValueKind == JsonValueKind.Array)
                foreach (var item in e.EnumerateArray()) Collect(item);
        }
    }

    private static QueryRefusedException Refusal(JsonElement root)
    {
        var type = root.TryGetProperty("error_type", out var t) ? t.GetString() : null;
        var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : null;
        return type == "not implemented"
            ? new QueryRefusedException("sql.not_select",
                "Chỉ chấp nhận một câu lệnh SELECT (hoặc WITH … SELECT); câu lệnh ghi dữ liệu, COPY, ATTACH, INSTALL/LOAD, EXPORT, PRAGMA, SET … bị từ chối.")
            : new QueryRefusedException("sql.syntax", $"Câu truy vấn không hợp lệ: {message}");
    }

    private sealed class Inspector(QueryReach reach, HashSet<string> cteNames)
    {
        public void Inspect(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    InspectNode(element);
                    foreach (var property in element.EnumerateObject()) Inspect(property.Value);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray()) Inspect(item);
                    break;
            }
        }

        private void InspectNode(JsonElement node)
        {
            var type = node.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            switch (type)
            {
                case "TABLE_FUNCTION":
                    var tableFunction = node.GetProperty("function").GetProperty("function_name").GetString() ?? "";
                    if (!AllowedTableFunctions.Contains(tableFunction))
                        throw new QueryRefusedException("sql.table_function",
                            $"Hàm bảng '{tableFunction}' không được phép trong truy vấn phân tích (có thể đọc tệp hoặc chạy lệnh khác).");
                    if (reach == QueryReach.RptOnly && !RptOnlyTableFunctions.Contains(tableFunction))
                        throw RptOnly($"hàm bảng '{tableFunction}' liệt kê cả các lược đồ khác");
                    break;
                case "FUNCTION":
                    var function = node.GetProperty("function_name").GetString() ?? "";
                    if (RefusedFunctions.Contains(function) || function.StartsWith("read_", StringComparison.OrdinalIgnoreCase))
                        throw new QueryRefusedException("sql.function", $"Hàm '{function}' không được phép trong truy vấn phân tích.");
                    if (reach == QueryReach.RptOnly && RevealsCatalog(function))
                        throw RptOnly($"hàm '{function}' đọc danh mục của kho");
                    break;
                case "BASE_TABLE":
                    var table = node.GetProperty("table_name").GetString() ?? "";
                    if (table.IndexOfAny(['/', '\\', '.', ':', '*', '?']) >= 0)
                        throw new QueryRefusedException("sql.host_path",
                            $"'{table}' trông như một đường dẫn tệp; truy vấn phân tích chỉ đọc các bảng và view của kho.");
                    if (reach == QueryReach.RptOnly) EnsureRptView(node, table);
                    break;
                case "SHOW_REF":
                    var shown = node.GetProperty("table_name").GetString() ?? "";
                    if (reach == QueryReach.RptOnly && shown.Length > 0)
                        throw RptOnly("SHOW liệt kê cả các lược đồ khác; xem danh sách view ở khung bên trái");
                    break;
            }
        }

        /// <summary>A table reference of an rpt-only query: <c>rpt.&lt;view&gt;</c>, or the bare name of one of the query's CTEs.</summary>
        private void EnsureRptView(JsonElement node, string table)
        {
            var catalog = node.TryGetProperty("catalog_name", out var c) ? c.GetString() ?? "" : "";
            var schema = node.TryGetProperty("schema_name", out var s) ? s.GetString() ?? "" : "";
            var named = string.Join('.', new[] { catalog, schema, table }.Where(p => p.Length > 0));
            if (catalog.Length > 0 || (schema.Length > 0 && !schema.Equals("rpt", StringComparison.OrdinalIgnoreCase)))
                throw RptOnly($"'{named}' nằm ngoài lược đồ rpt");
            if (schema.Length == 0 && !cteNames.Contains(table))
                throw RptOnly($"'{table}' không phải một view rpt (viết rpt.{table}) hay một bảng tạm WITH của câu truy vấn");
        }

        private static bool RevealsCatalog(string function) =>
            function.StartsWith("duckdb_", StringComparison.OrdinalIgnoreCase)
            || (function.StartsWith("pg_", StringComparison.OrdinalIgnoreCase) && !function.Equals("pg_typeof", StringComparison.OrdinalIgnoreCase))
            || function.StartsWith("has_", StringComparison.OrdinalIgnoreCase)
            || function.Equals("current_schemas", StringComparison.OrdinalIgnoreCase);

        private static QueryRefusedException RptOnly(string what) => new("sql.rpt_only",
            $"Truy vấn phân tích chỉ được đọc các view của lược đồ rpt: {what}.");
    }
}
