using System.Text;
using Bhyt.Etl.Import;
using Bhyt.Tests.Support;
using Dapper;

namespace Bhyt.Tests.Etl.Sources.Claims.Xml;

/// <summary>A folder of one-claim XML files imported as one batch, compared with the .zip of the same files.</summary>
public sealed class ClaimsXmlFolderImportTests
{
    private static readonly Content[] Shapes = Enum.GetValues<Content>();

    /// <summary>
    /// One-claim files of both standards, base64 and inline (every <see cref="Content"/> shape), some bare TONG_HOP, some
    /// with their XML2/XML3 lines, at both facilities; then a file with a bad date and one that is not well-formed XML.
    /// </summary>
    private static List<(string Name, string Text)> Files(int count)
    {
        var files = Enumerable.Range(1, count).Select(i =>
        {
            var qd130 = i % 3 != 0;
            var claim = new Xml1Claim($"F{i:0000}", Card: $"GD47979321{i:00000}", Facility: i % 4 == 0 ? "68002" : "68001", Qd130: qd130,
                VisitType: qd130 ? "02" : "2", Total: $"{5_000_000 + i * 1000}", Hospital: qd130 ? $"{5_100_000 + i * 1000}" : null);
            var text = i % 7 == 0 ? claim.Xml() : ClaimXml.Envelope([ClaimXml.Hoso(claim, Shapes[i % Shapes.Length], withXml2: i % 2 == 0)]);
            return (Name: $"hoso-{i:0000}.xml", Text: text);
        }).ToList();
        files.Add(("bad-date.xml", ClaimXml.Envelope(new Xml1Claim("BAD1", Admitted: "08042026"))));
        files.Add(("malformed.xml", ClaimXml.Envelope(new Xml1Claim("MAL1")).Replace("</MACSKCB>", "</MACSKCBX>")));
        return [.. files.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static string WriteFolder(string parent, string name, IEnumerable<(string Name, string Text)> files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(parent, name)).FullName;
        foreach (var (file, text) in files) File.WriteAllBytes(Path.Combine(folder, file), Encoding.UTF8.GetBytes(text));
        return folder;
    }

    private static async Task<ImportResult> ImportAsync(TempWarehouse warehouse, string path) =>
        await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None)).ImportAsync(path, new ImportOptions(), null, CancellationToken.None);

    /// <summary>Every row of a table but its keys and submission ids, as text, in a stable order.</summary>
    private static async Task<List<string>> RowsAsync(TempWarehouse warehouse, string table, string order)
    {
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync($"SELECT * EXCLUDE (claim_key, submission_id) FROM {table} ORDER BY {order}");
        return [.. rows.Select(r => string.Join("|", ((IDictionary<string, object?>)r).Select(c => $"{c.Key}={c.Value}")))];
    }

    private static Task<List<(string Rule, string Location, string Message)>> RejectionsAsync(TempWarehouse warehouse, long submission) =>
        warehouse.Engine.QueryAsync<(string, string, string)>(
            "SELECT rule, location, message FROM etl.validation_issue WHERE submission_id = @submission ORDER BY location, rule, message", new { submission });

    [Fact]
    public async Task ImportAsync_a_folder_of_one_claim_files_is_one_submission_with_the_facts_and_rejections_of_the_zip_of_them()
    {
        var files = Files(60);
        await using var zipped = await ClaimXmlWarehouse.WithFacilitiesAsync();
        var zip = await ClaimXmlWarehouse.ImportAsync(zipped, "hoso.zip", ClaimXml.Zip(files));
        await using var warehouse = await ClaimXmlWarehouse.WithFacilitiesAsync();
        File.Copy(zipped.Path + ".key", warehouse.Path + ".key", overwrite: true); // the same card pseudonyms
        var folder = WriteFolder(warehouse.Directory, "hoso-2024-03", files);

        var paths = ImportService.ExpandPaths([folder], xmlBatches: true);
        var result = await ImportAsync(warehouse, paths.Single());

        Assert.Equal(folder, paths.Single());
        // Rows rejected are the HOSO of the rejected files: the malformed one breaks before its first HOSO.
        Assert.Equal(("hoso-2024-03/*.xml (62 tệp)", "loaded", 60, 1), (result.Submission.FileName, result.Submission.Status,
            result.Submission.RowsLoaded, result.Submission.RowsRejected));
        Assert.Equal((zip.Submission.Status, zip.Submission.RowsLoaded, zip.Submission.RowsRejected),
            (result.Submission.Status, result.Submission.RowsLoaded, result.Submission.RowsRejected));
        Assert.Equal(["bad-date.xml", "malformed.xml"], result.RejectedFiles.Select(f => f.Name));
        Assert.Contains(result.Issues, i => i is { Rule: "claim.date", Location: "tệp bad-date.xml, HOSO 1, MA_LK BAD1, trường NGAY_VAO" });
        Assert.Contains(result.Issues, i => i.Rule == "xml.malformed" && i.Location.StartsWith("tệp malformed.xml, ", StringComparison.Ordinal));
        Assert.StartsWith("2/62 tệp trong thư mục bị từ chối", result.Submission.Message);
        Assert.Single(await warehouse.Engine.QueryAsync<long>("SELECT submission_id FROM etl.submission WHERE kind = 'claims'"));
        var facts = await RowsAsync(warehouse, "dw.fct_claim", "claim_id");
        Assert.Equal(60, facts.Count);
        Assert.Equal(await RowsAsync(zipped, "dw.fct_claim", "claim_id"), facts);
        var details = await RowsAsync(warehouse, "dw.fct_claim_detail", "claim_id, source_table, line_no");
        Assert.NotEmpty(details);
        Assert.Equal(await RowsAsync(zipped, "dw.fct_claim_detail", "claim_id, source_table, line_no"), details);
        Assert.Equal(await RejectionsAsync(zipped, zip.Submission.SubmissionId), await RejectionsAsync(warehouse, result.Submission.SubmissionId));
    }

    [Fact]
    public async Task ImportAsync_a_folder_again_is_a_duplicate_and_with_one_file_changed_loads_that_claim_only()
    {
        var files = Files(10).Where(f => f.Name.StartsWith("hoso-", StringComparison.Ordinal)).ToList();
        await using var warehouse = await ClaimXmlWarehouse.WithFacilitiesAsync();
        var folder = WriteFolder(warehouse.Directory, "lo", files);
        var alone = await ImportAsync(warehouse, Path.Combine(folder, "hoso-0003.xml"));

        var first = await ImportAsync(warehouse, folder);
        var again = await ImportAsync(warehouse, folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "hoso-0005.xml"), ClaimXml.Envelope(new Xml1Claim("F0005", Total: "7777777")));
        var changed = await ImportAsync(warehouse, folder);

        Assert.Equal(("loaded", 1), (alone.Submission.Status, alone.Submission.RowsLoaded));
        Assert.Equal(("loaded", 9), (first.Submission.Status, first.Submission.RowsLoaded)); // the claim loaded alone is dropped as identical
        Assert.Equal(("duplicate", first.Submission.SubmissionId), (again.Submission.Status, again.Submission.DuplicateOf));
        Assert.NotEqual(first.Submission.Sha256, changed.Submission.Sha256);
        Assert.Equal(("loaded", 1), (changed.Submission.Status, changed.Submission.RowsLoaded));
        var current = await warehouse.Engine.QueryAsync<(string Id, decimal Total)>("SELECT claim_id, total_cost FROM dw.fct_claim ORDER BY claim_id");
        Assert.Equal(10, current.Count);
        Assert.Equal(7777777m, current.Single(c => c.Id == "F0005").Total);
        // File by file: the one loaded alone before is a duplicate of that submission; in the changed folder, the other nine
        // are duplicates of the first batch and the changed file alone loads.
        Assert.Equal(("duplicate", 0, alone.Submission.SubmissionId), first.BatchFiles.Where(b => b.Name == "hoso-0003.xml")
            .Select(b => (b.StatusIn(first.Submission.Status), b.Loaded, b.DuplicateOf)).Single());
        Assert.Equal(9, first.BatchFiles.Count(b => b.StatusIn(first.Submission.Status) == "loaded" && b.Loaded == 1));
        Assert.Equal([("hoso-0005.xml", "loaded", 1)], changed.BatchFiles.Where(b => b.StatusIn(changed.Submission.Status) != "duplicate")
            .Select(b => (b.Name, b.StatusIn(changed.Submission.Status), b.Loaded)));
        Assert.Equal(10, again.BatchFiles.Count(b => b.StatusIn(again.Submission.Status) == "duplicate"));
    }

    [Fact]
    public async Task ImportAsync_a_batch_counts_each_warning_on_the_file_it_is_located_in()
    {
        await using var warehouse = await ClaimXmlWarehouse.WithFacilitiesAsync();
        var folder = WriteFolder(warehouse.Directory, "lo", [("a.xml", ClaimXml.Envelope(new Xml1Claim("W1"))),
            ("b.xml", ClaimXml.Envelope(new Xml1Claim("W2", BirthDate: "19xx0101"))), ("c.xml", ClaimXml.Envelope(new Xml1Claim("W3")))]);

        var batch = await ImportAsync(warehouse, folder);

        Assert.Equal(("loaded", 3, 1), (batch.Submission.Status, batch.Submission.RowsLoaded, batch.Submission.Warnings));
        Assert.Equal([("a.xml", 0), ("b.xml", 1), ("c.xml", 0)], batch.BatchFiles.Select(f => (f.Name, f.Warnings)));
        Assert.StartsWith("b.xml: loaded rows=1 rejected=0 warnings=1 submission=", batch.BatchFileLine(batch.BatchFiles[1]));
    }

    [Fact]
    public async Task ImportAsync_a_file_of_a_loaded_folder_imported_alone_is_a_duplicate_of_the_folders_submission()
    {
        var files = Files(6).Where(f => f.Name.StartsWith("hoso-", StringComparison.Ordinal)).ToList();
        await using var warehouse = await ClaimXmlWarehouse.WithFacilitiesAsync();
        var folder = WriteFolder(warehouse.Directory, "lo", files);
        var copy = Path.Combine(warehouse.Directory, "gui-lai.xml");
        File.Copy(Path.Combine(folder, "hoso-0002.xml"), copy);

        var batch = await ImportAsync(warehouse, folder);
        var alone = await ImportAsync(warehouse, copy);

        Assert.Equal(("loaded", 6), (batch.Submission.Status, batch.Submission.RowsLoaded));
        Assert.Equal(("duplicate", batch.Submission.SubmissionId), (alone.Submission.Status, alone.Submission.DuplicateOf));
        Assert.Equal([6L], await warehouse.Engine.QueryAsync<long>("SELECT count(*) FROM dw.fct_claim"));
    }

    /// <summary>
    /// The files' SHA-256 and the rejected files are written in the batch's own transaction: when they cannot be, the claims
    /// are not kept either (they had been committed before them, so a crash in between left a batch without its files).
    /// </summary>
    [Fact]
    public async Task ImportAsync_a_batch_whose_file_records_cannot_be_written_keeps_none_of_its_claims()
    {
        var files = Files(6);
        await using var warehouse = await ClaimXmlWarehouse.WithFacilitiesAsync();
        var folder = WriteFolder(warehouse.Directory, "lo", files);
        await using (var connection = await warehouse.Engine.OpenAsync(CancellationToken.None))
            await connection.ExecuteAsync("""
                ALTER TABLE etl.submission_file RENAME TO submission_file_kept;
                CREATE VIEW etl.submission_file AS SELECT * FROM etl.submission_file_kept; -- read as before, refuses rows
                """);

        await Assert.ThrowsAnyAsync<Exception>(() => ImportAsync(warehouse, folder));

        Assert.Equal([0L], await warehouse.Engine.QueryAsync<long>("SELECT count(*) FROM dw.fct_claim"));
        Assert.Equal([0L], await warehouse.Engine.QueryAsync<long>("SELECT count(*) FROM dw.fct_claims_monthly"));
        Assert.Empty(await warehouse.Engine.QueryAsync<string>("SELECT status FROM etl.submission WHERE kind = 'claims' AND status = 'loaded'"));
        Assert.Equal([0L], await warehouse.Engine.QueryAsync<long>("SELECT count(*) FROM etl.validation_issue WHERE rule = 'claim.date'"));
    }

    /// <summary>A file written into the folder once the import has listed it is in none of its steps: not read, not hashed, not counted.</summary>
    [Fact]
    public async Task ImportAsync_a_file_added_to_the_folder_during_the_import_is_left_for_the_next_one()
    {
        var files = Files(6).Where(f => f.Name.StartsWith("hoso-", StringComparison.Ordinal)).ToList();
        await using var warehouse = await ClaimXmlWarehouse.WithFacilitiesAsync();
        var folder = WriteFolder(warehouse.Directory, "lo", files);
        var late = Path.Combine(folder, "zz-late.xml");
        var progress = new Progress(() =>
        {
            if (!File.Exists(late)) File.WriteAllText(late, ClaimXml.Envelope(new Xml1Claim("LATE1")));
        });

        var result = await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None))
            .ImportAsync(folder, new ImportOptions(), progress, CancellationToken.None);

        Assert.True(File.Exists(late));
        Assert.Equal(("lo/*.xml (6 tệp)", "loaded", 6), (result.Submission.FileName, result.Submission.Status, result.Submission.RowsLoaded));
        Assert.DoesNotContain("zz-late.xml", result.BatchFiles.Select(f => f.Name));
        Assert.Empty(await warehouse.Engine.QueryAsync<string>("SELECT claim_id FROM dw.fct_claim WHERE claim_id = 'LATE1'"));
        Assert.Empty(await warehouse.Engine.QueryAsync<string>("SELECT file_name FROM etl.submission_file WHERE file_name = 'zz-late.xml'"));
    }

    /// <summary>Runs an action on the import's first progress report, synchronously (the meter reports as it starts).</summary>
    private sealed class Progress(Action first) : IProgress<Bhyt.Etl.Import.Progress.LoadProgress>
    {
        private int _reports;

        public void Report(Bhyt.Etl.Import.Progress.LoadProgress value)
        {
            if (Interlocked.Increment(ref _reports) == 1) first();
        }
    }

    [Fact]
    public void ExpandPaths_batches_a_folders_XML_files_in_the_place_of_claims_and_leaves_a_lone_XML_file_alone()
    {
        using var temp = new TempFolder();
        var folder = WriteFolder(temp.Path, "mixed", [("b.xml", "<TONG_HOP/>"), ("a.XML", "<TONG_HOP/>"),
            ("facilities.csv", ClaimXmlWarehouse.Facilities), ("zz-claims.zip", ""), ("truth.json", "{}")]);
        var single = WriteFolder(temp.Path, "single", [("one.xml", "<TONG_HOP/>"), ("facilities.csv", ClaimXmlWarehouse.Facilities)]);

        var batched = ImportService.ExpandPaths([folder], xmlBatches: true).Select(p => Path.GetRelativePath(temp.Path, p));
        var alone = ImportService.ExpandPaths([single], xmlBatches: true).Select(p => Path.GetRelativePath(temp.Path, p));
        var perFile = ImportService.ExpandPaths([folder]).Select(p => Path.GetRelativePath(temp.Path, p));

        Assert.Equal([Path.Combine("mixed", "facilities.csv"), "mixed", Path.Combine("mixed", "zz-claims.zip")], batched);
        Assert.Equal([Path.Combine("single", "facilities.csv"), Path.Combine("single", "one.xml")], alone);
        Assert.Contains(Path.Combine("mixed", "a.XML"), perFile);
    }
}
