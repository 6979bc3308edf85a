using System.Text;
using Bhyt.Etl.Import;
using Bhyt.Tests.Etl.Loading.Details;
using Bhyt.Tests.Etl.Sources.Claims.Xml;
using Dapper;

namespace Bhyt.Tests.SqlServer;

/// <summary>
/// The claim-detail path on a real SQL Server (SqlBulkCopy into the work table, the joins, the reconciliation); runs only
/// where <c>BHYT_TEST_SQLSERVER</c> names one. Codes of its own (facility 99901, MA_LK SQLDET…) keep it apart from the
/// other tests sharing the warehouse.
/// </summary>
public class SqlServerClaimDetailTests(SqlServerWarehouseFixture fixture) : IClassFixture<SqlServerWarehouseFixture>
{
    [Fact]
    public async Task ImportAsync_an_envelope_with_XML2_and_XML3_stores_its_lines_and_sums_them_by_month_on_SQL_Server()
    {
        var engine = fixture.Engine;
        var folder = Directory.CreateTempSubdirectory("bhyt-sqlserver-details-").FullName;
        try
        {
            var import = await ImportService.CreateAsync(engine, CancellationToken.None);
            async Task<ImportResult> ImportAsync(string name, string text)
            {
                var path = Path.Combine(folder, name);
                await File.WriteAllTextAsync(path, text, Encoding.UTF8);
                return await import.ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
            }
            await ImportAsync("fac.csv", "MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code\n99901,Bệnh viện thử chi tiết,2,public,672\n");
            DetailLine[] drugs = [new(1, "4", "40.17", 20, 500)];
            DetailLine[] services = [new(1, "13", "02.1896", 1, 38700), new(2, "15", "K01.1923", 4, 250000), new(3, "10", "N03.02", 3, 5000, Supply: true)];
            var claim = DetailXml.Consistent(new Xml1Claim("SQLDET1", Facility: "99901", Admitted: "201103010800", Discharged: "201103051000"), drugs, services);
            var wrong = claim with { ClaimId = "SQLDET2", Drugs = "99999" };

            var result = await ImportAsync("chi-tiet.xml", ClaimXml.Envelope([DetailXml.Hoso(claim, drugs, services, inline: false),
                DetailXml.Hoso(wrong, drugs, services, inline: true)]));

            Assert.Equal(2, result.Submission.RowsLoaded);
            await using var connection = await engine.OpenAsync(CancellationToken.None);
            var lines = (await connection.QueryAsync<(string Claim, string Category, decimal Amount)>(
                "SELECT claim_id, category, amount FROM rpt.claim_details WHERE facility_code = '99901' ORDER BY claim_id, source_table, line_no")).ToList();
            Assert.Equal(8, lines.Count);
            Assert.Equal(["drug", "examination", "bed_day", "supplies"], lines.Where(l => l.Claim == "SQLDET1").Select(l => l.Category));
            var monthly = await connection.QuerySingleAsync<(decimal? Exam, decimal? Bed, long WithDetails)>(
                "SELECT examination_cost, bed_day_cost, claims_with_details FROM rpt.claims_monthly WHERE facility_code = '99901'");
            Assert.Equal((77400m, 2000000m, 2L), monthly);
            Assert.Equal(["MA_LK SQLDET2"], await connection.QueryAsync<string>(
                "SELECT location FROM rpt.validation_issues WHERE submission_id = @id AND rule = 'claim_detail.reconcile'", new { id = result.Submission.SubmissionId }));
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM etl.claim_detail_stage"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
