using System.Globalization;
using Bhyt.Etl.Generation;
using Bhyt.Etl.Generation.ClaimsXml;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Generation.ClaimsXml;

[Collection(GeneratedClaimsXmlCollection.Name)]
public sealed class ClaimsXmlOutputTests(GeneratedClaimsXmlFixture data)
{
    private sealed record FacilityMonth(string facility_code, int month_key, long claims, decimal total, decimal insurer, decimal drugs, decimal supplies, decimal patient);

    private const string PerFacilityMonth = """
        SELECT facility_code, month_key, count(*) AS claims, sum(total_cost) AS total, sum(insurer_paid) AS insurer,
               sum(drug_cost) AS drugs, sum(supplies_cost) AS supplies, sum(patient_paid) AS patient
        FROM dw.fct_claim GROUP BY facility_code, month_key ORDER BY facility_code, month_key
        """;

    [Fact]
    public async Task Import_xmlAndCsvOfOneSeed_giveTheSameClaimsAndSumsPerFacilityMonth()
    {
        Assert.All(data.XmlImports, r => Assert.False(r.IsRejected || r.Issues.Any(i => i.IsError), $"{r.Submission.FileName}: {r.Issues.FirstOrDefault()?.Message}"));
        var xml = await data.XmlWarehouse.Engine.QueryAsync<FacilityMonth>(PerFacilityMonth);
        var csv = await data.CsvWarehouse.Engine.QueryAsync<FacilityMonth>(PerFacilityMonth);
        Assert.Equal(GeneratedClaimsXmlFixture.Claims, xml.Sum(r => r.claims));
        Assert.True(xml.Count > 100, $"{xml.Count} facility-months");
        Assert.Equal(csv, xml);
    }

    [Fact]
    public async Task Import_xmlAndCsvOfOneSeed_giveTheSameClaimIdsVisitsDatesAndCards()
    {
        const string Claims = """
            SELECT claim_id || '|' || visit_type || '|' || strftime(admitted_at, '%Y%m%d%H%M') || '|' || strftime(discharged_at, '%Y%m%d%H%M') || '|'
                   || coalesce(length_of_stay, -1) || '|' || primary_icd FROM dw.fct_claim ORDER BY claim_id
            """;
        Assert.Equal(await data.CsvWarehouse.Engine.QueryAsync<string>(Claims), await data.XmlWarehouse.Engine.QueryAsync<string>(Claims));
        // Each warehouse keys its own pseudonyms: the cards compare by how the claims group under them.
        const string Cards = "SELECT count(*) FROM dw.fct_claim GROUP BY card_pseudonym ORDER BY string_agg(claim_id, ',' ORDER BY claim_id)";
        Assert.Equal(await data.CsvWarehouse.Engine.QueryAsync<long>(Cards), await data.XmlWarehouse.Engine.QueryAsync<long>(Cards));
    }

