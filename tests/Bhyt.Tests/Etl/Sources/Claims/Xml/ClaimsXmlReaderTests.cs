using System.Text;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Sources.Claims;
using Bhyt.Etl.Sources.Claims.Xml;

namespace Bhyt.Tests.Etl.Sources.Claims.Xml;

public sealed class ClaimsXmlReaderTests : IDisposable
{
    private static readonly CardPseudonymizer Pseudonymizer = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private readonly TempFolder _folder = new();

    /// <summary>A claim as the reader hands it to the loader, text decoded.</summary>
    internal sealed record Row(string ClaimId, string Card, string Facility, string? Province, string VisitType, string Code, DateTime Admitted,
        DateTime? Discharged, int? Days, string? Icd, decimal Total, decimal? Insurer, decimal? Patient, decimal? Drugs, decimal? Supplies);

    internal static (ClaimsXmlReader Reader, List<Row> Rows) Read(string path, ClaimArchiveLimits? limits = null)
    {
        var reader = new ClaimsXmlReader(Pseudonymizer, limits);
        var bound = reader.RowBound(path);
        var rows = new List<Row>();
        var sourceRows = new List<int>();
        foreach (var batch in reader.Read(path, () => new ClaimBatch()))
            for (var i = 0; i < batch.Count; i++)
            {
                var r = batch.Rows[i];
                string? T(TextRange t) => t.IsNull ? null : Encoding.UTF8.GetString(batch.Text(t));
                rows.Add(new Row(T(r.ClaimId)!, T(r.CardPseudonym)!, T(r.FacilityCode)!, T(r.ResidenceProvince), r.VisitType, r.VisitTypeCode,
                    r.AdmittedAt, r.DischargedAt, r.LengthOfStay, T(r.PrimaryIcd), r.TotalCost, r.InsurerPaid, r.PatientPaid, r.DrugCost, r.SuppliesCost));
                sourceRows.Add(r.SourceRow);
            }
        Assert.Equal(sourceRows.Count, sourceRows.Distinct().Count());
        Assert.All(sourceRows, s => Assert.InRange(s, 1, bound));
        return (reader, rows);
    }

    private string Write(string name, string text) => _folder.Write(name, Encoding.UTF8.GetBytes(text));

    private static readonly Row Expected = new("LK001", Pseudonymizer.Pseudonym("GD4797932176423"), "68001", "68", VisitTypes.Inpatient, "03",
        new DateTime(2024, 3, 1, 8, 0, 0), new DateTime(2024, 3, 5, 10, 0, 0), 5, "J18", 5200000m, 4680000m, 520000m, 1500000m, 300000m);

    [Theory]
    [InlineData(Content.Base64)]
    [InlineData(Content.Base64Wrapped)]
    [InlineData(Content.Base64WithBomAndDeclaration)]
    [InlineData(Content.Base64WithCrLfAndDeclaration)]
    [InlineData(Content.Inline)]
    [InlineData(Content.InlineWithNamespaces)]
    [InlineData(Content.CData)]
    [InlineData(Content.CDataBase64)]
    public void Read_every_NOIDUNGFILE_shape_gives_the_same_claim(Content content)
    {
        var path = _folder.Write("hs.xml", ClaimXml.WithBom(ClaimXml.Envelope([ClaimXml.Hoso(new Xml1Claim(), content)])));

        var (reader, rows) = Read(path);

        Assert.Empty(reader.Errors);
        Assert.Equal([Expected], rows);
        Assert.Equal(1, reader.RowsRead);
    }

    [Fact]
    public void Read_a_bare_TONG_HOP_file_is_one_claim()
    {
        var (reader, rows) = Read(Write("tonghop.xml", ClaimXml.Declaration + "\n" + new Xml1Claim().Xml()));

        Assert.Empty(reader.Errors);
        Assert.Equal([Expected], rows);
    }

    [Fact]
    public void Read_4210_and_130_claims_in_one_batch_map_their_own_codes_totals_and_decimal_marks()
    {
        var path = Write("mixed.xml", ClaimXml.Envelope(
            new Xml1Claim("A4210", VisitType: "1", Total: "2491500,00", Insurer: "2242350,00", CoPay: "249150,00", Drugs: "1000000,50", Supplies: null, Qd130: false),
            new Xml1Claim("A130", VisitType: "05", Total: "716260", Hospital: "800000.75", Drugs: "700000.75", Supplies: "100000", Insurer: "716260", CoPay: "0"),
            new Xml1Claim("A130b", VisitType: "1", Total: "100000", Insurer: "90000", CoPay: "10000", Drugs: "20000", Supplies: "0", Discharged: null, Days: "0")));

        var (reader, rows) = Read(path);

        Assert.Empty(reader.Errors);
        Assert.Equal([("A4210", "exam", "1", 2491500.00m, 2242350m, 1000000.50m), ("A130", "outpatient", "05", 716260m, 716260m, 700000.75m),
            ("A130b", "exam", "1", 100000m, 90000m, 20000m)],
            rows.Select(r => (r.ClaimId, r.VisitType, r.Code, r.Total, r.Insurer!.Value, r.Drugs!.Value)));
        Assert.Null(rows[^1].Discharged);
    }

    [Fact]
    public void Read_a_claim_without_MATINH_CU_TRU_takes_the_province_that_issued_its_card()
    {
        var path = Write("residence.xml", ClaimXml.Envelope(
            new Xml1Claim("R4210", Card: "HT2792397645941", Province: null, Qd130: false),   // 4210 has no MATINH_CU_TRU: card of province 79
            new Xml1Claim("R130", Card: "GD4010000090001", Province: "68"),                  // stated residence wins over the card's 01
            new Xml1Claim("RODD", Card: "12345", Province: "")));                            // no residence, no card shape: none

        var (reader, rows) = Read(path);

        Assert.Empty(reader.Errors);
        Assert.Equal([("R4210", "79"), ("R130", "68"), ("RODD", null)], rows.Select(r => (r.ClaimId, r.Province)));
    }

    [Fact]
    public void Read_never_reads_names_citizen_id_or_birth_date_into_the_batch()
    {
        var path = Write("hs.xml", ClaimXml.Envelope(new Xml1Claim(Name: "Trần Thị Riêng Tư", CitizenId: "079199912345")));
        var reader = new ClaimsXmlReader(Pseudonymizer);
        reader.RowBound(path);
        var batch = reader.Read(path, () => new ClaimBatch()).Single();

        var text = Encoding.UTF8.GetString(batch.Text(new TextRange(0, batch.TextLength)));
        Assert.DoesNotContain("Riêng Tư", text);
        Assert.DoesNotContain("079199912345", text);
        Assert.DoesNotContain("GD4797932176423", text);
        Assert.DoesNotContain("19800512", text);
    }

    [Fact]
    public void Read_many_claims_fill_several_batches_in_order()
    {
        var claims = Enumerable.Range(1, ClaimBatch.Capacity * 2 + 10).Select(i => new Xml1Claim($"K{i}")).ToArray();
        var (reader, rows) = Read(Write("big.xml", ClaimXml.Envelope(claims)));

        Assert.Empty(reader.Errors);
        Assert.Equal(claims.Select(c => c.ClaimId), rows.Select(r => r.ClaimId));
    }

    public void Dispose() => _folder.Dispose();
}
