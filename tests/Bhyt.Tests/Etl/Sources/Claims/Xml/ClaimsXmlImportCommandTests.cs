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
        Assert.Matches(@"a-batch\.xml: loaded rows=2 rejected=0", run.Out);
        Assert.Matches(@"b-one\.XML: loaded rows=1 rejected=0", run.Out);
        Assert.Matches(@"c-lo\.zip: loaded rows=1 rejected=1", run.Out);
        var summary = run.Error[run.Error.IndexOf("Từ chối (1/4 tệp):", StringComparison.Ordinal)..];
        Assert.Contains("c-lo.zip: loaded, 1 lỗi; đầu tiên: tệp 2.xml, HOSO 1, MA_LK C2, trường NGAY_RA", summary);
        Assert.Equal(4L, (await warehouse.Engine.QueryAsync<long>("SELECT count(*) FROM dw.fct_claim")).Single());
    }
}
