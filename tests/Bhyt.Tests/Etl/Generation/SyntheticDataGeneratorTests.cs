using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Bhyt.Etl.Generation;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Tests.Etl.Generation;

public sealed class SyntheticDataGeneratorTests(GeneratedDataFixture data) : IClassFixture<GeneratedDataFixture>
{
    private static readonly string[] Files = ["facilities.csv", "claims.csv", "submissions.csv", "fund.csv", "truth.json"];

    [Fact]
    public void Run_sameSeed_writesIdenticalFiles()
    {
        var (first, second) = (Generate("district", 5_000, 3), Generate("district", 5_000, 3));
        try
        {
            foreach (var file in Files) Assert.Equal(Hash(first, file), Hash(second, file));
        }
        finally { Directory.Delete(first, true); Directory.Delete(second, true); }
    }

    [Fact]
    public void Run_differentSeed_writesDifferentFiles()
    {
        var (first, second) = (Generate("district", 5_000, 3), Generate("district", 5_000, 4));
        try
        {
            Assert.NotEqual(Hash(first, "claims.csv"), Hash(second, "claims.csv"));
            Assert.NotEqual(Hash(first, "submissions.csv"), Hash(second, "submissions.csv"));
        }
        finally { Directory.Delete(first, true); Directory.Delete(second, true); }
    }

    [Fact]
    public void Claims_requestedCount_hasThatManyRowsWithUniqueIds()
    {
        var claims = data.Rows("claims.csv");
        Assert.Equal(GeneratedDataFixture.Claims, claims.Length);
        Assert.Equal(claims.Length, claims.Select(c => c[0]).Distinct().Count());
        Assert.All(claims, c => Assert.Equal(14, c.Length));
    }

    [Fact]
    public void Claims_everyRow_hasConsistentDatesAndMoney()
    {
        foreach (var c in data.Rows("claims.csv"))
        {
            Assert.True(string.CompareOrdinal(c[5], c[4]) >= 0, $"{c[0]}: NGAY_RA < NGAY_VAO");
            Assert.Equal(12, c[4].Length);
            var (total, insurer, patient, drugs, supplies) = (long.Parse(c[8]), long.Parse(c[9]), long.Parse(c[10]), long.Parse(c[11]), long.Parse(c[12]));
            Assert.InRange(insurer, 0, total);
            Assert.Equal(total, insurer + patient);
            Assert.True(drugs + supplies <= total, c[0]);
            Assert.Equal(15, c[1].Length);
            Assert.Contains(c[3], new[] { "1", "2", "3" });
        }
    }

    [Fact]
    public void Claims_visitTypes_followRealisticShares()
    {
        var claims = data.Rows("claims.csv");
        var exams = claims.Count(c => c[3] == "1") / (double)claims.Length;
        Assert.InRange(exams, 0.80, 0.90);
        var stays = claims.Where(c => c[3] == "3").Select(c => int.Parse(c[6])).ToList();
        Assert.All(stays, s => Assert.InRange(s, 1, 15));
        Assert.True(claims.Select(c => c[1]).Distinct().Count() < claims.Length, "cards should repeat");
    }

    [Fact]
    public void Claims_facilityCodes_existInFacilitiesFile()
    {
        var facilities = data.Rows("facilities.csv").Select(f => f[0]).ToHashSet();
        Assert.All(data.Rows("claims.csv"), c => Assert.Contains(c[2], facilities));
    }

    [Fact]
    public void Facilities_unitCodes_arePre2025Units()
    {
        var units = AdminUnitReference.BundledUnits().Where(u => u.BoundarySet == "pre2025").Select(u => u.UnitCode).ToHashSet();
        var facilities = data.Rows("facilities.csv");
        Assert.All(facilities, f => Assert.Contains(f[4], units));
        Assert.All(facilities, f => Assert.Matches("^68[0-9]{3}$", f[0]));
        Assert.Equal(facilities.Length, facilities.Select(f => f[0]).Distinct().Count());
        Assert.Contains(facilities, f => f[2] == "2");
        Assert.Contains(facilities, f => f[2] == "4");
        Assert.Contains(facilities, f => f[3] == "private");
    }

