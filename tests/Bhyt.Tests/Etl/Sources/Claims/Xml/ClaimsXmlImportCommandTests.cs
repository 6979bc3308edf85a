using System.Text;
using Bhyt.Etl.Cli;
using Bhyt.Tests.Etl.Cli;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Sources.Claims.Xml;

[Collection("Console")]
public class ClaimsXmlImportCommandTests
{
    [Fact]
    public async Task Import_a_folder_of_claims_XML_and_a_zip_goes_on_past_rejections_lists_them_at_the_end_and_exits_1()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var folder = Directory.CreateDirectory(Path.Combine(warehouse.Directory, "inbox")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "fac.csv"), "MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code\n68001,Bệnh viện Đa khoa Lâm Đồng,2,public,672\n");
        await File.WriteAllBytesAsync(Path.Combine(folder, "a-batch.xml"), ClaimXml.WithBom(ClaimXml.Envelope(new Xml1Claim("A1"), new Xml1Claim("A2"))));
        await File.WriteAllTextAsync(Path.Combine(folder, "b-one.XML"), new Xml1Claim("B1").Xml(), Encoding.UTF8);
        await File.WriteAllBytesAsync(Path.Combine(folder, "c-lo.zip"), ClaimXml.Zip([("1.xml", ClaimXml.Envelope(new Xml1Claim("C1"))),
            ("2.xml", ClaimXml.Envelope(new Xml1Claim("C2", Discharged: "05032024")))]));

        var run = await CliRun.RunAsync("import", folder, "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        // Facilities first (the claims name them), then the folder's XML files as one submission — a line for each file,
        // both naming the batch's submission — then the .zip.
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^fac\.csv: loaded rows=1 ", lines[0]);
        Assert.Matches(@"^a-batch\.xml: loaded rows=2 rejected=0 warnings=0 submission=(\d+)", lines[1]);
        Assert.Matches(@"^b-one\.XML: loaded rows=1 rejected=0 warnings=0 submission=(\d+)", lines[2]);
        Assert.Equal(lines[1][lines[1].LastIndexOf('=')..], lines[2][lines[2].LastIndexOf('=')..]);
        Assert.Matches(@"^c-lo\.zip: loaded rows=1 rejected=1", lines[3]);
        Assert.Contains("  lô inbox/*.xml (2 tệp): loaded rows=3 rejected=0", run.Error);
        var summary = run.Error[run.Error.IndexOf("Từ chối (1/3 tệp):", StringComparison.Ordinal)..];
        Assert.Contains("c-lo.zip: loaded, 1 lỗi; đầu tiên: tệp 2.xml, HOSO 1, MA_LK C2, trường NGAY_RA", summary);
        Assert.Equal(4L, (await warehouse.Engine.QueryAsync<long>("SELECT count(*) FROM dw.fct_claim")).Single());
    }

    [Fact]
    public async Task Import_a_folder_of_one_claim_files_prints_a_line_for_each_file_of_its_one_submission_and_names_each_rejected_file_at_the_end()
    {
        await using var warehouse = await ClaimXmlWarehouse.WithFacilitiesAsync();
        var folder = Directory.CreateDirectory(Path.Combine(warehouse.Directory, "hoso")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "1.xml"), ClaimXml.Envelope(new Xml1Claim("A1")));
        await File.WriteAllTextAsync(Path.Combine(folder, "2.xml"), new Xml1Claim("A2", Qd130: false, VisitType: "1").Xml());
        await File.WriteAllTextAsync(Path.Combine(folder, "3.xml"), ClaimXml.Envelope(new Xml1Claim("A3", Discharged: "05032024")));
        await File.WriteAllTextAsync(Path.Combine(folder, "4.xml"), "<GIAMDINHHS><THONGTINDONVI>");

        var plain = await CliRun.RunAsync("import", folder, "--warehouse", warehouse.Path);
        await File.WriteAllTextAsync(Path.Combine(folder, "1.xml"), ClaimXml.Envelope(new Xml1Claim("A1", Total: "6000000")));
        var json = await CliRun.RunAsync("import", folder, "--warehouse", warehouse.Path, "--json");

        Assert.True(plain.ExitCode == ExitCodes.Rejected, plain.ToString());
        Assert.Matches(@"^1\.xml: loaded rows=1 rejected=0 warnings=0 submission=\d+\n2\.xml: loaded rows=1 rejected=0 warnings=0 submission=\d+\n" +
                       @"3\.xml: rejected rows=0 rejected=1 warnings=0 submission=\d+\n4\.xml: rejected rows=0 rejected=1 warnings=0 submission=\d+\s*$", plain.Out);
        Assert.Contains("  lô hoso/*.xml (4 tệp): loaded rows=2 rejected=1", plain.Error);
        var summary = plain.Error[plain.Error.IndexOf("Từ chối (1/1 tệp):", StringComparison.Ordinal)..];
        Assert.Contains("hoso/*.xml (4 tệp): loaded, 2 lỗi", summary);
        Assert.Contains("    3.xml: 1 lỗi; đầu tiên: tệp 3.xml, HOSO 1, MA_LK A3, trường NGAY_RA", summary);
        Assert.Matches(@"    4\.xml: 1 lỗi; đầu tiên: tệp 4\.xml, .*\[xml\.malformed\]", summary);
        using var document = System.Text.Json.JsonDocument.Parse(json.Out);
        // Again with 1.xml changed: 2.xml was loaded by the first run, a duplicate now; only 1.xml's claim loads.
        var results = document.RootElement.EnumerateArray().Select(r => (r.GetProperty("file").GetString(), r.GetProperty("status").GetString(),
            r.GetProperty("rows").GetInt32(), r.GetProperty("batch").GetString(), r.GetProperty("issues").GetArrayLength())).ToList();
        Assert.Equal([("1.xml", "loaded", 1, "hoso/*.xml (4 tệp)", 0), ("2.xml", "duplicate", 0, "hoso/*.xml (4 tệp)", 0),
            ("3.xml", "rejected", 0, "hoso/*.xml (4 tệp)", 1), ("4.xml", "rejected", 0, "hoso/*.xml (4 tệp)", 1)], results);
        Assert.Equal(["3.xml"], document.RootElement[2].GetProperty("rejected_files").EnumerateArray().Select(f => f.GetProperty("file").GetString()));
    }
}
