using System.Text.RegularExpressions;
using Bhyt.Tests.Support;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Quartz;

namespace Bhyt.Tests.Etl.Scheduling;

/// <summary>
/// sql/sqlserver/quartz/tables_sqlServer.sql: valid T-SQL, and the very tables and columns the Quartz version we ship
/// creates and validates at start-up (its embedded SQL Server schema), so that a clustered scheduler accepts the database.
/// </summary>
public class QuartzTablesScriptTests
{
    private static string ScriptPath => Path.Combine(RepositoryRoot.SqlFolder("sqlserver"), "quartz", "tables_sqlServer.sql");

    [Fact]
    public void Parse_quartz_tables_script_has_no_errors_and_creates_the_qrtz_tables()
    {
        var script = Parse(File.ReadAllText(ScriptPath), out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"tables_sqlServer.sql({e.Line},{e.Column}): {e.Message}")));
        var tables = Columns(script).Keys.ToList();
        Assert.Contains("QRTZ_LOCKS", tables);
        Assert.Contains("QRTZ_SCHEDULER_STATE", tables);
        Assert.Contains("QRTZ_FIRED_TRIGGERS", tables);
        Assert.All(tables, t => Assert.StartsWith("QRTZ_", t));
    }

    [Fact]
    public void Quartz_tables_script_defines_the_columns_of_the_schema_shipped_in_the_quartz_assembly()
    {
        using var resource = typeof(IScheduler).Assembly.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_sqlServer.sql")!;
        var shipped = new StreamReader(resource).ReadToEnd().Replace("{0}", "QRTZ_").Replace("{1}", "QRTZ_");
        shipped = Regex.Replace(shipped, @"^--;;\s*$", "GO", RegexOptions.Multiline);

        var ours = Columns(Parse(File.ReadAllText(ScriptPath), out _));
        var theirs = Columns(Parse(shipped, out var errors));

        Assert.Empty(errors);
        Assert.Equal(theirs.Keys.Order(), ours.Keys.Order());
        foreach (var (table, columns) in theirs) Assert.Equal(columns, ours[table]);
    }

    private static TSqlScript Parse(string text, out IList<ParseError> errors) =>
        (TSqlScript)new TSql170Parser(initialQuotedIdentifiers: true).Parse(new StringReader(text), out errors);

    /// <summary>Each CREATE TABLE's columns as "NAME type NULL|NOT NULL", in order.</summary>
    private static Dictionary<string, List<string>> Columns(TSqlScript script)
    {
        var visitor = new CreateTables();
        script.Accept(visitor);
        return visitor.Tables;
    }

    private sealed class CreateTables : TSqlFragmentVisitor
    {
        public Dictionary<string, List<string>> Tables { get; } = [];

        public override void Visit(CreateTableStatement node) =>
            Tables[node.SchemaObjectName.BaseIdentifier.Value] = node.Definition.ColumnDefinitions.Select(Describe).ToList();

        private static string Describe(ColumnDefinition column)
        {
            var type = string.Concat(Enumerable.Range(column.DataType.FirstTokenIndex, column.DataType.LastTokenIndex - column.DataType.FirstTokenIndex + 1)
                .Select(i => column.DataType.ScriptTokenStream[i].Text)).ToLowerInvariant();
            var notNull = column.Constraints.OfType<NullableConstraintDefinition>().Any(c => !c.Nullable);
            return $"{column.ColumnIdentifier.Value} {type} {(notNull ? "NOT NULL" : "NULL")}";
        }
    }
}
