using Bhyt.Etl.Dictionary;
using Bhyt.Tests.Support;
using Bhyt.Tests.Warehouse.Schema;
using Bhyt.Warehouse.Dictionary;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bhyt.Tests.Warehouse.Dictionary;

/// <summary>
/// The SQL Server side of the dictionary, read with ScriptDom (SQL Server cannot run here): the repeatable script describes
/// every column of every rpt view that the sql/sqlserver scripts define, through a procedure that adds or updates the
/// MS_Description property so the script can run again.
/// </summary>
public class SqlServerDictionaryScriptTests
{
    private static TSqlScript Parse()
    {
        var dialect = DictionaryDialect.For("sqlserver");
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Directory, dialect.ScriptPath));
        var script = (TSqlScript)new TSql170Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")));
        return script;
    }

    /// <summary>(view, column or "" for the view) → description, from the EXEC etl.describe_rpt calls.</summary>
    private static Dictionary<(string View, string Column), string> Calls(TSqlScript script) =>
        script.Batches.SelectMany(b => b.Statements).OfType<ExecuteStatement>()
            .Select(e => (ExecutableProcedureReference)e.ExecuteSpecification.ExecutableEntity)
            .Where(p => p.ProcedureReference.ProcedureReference.Name is { SchemaIdentifier.Value: "etl", BaseIdentifier.Value: "describe_rpt" })
            .Select(p => p.Parameters.ToDictionary(v => v.Variable.Name, v => (v.ParameterValue as StringLiteral)?.Value))
            .ToDictionary(a => (a["@view_name"]!, a["@column_name"] ?? ""), a => a["@description"]!);

    [Fact]
    public void Script_describes_every_rpt_view_and_column_of_the_sqlserver_scripts_and_nothing_else()
    {
        var calls = Calls(Parse());
        var views = RptViewParityTests.SqlServerViewColumns();

        var expected = views.SelectMany(v => v.Value.Select(c => (v.Key, c)).Prepend((v.Key, ""))).ToHashSet();
        var missing = expected.Except(calls.Keys).Select(k => k.Item2 == "" ? $"rpt.{k.Item1}" : $"rpt.{k.Item1}.{k.Item2}").ToList();
        var extra = calls.Keys.Except(expected).ToList();

        Assert.True(missing.Count == 0, $"No MS_Description for: {string.Join(", ", missing)}");
        Assert.Empty(extra);
    }

    [Fact]
    public void Script_descriptions_are_the_source_texts()
    {
        var calls = Calls(Parse());

        foreach (var view in DictionarySource.Read(RepositoryRoot.Directory, DictionaryVocabularies.All))
        {
            Assert.Equal(view.Text.ToComment(), calls[(view.View, "")]);
            foreach (var column in view.Columns) Assert.Equal(column.Text.ToComment(), calls[(view.View, column.Column)]);
        }
    }

    [Fact]
    public void Script_first_batch_creates_the_upsert_procedure_that_adds_or_updates_MS_Description()
    {
        var script = Parse();

        var procedure = Assert.IsType<CreateOrAlterProcedureStatement>(Assert.Single(script.Batches[0].Statements));
        var body = Assert.IsType<BeginEndBlockStatement>(Assert.Single(procedure.StatementList.Statements));
        var calls = body.StatementList.Statements.OfType<IfStatement>().Last();
        string Called(TSqlStatement s) => ((ExecutableProcedureReference)((ExecuteStatement)s).ExecuteSpecification.ExecutableEntity)
            .ProcedureReference.ProcedureReference.Name.BaseIdentifier.Value;

        Assert.Equal("describe_rpt", procedure.ProcedureReference.Name.BaseIdentifier.Value);
        Assert.Equal("sp_updateextendedproperty", Called(calls.ThenStatement));
        Assert.Equal("sp_addextendedproperty", Called(calls.ElseStatement));
    }
}
