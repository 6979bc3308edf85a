using System.Text;

namespace Bhyt.Warehouse.Dictionary;

/// <summary>
/// SQL Server keeps the dictionary as MS_Description extended properties on the views and their columns. The script first
/// (re)creates <c>etl.describe_rpt</c>, which adds the property or updates it when present (<c>sp_addextendedproperty</c>
/// fails on an existing one), so the script can run again; then one call per view and column.
/// </summary>
public sealed class SqlServerDictionaryDialect : DictionaryDialect
{
    public override string EngineName => "sqlserver";

    public override string Render(IReadOnlyList<ViewDescription> views)
    {
        var script = new StringBuilder(Header("-- ")).Append('\n').Append(Procedure).Append("GO\n");
        foreach (var view in views)
        {
            script.Append('\n').Append($"EXEC etl.describe_rpt @view_name = {Literal(view.View)}, @column_name = NULL, @description = {Literal(view.Text.ToComment())};\n");
            foreach (var column in view.Columns)
                script.Append($"EXEC etl.describe_rpt @view_name = {Literal(view.View)}, @column_name = {Literal(column.Column)}, @description = {Literal(column.Text.ToComment())};\n");
        }
        return script.Append("GO\n").ToString();
    }

    public override string CatalogSql => """
        SELECT v.name AS view_name, CAST(vp.value AS NVARCHAR(4000)) AS view_comment, c.name AS column_name,
               c.column_id - 1 AS ordinal, TYPE_NAME(c.user_type_id) AS data_type, CAST(cp.value AS NVARCHAR(4000)) AS column_comment
        FROM sys.views AS v
        JOIN sys.columns AS c ON c.object_id = v.object_id
        LEFT JOIN sys.extended_properties AS vp ON vp.class = 1 AND vp.major_id = v.object_id AND vp.minor_id = 0 AND vp.name = N'MS_Description'
        LEFT JOIN sys.extended_properties AS cp ON cp.class = 1 AND cp.major_id = v.object_id AND cp.minor_id = c.column_id AND cp.name = N'MS_Description'
        WHERE v.schema_id = SCHEMA_ID(N'rpt')
        ORDER BY v.name, c.column_id
        """;

    private const string Procedure = """
        CREATE OR ALTER PROCEDURE etl.describe_rpt
            @view_name   SYSNAME,
            @column_name SYSNAME = NULL,
            @description NVARCHAR(3750)
        AS
        BEGIN
            SET NOCOUNT ON;
            DECLARE @view_id INT = OBJECT_ID(N'rpt.' + QUOTENAME(@view_name), N'V');
            DECLARE @column_id INT = CASE WHEN @column_name IS NULL THEN 0 ELSE COLUMNPROPERTY(@view_id, @column_name, 'ColumnId') END;
            IF @view_id IS NULL OR @column_id IS NULL
            BEGIN
                DECLARE @missing NVARCHAR(400) = CONCAT(N'etl.describe_rpt: rpt.', @view_name, N'.' + @column_name, N' does not exist.');
                THROW 50020, @missing, 1;
            END;
            DECLARE @level2type VARCHAR(128) = CASE WHEN @column_name IS NULL THEN NULL ELSE 'COLUMN' END;
            IF EXISTS (SELECT 1 FROM sys.extended_properties
                       WHERE class = 1 AND major_id = @view_id AND minor_id = @column_id AND name = N'MS_Description')
                EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = @description,
                    @level0type = 'SCHEMA', @level0name = N'rpt', @level1type = 'VIEW', @level1name = @view_name,
                    @level2type = @level2type, @level2name = @column_name;
            ELSE
                EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = @description,
                    @level0type = 'SCHEMA', @level0name = N'rpt', @level1type = 'VIEW', @level1name = @view_name,
                    @level2type = @level2type, @level2name = @column_name;
        END;

        """;

    private static string Literal(string text) => $"N'{text.Replace("'", "''")}'";
}
