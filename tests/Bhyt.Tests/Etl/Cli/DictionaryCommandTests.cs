using Bhyt.Etl.Cli;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Cli;

[Collection("Console")]
public class DictionaryCommandTests
{
    private static string CloneWithViews(params string[] views)
    {
        var root = Directory.CreateTempSubdirectory("bhyt-dict-").FullName;
        foreach (var folder in new[] { "sql/dictionary", "sql/duckdb", "sql/sqlserver", "docs" })
            Directory.CreateDirectory(Path.Combine(root, folder));
        foreach (var view in views)
            File.Copy(Path.Combine(RepositoryRoot.Directory, "sql", "dictionary", view + ".txt"), Path.Combine(root, "sql", "dictionary", view + ".txt"));
        return root;
    }

    [Fact]
    public async Task Dictionary_check_lists_stale_files_then_writing_makes_them_current()
    {
        var root = CloneWithViews("units", "periods");
        try
        {
            var before = await CliRun.RunAsync("dictionary", "--root", root, "--check");
            var write = await CliRun.RunAsync("dictionary", "--root", root);
            var after = await CliRun.RunAsync("dictionary", "--root", root, "--check");
            File.AppendAllText(Path.Combine(root, "sql", "dictionary", "units.txt"), "extra | Cột mới | | 1\n");
            var edited = await CliRun.RunAsync("dictionary", "--root", root, "--check");

            Assert.Equal(ExitCodes.Rejected, before.ExitCode);
            Assert.Contains("docs/DICTIONARY.md: đã cũ", before.Error);
            Assert.Equal(ExitCodes.Ok, write.ExitCode);
            Assert.Contains("COMMENT ON COLUMN rpt.\"periods\".\"quarter\"", File.ReadAllText(Path.Combine(root, "sql", "duckdb", "0020_rpt_dictionary.repeatable.sql")));
            Assert.Contains("## rpt.units", File.ReadAllText(Path.Combine(root, "docs", "DICTIONARY.md")));
            Assert.True(after.ExitCode == ExitCodes.Ok, after.ToString());
            Assert.Equal(ExitCodes.Rejected, edited.ExitCode);
            Assert.Contains("sql/sqlserver/0020_rpt_dictionary.repeatable.sql: đã cũ", edited.Error);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public async Task Dictionary_malformed_source_exits_2_naming_file_and_line()
    {
        var root = CloneWithViews();
        try
        {
            File.WriteAllText(Path.Combine(root, "sql", "dictionary", "audit.txt"), "rpt.audit | Nhật ký\nat | Thời điểm\n");

            var run = await CliRun.RunAsync("dictionary", "--root", root);

            Assert.Equal(ExitCodes.Usage, run.ExitCode);
            Assert.Contains("sql/dictionary/audit.txt, dòng 2", run.Error);
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
