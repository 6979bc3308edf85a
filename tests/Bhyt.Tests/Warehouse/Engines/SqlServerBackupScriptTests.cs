using Bhyt.Tests.Support;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bhyt.Tests.Warehouse.Engines;

/// <summary>
/// The SQL Server backup and restore scripts (<c>sql/operations/sqlserver/</c>), which SQL Server cannot run here: parsed
/// by ScriptDom, and read for the options that make them safe beside a DBA's own backup plan.
/// </summary>
public class SqlServerBackupScriptTests
{
    private static TSqlScript Parse(string fileName)
    {
        var path = Path.Combine(RepositoryRoot.Directory, "sql", "operations", "sqlserver", fileName);
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StreamReader(path);
        var script = (TSqlScript)parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"{fileName}({e.Line},{e.Column}): {e.Message}")));
        return script;
    }

    private static List<T> Statements<T>(TSqlScript script) => script.Batches.SelectMany(b => b.Statements).OfType<T>().ToList();

    [Fact]
    public void Parse_backupScript_copyOnlyChecksummedBackupOfTheCurrentDatabaseThenVerified()
    {
        var script = Parse("backup_copy_only.sql");

        var backup = Assert.Single(Statements<BackupDatabaseStatement>(script));
        var options = backup.Options.Select(o => o.OptionKind).ToList();
        Assert.Contains(BackupOptionKind.CopyOnly, options);
        Assert.Contains(BackupOptionKind.Checksum, options);
        var device = Assert.Single(backup.Devices);
        Assert.Equal("@file", Assert.IsType<VariableReference>(device.PhysicalDevice).Name);
        var verify = Assert.Single(Statements<RestoreStatement>(script));
        Assert.Equal(RestoreStatementKind.VerifyOnly, verify.Kind);
    }

    [Fact]
    public void Parse_restoreScript_refusesAnExistingDatabaseAndRestoresThroughParameterisedDynamicSql()
    {
        var script = Parse("restore_as_new.sql");
        var statements = script.Batches.SelectMany(b => b.Statements).ToList();

        var guard = Assert.IsType<IfStatement>(statements[0]);
        Assert.IsType<ThrowStatement>(guard.ThenStatement);
        var execute = statements.OfType<ExecuteStatement>().Last();
        var procedure = Assert.IsType<ExecutableProcedureReference>(execute.ExecuteSpecification.ExecutableEntity);
        Assert.Equal("sp_executesql", procedure.ProcedureReference.ProcedureReference.Name.BaseIdentifier.Value);
        Assert.Contains(procedure.Parameters, p => p.Variable?.Name == "@file");
    }

    [Fact]
    public void EmbeddedScripts_areTheFilesOfTheRepository()
    {
        foreach (var name in new[] { "backup_copy_only.sql", "restore_as_new.sql" })
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Directory, "sql", "operations", "sqlserver", name)).ReplaceLineEndings(),
                Bhyt.Warehouse.Engines.SqlServerBackup.Script($"sql/operations/sqlserver/{name}").ReplaceLineEndings());
    }
}
