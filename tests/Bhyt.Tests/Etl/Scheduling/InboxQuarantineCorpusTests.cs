using Bhyt.Etl.Scheduling;
using Bhyt.Tests.Etl.Import.Corpus;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Tests.Etl.Scheduling;

/// <summary>
/// The whole malformed-input corpus dropped into the inbox at once: one pass takes every file, archives the loaded ones
/// and quarantines every refused, rejected or empty one beside a report that names it and where it went wrong.
/// Only the inbox's public surface is used (<see cref="InboxProcessor.RunOnceAsync"/>, the archive and quarantine folders).
/// </summary>
public sealed class InboxQuarantineCorpusTests(CorpusWarehouseFixture template) : IClassFixture<CorpusWarehouseFixture>
{
    [Fact]
    public async Task RunOnceAsync_corpus_quarantines_every_file_not_loaded_with_a_report_naming_it()
    {
        await using var warehouse = template.Copy();
        var options = new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromSeconds(1), TimeSpan.Zero);
        Directory.CreateDirectory(options.Inbox);
        foreach (var file in MalformedCorpus.All) file.WriteInto(options.Inbox);

        var run = await new InboxProcessor(warehouse.Engine, options, NullLogger<InboxProcessor>.Instance).RunOnceAsync(TestContext.Current.CancellationToken);

        var loaded = MalformedCorpus.All.Where(c => c.Outcome == Outcome.Loaded).ToList();
        Assert.Equal((MalformedCorpus.All.Count, loaded.Count), (run.Files, run.Archived));
        Assert.Empty(Directory.GetFiles(options.Inbox));
        foreach (var file in MalformedCorpus.All)
        {
            var archived = Directory.GetFiles(options.Archive, "*_" + file.Name);
            var quarantined = Directory.GetFiles(options.Quarantine, "*_" + file.Name);
            if (file.Outcome == Outcome.Loaded)
            {
                Assert.True((archived.Length, quarantined.Length) == (1, 0), $"{file.Name}: archive {archived.Length}, quarantine {quarantined.Length}");
                continue;
            }
            Assert.True((archived.Length, quarantined.Length) == (0, 1), $"{file.Name}: archive {archived.Length}, quarantine {quarantined.Length}");
            var report = await File.ReadAllTextAsync(quarantined[0] + ".report.txt", TestContext.Current.CancellationToken);
            Assert.StartsWith(file.Name + ":", report);
            if (file.Rule is not null) Assert.Contains(file.Rule, report);
            if (file.Location is not null) Assert.Contains(file.Location, report);
        }
    }
}
