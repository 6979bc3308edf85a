using System.Globalization;
using System.Security.Cryptography;
using Bhyt.Etl.Generation;
using Bhyt.Etl.Generation.ClaimsXml;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Sources.Claims;
using Bhyt.Etl.Sources.Claims.Xml;

namespace Bhyt.Tests.Etl.Generation.ClaimsXml;

[Collection(GeneratedClaimsXmlCollection.Name)]
public sealed class ClaimsXmlDetailsTests(GeneratedClaimsXmlFixture data)
{
    [Fact]
    public void Read_generatedXmlWithTheDetailSink_linesAddUpToTheCsvFiguresOfTheSameClaims()
    {
        var lines = new List<ClaimDetail>();
        foreach (var file in Directory.GetFiles(data.XmlDirectory).Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".zip", StringComparison.Ordinal)))
        {
            var reader = new ClaimsXmlReader(new CardPseudonymizer(new byte[32])) { Details = lines.Add };
            reader.RowBound(file);
            foreach (var _ in reader.Read(file, () => new ClaimBatch())) { }
            Assert.True(reader.Errors.Count == 0 && reader.RejectionCount == 0, $"{Path.GetFileName(file)}: {reader.Errors.FirstOrDefault()?.Message}");
        }
        var csv = File.ReadLines(Path.Combine(data.CsvDirectory, "claims.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => c[0], c => (Total: decimal.Parse(c[8], CultureInfo.InvariantCulture), Insurer: decimal.Parse(c[9], CultureInfo.InvariantCulture),
                Drugs: decimal.Parse(c[11], CultureInfo.InvariantCulture), Supplies: decimal.Parse(c[12], CultureInfo.InvariantCulture)));
        var byClaim = lines.GroupBy(l => l.ClaimId).ToDictionary(g => g.Key);
        Assert.Equal(csv.Keys.Order(), byClaim.Keys.Order());
        foreach (var (id, figures) in csv)
        {
            var claim = byClaim[id];
            Assert.Equal(figures.Drugs, claim.Where(l => l.Table == "XML2").Sum(l => l.Amount));
            Assert.Equal(figures.Supplies, claim.Where(l => l.Group == CostGroups.Supplies).Sum(l => l.Amount));
            Assert.Equal(figures.Total, claim.Sum(l => l.Amount));
            Assert.Equal(figures.Insurer, claim.Sum(l => l.InsurerPaid));
            Assert.All(claim, l => Assert.Equal(l.Amount, l.Quantity * l.UnitPrice));
        }
    }

    [Fact]
    public void Run_xmlSameSeed_writesIdenticalFilesAndADifferentSeedDoesNot()
    {
        var (first, second, other) = (Generate(5), Generate(5), Generate(6));
        try
        {
            var files = Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Contains(files, f => f!.EndsWith(".zip", StringComparison.Ordinal));
            Assert.Equal(files, Directory.GetFiles(second).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var file in files) Assert.Equal(Hash(first, file!), Hash(second, file!));
            Assert.NotEqual(Hash(first, ClaimsXmlOutput.BatchPrefix + "0001.xml"), Hash(other, ClaimsXmlOutput.BatchPrefix + "0001.xml"));
        }
        finally { foreach (var d in new[] { first, second, other }) Directory.Delete(d, true); }
    }

    private static string Generate(int seed)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bhyt-genxml-" + Guid.NewGuid().ToString("N"));
        SyntheticDataGenerator.Run(new GenerationOptions(directory, "district", 2009, 2024, 1_500, seed, Format: GenerationOptions.Xml, ClaimsPerFile: 600), TextWriter.Null);
        return directory;
    }

    private static string Hash(string directory, string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, file))));
}
