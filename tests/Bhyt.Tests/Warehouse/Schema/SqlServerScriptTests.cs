using Bhyt.Tests.Support;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bhyt.Tests.Warehouse.Schema;

public class SqlServerScriptTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryRoot.SqlFolder("sqlserver"), "*.sql").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void Scripts_sqlserver_folder_holds_the_same_numbered_scripts_as_duckdb()
    {
        static string[] Names(string engine) =>
            Directory.GetFiles(RepositoryRoot.SqlFolder(engine), "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

        Assert.NotEmpty(Names("sqlserver"));
        Assert.Equal(Names("duckdb"), Names("sqlserver"));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Parse_every_sqlserver_script_has_no_errors(string fileName)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.SqlFolder("sqlserver"), fileName));

        var script = (TSqlScript)parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine,
            errors.Select(e => $"{fileName}({e.Line},{e.Column}): {e.Message}")));
        Assert.NotEmpty(script.Batches.SelectMany(b => b.Statements));
    }
}
