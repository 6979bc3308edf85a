using System.Data.Common;
using Bhyt.Warehouse.Querying;
using Dapper;

namespace Bhyt.Warehouse.Engines;

/// <summary>
/// What the read-only door asks of a SQL Server login: read the <c>rpt</c> views and nothing else. The role
/// <c>bhyt_rpt_reader</c> (sql/sqlserver/0007_engine_meaning.sql) grants exactly that; ownership chaining lets its
/// members read the views without any right on the tables below them.
/// </summary>
internal static class SqlServerReaderLogin
{
    /// <summary>
    /// The permissions the login holds beyond SELECT on <c>rpt</c>, as <c>schema:PERMISSION</c>. HAS_PERMS_BY_NAME counts
    /// every path to a permission (database roles such as db_owner or db_datawriter, grants on the database or schema).
    /// </summary>
    public const string ExcessPermissionsSql = """
        SELECT s.name + N':' + p.permission_name
        FROM (VALUES (N'dw'), (N'etl'), (N'rpt')) AS s(name)
        CROSS JOIN (VALUES (N'SELECT'), (N'INSERT'), (N'UPDATE'), (N'DELETE'), (N'ALTER'), (N'EXECUTE')) AS p(permission_name)
        WHERE SCHEMA_ID(s.name) IS NOT NULL
          AND NOT (s.name = N'rpt' AND p.permission_name = N'SELECT')
          AND HAS_PERMS_BY_NAME(s.name, N'SCHEMA', p.permission_name) = 1
        ORDER BY s.name, p.permission_name;
        """;

    public static async Task<IReadOnlyList<string>> ExcessPermissionsAsync(DbConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<string>(new CommandDefinition(ExcessPermissionsSql, cancellationToken: ct))).ToList();

    public static QueryRefusedException Refusal(IReadOnlyList<string> excess, bool readerConfigured) => new("sql.reader_login",
        $"Tài khoản của cửa truy vấn chỉ đọc có quyền vượt quá đọc lược đồ rpt ({string.Join(", ", excess)}). " +
        (readerConfigured
            ? $"Tài khoản trong {SqlServerEngine.ReaderEnvironmentVariable} chỉ được thuộc vai trò bhyt_rpt_reader."
            : $"Đặt {SqlServerEngine.ReaderEnvironmentVariable} là chuỗi kết nối của một tài khoản chỉ thuộc vai trò bhyt_rpt_reader."));
}
