namespace Bhyt.Warehouse.Engines;

/// <summary>Which engine a warehouse target string selects.</summary>
public enum EngineKind { DuckDb, SqlServer }

/// <summary>
/// A warehouse target as users give it (<c>--warehouse</c> or <c>BHYT_WAREHOUSE</c>): a path ending in
/// <c>.duckdb</c> selects DuckDB, a string containing <c>Server=</c> or <c>Data Source=</c> selects SQL Server.
/// </summary>
public sealed record WarehouseTarget(EngineKind Kind, string Value)
{
    /// <summary>The embedded default, relative to the working directory.</summary>
    public const string DefaultPath = "data/bhyt.duckdb";

    public const string EnvironmentVariable = "BHYT_WAREHOUSE";

    /// <summary>Resolves the target from an explicit value, then the environment, then the default.</summary>
    public static WarehouseTarget Resolve(string? explicitValue) =>
        Parse(FirstNonBlank(explicitValue, Environment.GetEnvironmentVariable(EnvironmentVariable)) ?? DefaultPath);

    public static WarehouseTarget Parse(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.EndsWith(".duckdb", StringComparison.OrdinalIgnoreCase))
            return new WarehouseTarget(EngineKind.DuckDb, Path.GetFullPath(trimmed));
        if (trimmed.Contains("Server=", StringComparison.OrdinalIgnoreCase)
            || trimmed.Contains("Data Source=", StringComparison.OrdinalIgnoreCase))
            return new WarehouseTarget(EngineKind.SqlServer, trimmed);
        throw new ArgumentException(
            $"Kho dữ liệu không hợp lệ: '{value}'. Dùng đường dẫn kết thúc bằng .duckdb hoặc chuỗi kết nối SQL Server " +
            "(chứa Server= hoặc Data Source=). [warehouse.target]");
    }

    /// <summary>The target as it may be printed: SQL Server passwords are masked.</summary>
    public override string ToString() => Kind == EngineKind.DuckDb
        ? Value
        : System.Text.RegularExpressions.Regex.Replace(Value, @"(?i)(password|pwd)\s*=\s*[^;]*", "$1=***");

    private static string? FirstNonBlank(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
