using System.Text;
using Bhyt.Etl.Import;
using Bhyt.Etl.Import.Progress;
using Bhyt.Tests.Etl.Sources.Claims.Xml;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Import.Progress;

/// <summary>
/// Progress of the claims XML import: the bytes counted are those of the file on disk (a .zip's compressed bytes, not
/// what it inflates to; a folder's XML files), reaching the whole file, and the rows are every claim loaded.
/// </summary>
public sealed class ClaimsXmlProgressTests
{
    private const string Facilities = "MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code\n68001,Bệnh viện Đa khoa Lâm Đồng,2,public,672\n";

    private static Xml1Claim Claim(int i) => new($"LK{i:00000}", Card: $"GD47979321{i:00000}", Admitted: $"202403{1 + i % 28:00}0800",
        Discharged: $"202403{1 + i % 28:00}1000", Days: "0", Qd130: i % 3 != 0, Total: $"{200_000 + i}", Insurer: "180000", CoPay: "20000",
        Drugs: "50000", Supplies: "10000");

    [Fact]
    public async Task ImportAsync_of_an_envelope_reports_its_bytes_to_the_whole_file_and_every_claim()
    {
        var claims = Enumerable.Range(1, 3000).Select(Claim).ToList();
        var envelope = ClaimXml.WithBom(ClaimXml.Envelope(claims.Select((c, i) => ClaimXml.Hoso(c, i % 2 == 0 ? Content.Base64Wrapped : Content.Inline)).ToList()));

        var (result, reading) = await ImportAsync("GIAMDINHHS_68001.xml", envelope);

        Assert.Equal(("loaded", claims.Count), (result.Submission.Status, result.Submission.RowsLoaded));
        Assert.Equal(envelope.Length, reading[^1].BytesRead);
        Assert.Equal((100, claims.Count), (reading[^1].PercentRead, reading[^1].Rows));
        Assert.Equal(reading.Select(r => r.BytesRead).Order(), reading.Select(r => r.BytesRead));
    }

    [Fact]
    public async Task ImportAsync_of_a_zip_counts_its_compressed_bytes_not_the_inflated_ones()
    {
        var claims = Enumerable.Range(1, 4000).Select(Claim).ToList();
        var files = claims.Chunk(100).Select((batch, i) => ($"HOSO_{i:000}.xml", ClaimXml.Envelope(batch.Select(c => ClaimXml.Hoso(c, Content.Inline)).ToList())))
            .ToList();
        var zip = ClaimXml.Zip(files);
        var inflated = files.Sum(f => Encoding.UTF8.GetByteCount(f.Item2));

        var (result, reading) = await ImportAsync("HOSO_68001.zip", zip);

        Assert.Equal(("loaded", claims.Count), (result.Submission.Status, result.Submission.RowsLoaded));
        Assert.Equal((zip.Length, 100, claims.Count), (reading[^1].BytesRead, reading[^1].PercentRead, reading[^1].Rows));
        Assert.True(zip.Length * 2L < inflated, $"zip {zip.Length} B, inflated {inflated} B: too little compression for the test to tell them apart");
        // The archive's directory, at its end, is read before the entries (found by scanning back from the end): read twice, a few KB.
        Assert.All(reading, r => Assert.InRange(r.BytesRead, 0, zip.Length + 16 * 1024));
    }

    [Fact]
    public async Task ImportAsync_of_a_folder_counts_the_bytes_of_its_XML_files_to_their_total_and_every_claim()
    {
        var claims = Enumerable.Range(1, 300).Select(Claim).ToList();
        var files = claims.Select((c, i) => ($"{i:000}.xml", ClaimXml.WithBom(ClaimXml.Envelope(c)))).ToList();

        var (result, reading) = await ImportAsync(directory =>
        {
            var folder = Directory.CreateDirectory(Path.Combine(directory, "hoso")).FullName;
            foreach (var (name, bytes) in files) File.WriteAllBytes(Path.Combine(folder, name), bytes);
            File.WriteAllText(Path.Combine(folder, "ghi-chu.md"), "không thuộc lô");
            return folder;
        });

        var total = files.Sum(f => (long)f.Item2.Length);
        Assert.Equal(("loaded", claims.Count), (result.Submission.Status, result.Submission.RowsLoaded));
        Assert.Equal(("hoso/*.xml (300 tệp)", total), (reading[^1].File, reading[^1].BytesTotal));
        Assert.Equal((total, 100, claims.Count), (reading[^1].BytesRead, reading[^1].PercentRead, reading[^1].Rows));
        Assert.Equal(reading.Select(r => r.BytesRead).Order(), reading.Select(r => r.BytesRead));
    }

    private static Task<(ImportResult Result, List<LoadProgress> Reading)> ImportAsync(string name, byte[] content) =>
        ImportAsync(directory =>
        {
            var path = Path.Combine(directory, name);
            File.WriteAllBytes(path, content);
            return path;
        });

    private static async Task<(ImportResult Result, List<LoadProgress> Reading)> ImportAsync(Func<string, string> write)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var facilities = Path.Combine(warehouse.Directory, "fac.csv");
        await File.WriteAllTextAsync(facilities, Facilities, ct);
        var path = write(warehouse.Directory);
        var service = await ImportService.CreateAsync(warehouse.Engine, ct);
        await service.ImportAsync(facilities, new ImportOptions(), null, ct);
        var reports = new List<LoadProgress>();

        var result = await service.ImportAsync(path, new ImportOptions(), new ReportsTo(reports), ct);

        Assert.Equal(LoadPhase.Done, reports[^1].Phase);
        return (result, reports.Where(r => r.Phase == LoadPhase.Reading).ToList());
    }

    /// <summary>Every report, in order (the meter reports one at a time).</summary>
    private sealed class ReportsTo(List<LoadProgress> reports) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => reports.Add(value);
    }
}
