using Bhyt.Etl.Generation;
using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Reporting;

/// <summary>
/// <c>bhyt generate</c>'s reporting schedule loaded with the data it describes: the communes whose last month was withheld
/// are exactly the missing reports, every other report is late (imported long after its deadline), none is lost.
/// </summary>
public sealed class GeneratedScheduleTests
{
    [Fact]
    public async Task Import_generated_folder_shows_the_withheld_communes_missing_and_every_other_report_late()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var folder = Path.Combine(warehouse.Directory, "generated");
        SyntheticDataGenerator.Run(new GenerationOptions(folder, "province", 2018, 2024, 1_000, 7), TextWriter.Null);
        var import = await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None);
        foreach (var file in ImportService.ExpandPaths([folder]))
            Assert.False((await import.ImportAsync(file, new ImportOptions(), null, CancellationToken.None)).IsRejected, file);

        // The communes with monthly figures in 2024 but none for December, read from the generated file itself.
        var rows = File.ReadLines(Path.Combine(folder, "submissions.csv")).Skip(1).Select(l => l.Split(',')).Where(r => r[2].StartsWith("2024-", StringComparison.Ordinal)).ToList();
        var withheld = rows.Select(r => r[0]).Distinct().Except(rows.Where(r => r[2] == "2024-12").Select(r => r[0])).Order(StringComparer.Ordinal).ToList();
        var statuses = await warehouse.Engine.QueryAsync<(string Level, string Status, long Count)>(
            "SELECT unit_level, status, count(*) FROM rpt.reporting_status GROUP BY unit_level, status ORDER BY unit_level, status");
        var missing = await warehouse.Engine.QueryAsync<string>(
            "SELECT unit_code FROM rpt.reporting_status WHERE status = 'missing' ORDER BY unit_code");

        Assert.NotEmpty(withheld);
        Assert.Equal(withheld, missing);
        Assert.DoesNotContain(statuses, s => s.Status is "on_time" or "pending");
        var communes = rows.Select(r => r[0]).Distinct().Count();
        Assert.Equal(12L * communes - withheld.Count, statuses.Single(s => (s.Level, s.Status) == ("commune", "late")).Count);
        Assert.Equal(7L * 10, statuses.Single(s => (s.Level, s.Status) == ("district", "late")).Count);
    }
}
