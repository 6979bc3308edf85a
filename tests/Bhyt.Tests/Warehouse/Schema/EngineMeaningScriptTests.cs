using Bhyt.Tests.Support;
using Dapper;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bhyt.Tests.Warehouse.Schema;

/// <summary>
/// sql/*/0007_engine_meaning.sql read with ScriptDom (parsed, not run: SQL Server runs them only in Bhyt.Tests.SqlServer):
/// every code column compares binary on SQL Server as on DuckDB, keys survive the change, the access paths have their
/// indexes, and the analysts' role reads rpt only.
/// </summary>
public class EngineMeaningScriptTests
{
    private const string Binary = "Latin1_General_100_BIN2";

    // Codes by name: *_code, and the columns that hold a code under another name.
    private static readonly HashSet<string> CodeNames =
        ["code", "label", "period_label", "sha256", "claim_id", "card_pseudonym", "residence_province", "primary_icd", "rule"];

    private static bool IsCode(ColumnDefinition column) =>
        column.DataType is SqlDataTypeReference { SqlDataTypeOption: SqlDataTypeOption.VarChar or SqlDataTypeOption.Char }
        && column.Constraints.OfType<CheckConstraintDefinition>().Count() == 0
        && (column.ColumnIdentifier.Value.EndsWith("_code", StringComparison.Ordinal) || CodeNames.Contains(column.ColumnIdentifier.Value));