    [Fact]
    public void Generate_xml_writesBothStandardsEveryContentShapeBatchOneClaimAndZippedFiles()
    {
        var hosos = WrittenClaimFiles.Read(data.XmlDirectory).ToList();
        Assert.Equal(GeneratedClaimsXmlFixture.Claims, hosos.Count);
        Assert.Equal(hosos.Count, hosos.Select(h => h.Field("MA_LK")).Distinct().Count());

        var batches = hosos.Where(h => h.File.StartsWith(ClaimsXmlOutput.BatchPrefix, StringComparison.Ordinal)).GroupBy(h => h.File).ToList();
        Assert.True(batches.Count >= 2, "several batch envelopes");
        Assert.All(batches, b => Assert.Equal(b.First().Declared, b.Count()));
        Assert.All(batches, b => Assert.InRange(b.Count(), 1, GeneratedClaimsXmlFixture.ClaimsPerFile));
        var loose = hosos.Where(h => h.File.StartsWith(ClaimsXmlOutput.OneClaimPrefix, StringComparison.Ordinal) && h.Entry == "").ToList();
        var zipped = hosos.Where(h => h.Entry != "").ToList();
        Assert.InRange(loose.Count, 5, ClaimsXmlRoutes.MaxLooseFiles);
        Assert.All(loose, h => Assert.Equal(1, h.Declared));
        Assert.Equal($"{ClaimsXmlOutput.OneClaimPrefix}{loose[0].Field("MA_LK")}.xml", loose[0].File);
        Assert.True(zipped.Count > 50, $"{zipped.Count} zipped one-claim files");
        Assert.All(zipped, h => Assert.Equal((1, h.Field("MA_LK") + ".xml"), (h.Declared, h.Entry)));

        var standards = hosos.GroupBy(h => h.Xml1.Element("MA_THE_BHYT") is not null ? "130" : "4210").ToDictionary(g => g.Key, g => g.Count());
        Assert.True(standards["130"] > 500 && standards["4210"] > 500, string.Join(", ", standards));
        Assert.All(batches, b => Assert.Contains(b, h => h.Xml1.Element("MA_THE") is not null));
        Assert.All(batches, b => Assert.Contains(b, h => h.Xml1.Element("MA_THE_BHYT") is not null));

        var tables = hosos.SelectMany(h => h.Tables.Values).ToList();
        var shapes = tables.GroupBy(t => t.Encoding).ToDictionary(g => g.Key, g => g.Count());
        foreach (var shape in new[] { "base64", "base64-wrapped-76", "base64-wrapped-64", "inline", "inline-cdata" })
            Assert.True(shapes.GetValueOrDefault(shape) > 20, $"{shape}: {string.Join(", ", shapes)}");
        var base64 = tables.Where(t => t.Encoding.StartsWith("base64", StringComparison.Ordinal)).ToList();
        Assert.Contains(base64, t => t.StartsWithBom);
        Assert.Contains(base64, t => !t.StartsWithBom);
        Assert.Contains(base64, t => t.Head.StartsWith("<?xml", StringComparison.Ordinal));
        Assert.Contains(base64, t => t.Head.StartsWith("\r\n", StringComparison.Ordinal));
        Assert.Contains(base64, t => t.Head.StartsWith("<TONG_HOP>", StringComparison.Ordinal));
        Assert.Contains(hosos, h => h.Field("T_TONGCHI").EndsWith(",00", StringComparison.Ordinal));
        Assert.Contains(hosos, h => h.Field("T_TONGCHI_BH").EndsWith(".00", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_xml_detailLinesAddUpToTheXml1TotalsWithTheCostGroupCodes()
    {
        foreach (var h in WrittenClaimFiles.Read(data.XmlDirectory))
        {
            var qd130 = h.Xml1.Element("MA_THE_BHYT") is not null;
            var amount = qd130 ? "THANH_TIEN_BV" : "THANH_TIEN";
            var drugs = h.Lines("XML2", "CHI_TIET_THUOC").ToList();
            var services = h.Lines("XML3", "CHI_TIET_DVKT").ToList();
            var id = h.Field("MA_LK");
            Assert.All(drugs.Concat(services), l => Assert.Equal(id, l.Element("MA_LK")!.Value));
            Assert.All(drugs, l => Assert.Equal(CostGroups.Drugs, l.Element("MA_NHOM")!.Value));
            string[] serviceGroups = [.. CostGroups.TechnicalServices, CostGroups.Supplies, CostGroups.Examination, CostGroups.InpatientBedDay];
            Assert.All(services, l => Assert.Contains(l.Element("MA_NHOM")!.Value, serviceGroups));
            foreach (var line in drugs.Concat(services))
                Assert.Equal(Money(line, amount), Money(line, qd130 && line.Name == "CHI_TIET_DVKT" ? "DON_GIA_BV" : "DON_GIA") * Money(line, "SO_LUONG"));

            Assert.Equal(Money(h.Xml1, "T_THUOC"), drugs.Sum(l => Money(l, amount)));
            Assert.Equal(Money(h.Xml1, "T_VTYT"), services.Where(l => l.Element("MA_NHOM")!.Value == CostGroups.Supplies).Sum(l => Money(l, amount)));
            Assert.Equal(Money(h.Xml1, qd130 ? "T_TONGCHI_BV" : "T_TONGCHI"), drugs.Concat(services).Sum(l => Money(l, amount)));
            Assert.Equal(Money(h.Xml1, "T_BHTT"), drugs.Concat(services).Sum(l => Money(l, "T_BHTT")));
            Assert.Equal(Money(h.Xml1, "T_BNCCT"), drugs.Concat(services).Sum(l => Money(l, "T_BNCCT")));
            Assert.Single(services, l => l.Element("MA_NHOM")!.Value == CostGroups.Examination);
            var bedDays = services.Where(l => l.Element("MA_NHOM")!.Value == CostGroups.InpatientBedDay).ToList();
            if (h.Field("MA_LOAI_KCB").TrimStart('0') == "3")
                Assert.Equal(h.Field("SO_NGAY_DTRI"), Assert.Single(bedDays).Element("SO_LUONG")!.Value);
            else Assert.Empty(bedDays);
        }
    }

    [Fact]
    public void Generate_xml_carriesThePersonalFieldsOfRealFilesWithMadeUpValues()
    {
        var hosos = WrittenClaimFiles.Read(data.XmlDirectory).ToList();
        foreach (var field in new[] { "HO_TEN", "NGAY_SINH", "DIA_CHI", "MA_BN" })
            Assert.All(hosos, h => Assert.False(string.IsNullOrWhiteSpace(h.Field(field)), $"{h.Field("MA_LK")}: {field}"));
        var qd130 = hosos.Where(h => h.Xml1.Element("MA_THE_BHYT") is not null).ToList();
        Assert.All(qd130, h => Assert.Matches("^0[0-9]{11}$", h.Field("SO_CCCD")));
        Assert.All(qd130, h => Assert.Matches("^0[0-9]{9}$", h.Field("DIEN_THOAI")));
        Assert.All(qd130, h => Assert.Matches("^[0-9]{12}$", h.Field("NGAY_SINH")));
        Assert.All(hosos.Except(qd130), h => Assert.Matches("^[0-9]{8}$|^[0-9]{4}$", h.Field("NGAY_SINH")));
        Assert.Contains(qd130, h => h.Field("NGAY_SINH").EndsWith("00000000", StringComparison.Ordinal));
        // One card, one person: the same name, sex and birth year on every claim of a card.
        var people = hosos.GroupBy(h => h.Field("MA_THE_BHYT") + h.Field("MA_THE"));
        Assert.All(people, p => Assert.Single(p.Select(h => (h.Field("HO_TEN"), h.Field("GIOI_TINH"), h.Field("NGAY_SINH")[..4])).Distinct()));
    }

    [Fact]
    public async Task Import_xml_keepsNoNameCitizenIdPhoneOrAddressInTheWarehouse()
    {
        var sample = WrittenClaimFiles.Read(data.XmlDirectory).Where(h => h.Xml1.Element("SO_CCCD") is not null).Take(50).ToList();
        var values = sample.SelectMany(h => new[] { h.Field("HO_TEN"), h.Field("SO_CCCD"), h.Field("DIEN_THOAI"), h.Field("DIA_CHI"), h.Field("MA_BN") }).ToHashSet();
        var texts = await data.XmlWarehouse.Engine.QueryAsync<string>("""
            SELECT DISTINCT coalesce(claim_id, '') || '|' || coalesce(card_pseudonym, '') || '|' || coalesce(residence_province, '') || '|' || coalesce(primary_icd, '') FROM dw.fct_claim
            """);
        Assert.Equal(GeneratedClaimsXmlFixture.Claims, texts.Count);
        Assert.DoesNotContain(texts, t => t.Split('|').Any(values.Contains));
    }

    private static decimal Money(System.Xml.Linq.XElement parent, string field) =>
        decimal.Parse(parent.Element(field)!.Value.Replace(',', '.'), CultureInfo.InvariantCulture);
}
