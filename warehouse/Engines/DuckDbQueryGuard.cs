using System.Data.Common;
using System.Text.Json;
using Bhyt.Warehouse.Querying;
using Dapper;

namespace Bhyt.Warehouse.Engines;

/// <summary>
/// Decides with DuckDB's own parser whether an analyst's text is exactly one SELECT (or WITH … SELECT):
/// <c>json_serialize_sql</c> serialises only SELECT statements, and the tree it returns names every
/// table function, function and table reference, which are checked against what may touch the host.
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

    // Scalar functions that reveal the host or change state.
    private static readonly HashSet<string> RefusedFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "getenv", "nextval", "setseed", "current_setting", "read_text", "read_blob", "sql_auto_complete",
    };

    public static async Task EnsureReadOnlyAsync(DbConnection connection, string sql, CancellationToken ct)
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
        Inspect(statements[0]);
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

    private static void Inspect(JsonElement element)
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

    private static void InspectNode(JsonElement node)
    {
        var type = node.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "TABLE_FUNCTION":
                var tableFunction = node.GetProperty("function").GetProperty("function_name").GetString() ?? "";
                if (!AllowedTableFunctions.Contains(tableFunction))
                    throw new QueryRefusedException("sql.table_function",
                        $"Hàm bảng '{tableFunction}' không được phép trong truy vấn phân tích (có thể đọc tệp hoặc chạy lệnh khác).");
                break;
            case "FUNCTION":
                var function = node.GetProperty("function_name").GetString() ?? "";
                if (RefusedFunctions.Contains(function) || function.StartsWith("read_", StringComparison.OrdinalIgnoreCase))
                    throw new QueryRefusedException("sql.function", $"Hàm '{function}' không được phép trong truy vấn phân tích.");
                break;
            case "BASE_TABLE":
                var table = node.GetProperty("table_name").GetString() ?? "";
                if (table.IndexOfAny(['/', '\\', '.', ':', '*', '?']) >= 0)
                    throw new QueryRefusedException("sql.host_path",
                        $"'{table}' trông như một đường dẫn tệp; truy vấn phân tích chỉ đọc các bảng và view của kho.");
                break;
        }
    }
}