    private static List<(string File, TSqlStatement Statement)> SqlServerStatements()
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        var statements = new List<(string, TSqlStatement)>();
        foreach (var file in Directory.GetFiles(RepositoryRoot.SqlFolder("sqlserver"), "*.sql").Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(file);
            var script = (TSqlScript)parser.Parse(reader, out var errors);
            Assert.Empty(errors);
            statements.AddRange(script.Batches.SelectMany(b => b.Statements).SelectMany(Unwrap).Select(s => (Path.GetFileName(file), s)));
        }
        return statements;
    }

    // "IF ... CREATE TABLE/INDEX" guards hold the statement that matters.
    private static IEnumerable<TSqlStatement> Unwrap(TSqlStatement statement) => statement switch
    {
        IfStatement guard => Unwrap(guard.ThenStatement).Concat(guard.ElseStatement is null ? [] : Unwrap(guard.ElseStatement)),
        BeginEndBlockStatement block => block.StatementList.Statements.SelectMany(Unwrap),
        _ => [statement],
    };

    private static string Table(SchemaObjectName name) => $"{name.SchemaIdentifier.Value}.{name.BaseIdentifier.Value}";

    private static string TypeText(DataTypeReference type) => type is SqlDataTypeReference sql
        ? $"{sql.SqlDataTypeOption}({string.Join(",", sql.Parameters.Select(p => p.Value))})"
        : type.ToString()!;

    private static bool IsNotNull(ColumnDefinition column) =>
        column.Constraints.OfType<NullableConstraintDefinition>().Any(c => !c.Nullable)
        || column.Constraints.OfType<UniqueConstraintDefinition>().Any(c => c.IsPrimaryKey);

    [Fact]
    public void CodeColumns_every_code_column_on_SQL_Server_compares_binary_with_its_declared_type_and_nullability()
    {
        var statements = SqlServerStatements();
        var altered = statements.Select(s => s.Statement).OfType<AlterTableAlterColumnStatement>()
            .ToDictionary(a => $"{Table(a.SchemaObjectName)}.{a.ColumnIdentifier.Value}");
        var codes = statements.Select(s => s.Statement).OfType<CreateTableStatement>()
            .SelectMany(t => t.Definition.ColumnDefinitions.Where(IsCode).Select(c => (Table: Table(t.SchemaObjectName), Column: c)))
            .ToList();

        Assert.True(codes.Count >= 25, $"only {codes.Count} code columns found");
        foreach (var (table, column) in codes)
        {
            var name = $"{table}.{column.ColumnIdentifier.Value}";
            if (column.Collation?.Value == Binary) continue;
            Assert.True(altered.TryGetValue(name, out var alter), $"{name} is neither declared nor altered COLLATE {Binary}");
            Assert.Equal(Binary, alter.Collation?.Value);
            Assert.Equal(TypeText(column.DataType), TypeText(alter.DataType));
            Assert.Equal(IsNotNull(column) ? AlterTableAlterColumnOption.NotNull : AlterTableAlterColumnOption.Null, alter.AlterTableAlterColumnOption);
        }
    }

    [Fact]
    public void CodeColumns_keys_over_altered_columns_are_dropped_before_and_recreated_after_under_their_names()
    {
        var statements = SqlServerStatements().Select(s => s.Statement).ToList();
        var keys = statements.OfType<CreateTableStatement>().SelectMany(t =>
                t.Definition.TableConstraints.OfType<UniqueConstraintDefinition>()
                    .Select(k => (Table: Table(t.SchemaObjectName), k.ConstraintIdentifier?.Value, Columns: k.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value).ToList()))
                    .Concat(t.Definition.ColumnDefinitions.SelectMany(c => c.Constraints.OfType<UniqueConstraintDefinition>()
                        .Select(k => (Table: Table(t.SchemaObjectName), k.ConstraintIdentifier?.Value, Columns: new List<string> { c.ColumnIdentifier.Value })))))
            .ToList();
        var alters = statements.Select((s, i) => (Statement: s as AlterTableAlterColumnStatement, Index: i)).Where(a => a.Statement is not null).ToList();

        var affected = keys.Where(k => alters.Any(a => Table(a.Statement!.SchemaObjectName) == k.Table && k.Columns.Contains(a.Statement.ColumnIdentifier.Value))).ToList();

        Assert.Equal(4, affected.Count);
        foreach (var key in affected)
        {
            var firstAlter = alters.Where(a => Table(a.Statement!.SchemaObjectName) == key.Table).Min(a => a.Index);
            var drop = statements.Select((s, i) => (s, i)).Single(x => x.s is ExecuteStatement e
                && e.ExecuteSpecification.ExecutableEntity is ExecutableProcedureReference p
                && p.ProcedureReference.ProcedureReference.Name.BaseIdentifier.Value == "#bhyt_drop_key"
                && p.Parameters.Select(v => ((StringLiteral)v.ParameterValue).Value).SequenceEqual([key.Table, string.Join(",", key.Columns)]));
            var add = statements.Select((s, i) => (s, i)).Single(x => x.s is AlterTableAddTableElementStatement a
                && Table(a.SchemaObjectName) == key.Table
                && a.Definition.TableConstraints.OfType<UniqueConstraintDefinition>().Any(c => c.ConstraintIdentifier?.Value == key.Value
                    && c.Columns.Select(col => col.Column.MultiPartIdentifier.Identifiers[^1].Value).SequenceEqual(key.Columns)));
            Assert.True(drop.i < firstAlter, $"{key.Value} must be dropped before {key.Table} is altered");
            Assert.True(add.i > alters.Where(a => Table(a.Statement!.SchemaObjectName) == key.Table).Max(a => a.Index), $"{key.Value} must be re-created after");
        }
    }

    [Theory]
    [InlineData("dw.fct_claim", "facility_code,claim_id")]
    [InlineData("dw.fct_claim", "month_key")]
    [InlineData("dw.fct_claim", "submission_id")]
    [InlineData("dw.fct_indicator_value", "unit_key,indicator_key,is_current")]
    [InlineData("dw.fct_indicator_value", "submission_id")]
    [InlineData("dw.fct_claims_monthly", "month_key")]
    [InlineData("etl.validation_issue", "submission_id")]
    [InlineData("etl.submission", "sha256")]
    [InlineData("dw.dim_unit", "parent_code")]
    [InlineData("dw.dim_unit", "province_code")]
    public void Indexes_sqlserver_declares_an_index_led_by_the_access_paths_columns(string table, string columns)
    {
        var indexes = SqlServerStatements().Select(s => s.Statement).OfType<CreateIndexStatement>()
            .Where(i => Table(i.OnName) == table)
            .Select(i => string.Join(",", i.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value)));

        Assert.Contains(columns, indexes);
    }

    [Fact]
    public void ReaderRole_is_granted_select_on_rpt_and_nothing_else_in_any_script()
    {
        var statements = SqlServerStatements().Select(s => s.Statement).ToList();

        // bhyt_console_user (migration 0021) holds no permission: the console's row-level security asks for membership.
        Assert.Equal(["bhyt_console_user", "bhyt_rpt_reader"], statements.OfType<CreateRoleStatement>().Select(r => r.Name.Value).Order(StringComparer.Ordinal));
        var grant = Assert.Single(statements.OfType<GrantStatement>());

        Assert.Equal("bhyt_rpt_reader", Assert.Single(grant.Principals).Identifier.Value);
        Assert.Equal(["SELECT"], grant.Permissions.Select(p => string.Join(" ", p.Identifiers.Select(i => i.Value.ToUpperInvariant()))));
        Assert.Equal(SecurityObjectKind.Schema, grant.SecurityTargetObject.ObjectKind);
        Assert.Equal("rpt", grant.SecurityTargetObject.ObjectName.MultiPartIdentifier.Identifiers[^1].Value);
        Assert.False(grant.WithGrantOption);
        Assert.Empty(statements.OfType<AlterRoleStatement>());
    }

    [Fact]
    public void RptViews_are_not_schema_bound_so_columns_below_them_can_change_collation()
    {
        var views = SqlServerStatements().Select(s => s.Statement).OfType<ViewStatementBody>().ToList();

        Assert.NotEmpty(views);
        Assert.All(views, v => Assert.DoesNotContain(v.ViewOptions, o => o.OptionKind == ViewOptionKind.SchemaBinding));
    }

    [Fact]
    public async Task DuckDb_declares_no_index_and_compares_codes_binary()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);

        var indexes = await connection.QueryAsync<string>("SELECT index_name FROM duckdb_indexes() WHERE schema_name IN ('dw', 'etl')");
        var distinct = await connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT code) FROM (VALUES ('LK001'), ('lk001'), ('LK001 ')) t(code)");
        var order = (await connection.QueryAsync<string>("SELECT code FROM (VALUES ('b'), ('B'), ('a'), ('Á')) t(code) ORDER BY code")).ToList();
        var comment = await connection.ExecuteScalarAsync<string>(
            "SELECT comment FROM duckdb_tables() WHERE schema_name = 'dw' AND table_name = 'fct_claim'");

        Assert.Empty(indexes);
        Assert.Equal(3, distinct);
        Assert.Equal(["B", "a", "b", "Á"], order);
        Assert.Contains("zone maps", comment);
    }
}