    [Fact]
    public void Submissions_everyUnitAndPeriod_addsUpExactly()
    {
        var actual = data.Rows("submissions.csv").Where(r => r[5] == "actual").GroupBy(r => (r[0], r[2]));
        string[] groups = ["grp_employer", "grp_social_insurance", "grp_state", "grp_state_support", "grp_household", "grp_other"];
        foreach (var unitPeriod in actual)
        {
            var v = unitPeriod.ToDictionary(r => r[3], r => decimal.Parse(r[4], CultureInfo.InvariantCulture));
            Assert.Equal(v["cov_population"], v["cov_participants"] + v["cov_uninsured"]);
            Assert.Equal(v["cov_participants"], groups.Sum(g => v[g]));
            Assert.InRange(v["cov_rate"], 0, 100);
            Assert.All(v.Values, value => Assert.True(value >= 0));
        }
    }

    [Fact]
    public void Submissions_provinceYears_followTheRoadmap()
    {
        var rates = data.Rows("submissions.csv").Where(r => r[0] == "68" && r[3] == "cov_rate" && r[5] == "actual")
            .ToDictionary(r => r[2], r => double.Parse(r[4], CultureInfo.InvariantCulture));
        Assert.Equal(16, rates.Count);
        Assert.InRange(rates["2009"], 50, 66);
        Assert.InRange(rates["2024"], 88, 99.5);
    }

    [Fact]
    public void Truth_plantedKinds_areAllListedWithIds()
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(data.Directory, "truth.json")));
        var kinds = truth.RootElement.EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ToHashSet();
        Assert.Equal(["coverage_drop", "duplicate_claim", "facility_cost_jump", "overlapping_stay", "spending_ahead_of_budget"], kinds.Order());
        Assert.All(truth.RootElement.EnumerateArray(), a => Assert.False(string.IsNullOrEmpty(a.GetProperty("subject").GetString())));
    }

    [Fact]
    public void Truth_duplicatePairs_areInClaimsOnOneDayAtTwoFacilities()
    {
        var claims = data.Rows("claims.csv").ToDictionary(c => c[0]);
        var pairs = data.Summary.Planted.Where(p => p.Kind == "duplicate_claim").ToList();
        Assert.InRange(pairs.Count, 20, 60);
        foreach (var pair in pairs)
        {
            var ids = pair.Subject.Split('|');
            var (a, b) = (claims[ids[0]], claims[ids[1]]);
            Assert.Equal(a[1], b[1]);
            Assert.Equal(a[4][..8], b[4][..8]);
            Assert.NotEqual(a[2], b[2]);
        }
    }

    [Fact]
    public void Truth_overlappingStays_overlapForOneCard()
    {
        var claims = data.Rows("claims.csv").ToDictionary(c => c[0]);
        foreach (var pair in data.Summary.Planted.Where(p => p.Kind == "overlapping_stay"))
        {
            var ids = pair.Subject.Split('|');
            var (a, b) = (claims[ids[0]], claims[ids[1]]);
            Assert.Equal(a[1], b[1]);
            Assert.Equal(("3", "3"), (a[3], b[3]));
            Assert.True(string.CompareOrdinal(b[4], a[5]) < 0 && string.CompareOrdinal(a[4], b[4]) <= 0, pair.Subject);
        }
    }

    [Fact]
    public void Truth_coverageDrop_showsInCommuneParticipants()
    {
        var drop = data.Summary.Planted.First(p => p.Kind == "coverage_drop");
        var participants = data.Rows("submissions.csv").Where(r => r[0] == drop.Subject && r[3] == "cov_participants")
            .ToDictionary(r => r[2], r => long.Parse(r[4]));
        Assert.True(participants["2021-07"] < participants["2021-06"] * 0.97, drop.Subject);
    }

    [Fact]
    public void Truth_facilityCostJump_raisesCostPerExamByHalf()
    {
        var jump = data.Summary.Planted.Single(p => p.Kind == "facility_cost_jump");
        var from = jump.Period.Replace("-", "");
        var exams = data.Rows("claims.csv").Where(c => c[2] == jump.Subject && c[3] == "1").ToList();
        var before = exams.Where(c => string.CompareOrdinal(c[4][..6], from) < 0).Average(c => double.Parse(c[8], CultureInfo.InvariantCulture));
        var after = exams.Where(c => string.CompareOrdinal(c[4][..6], from) >= 0).Average(c => double.Parse(c[8], CultureInfo.InvariantCulture));
        Assert.True(after >= before * 1.5, $"{before:0} → {after:0}");
    }

    private static string Generate(string scale, long claims, int seed)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bhyt-gen-" + Guid.NewGuid().ToString("N"));
        SyntheticDataGenerator.Run(new GenerationOptions(directory, scale, 2009, 2024, claims, seed), TextWriter.Null);
        return directory;
    }

    private static string Hash(string directory, string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, file))));
}
