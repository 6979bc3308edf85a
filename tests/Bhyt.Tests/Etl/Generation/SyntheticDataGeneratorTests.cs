using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Generation;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Tests.Etl.Generation;

public sealed class SyntheticDataGeneratorTests(GeneratedDataFixture data) : IClassFixture<GeneratedDataFixture>
{
    private static readonly string[] Files = ["facilities.csv", "claims.csv", "submissions.csv", "fund.csv", "reporting_schedule.csv", "truth.json"];

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
        Assert.All(stays, s => Assert.InRange(s, 1, 51));
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
    public void Truth_everyAnomalyKind_isPlantedSeveralTimesAndDecoysAreListedApart()
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(data.Directory, "truth.json")));
        var anomalies = truth.RootElement.GetProperty("anomalies").EnumerateArray().ToList();
        var byKind = anomalies.GroupBy(a => a.GetProperty("kind").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(AnomalyKinds.Descriptions.Keys.Order(), byKind.Keys.Order());
        Assert.All(byKind.Where(k => k.Key is not ("spending_ahead_of_budget" or "revenue_behind_plan")), k => Assert.True(k.Value >= 3, k.Key));
        var decoyKinds = truth.RootElement.GetProperty("decoys").EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "facility_cost_jump", "duplicate_claim", "overlapping_stay", "card_overuse", "claim_cost_outlier", "coverage_drop", "below_target" }, decoyKinds);
        Assert.All(anomalies, a => Assert.False(string.IsNullOrEmpty(a.GetProperty("subject").GetString())));
    }

    [Fact]
    public void Truth_plantedClaims_areInterleavedAmongOrdinaryRowsWithIdsShapedLikeTheirs()
    {
        var rows = data.Rows("claims.csv").Select((c, i) => (Id: c[0], Row: i)).ToDictionary(c => c.Id, c => c.Row);
        var planted = data.Summary.Planted.Concat(data.Summary.Decoys).Where(p => p.Details.ContainsKey("claim_ids"))
            .SelectMany(p => (string[])p.Details["claim_ids"]).Select(id => rows[id]).Order().ToList();
        Assert.True(planted.Count > 100, planted.Count.ToString(CultureInfo.InvariantCulture));
        // Spread over the whole file like any sample of rows: a quarter in each quarter, give or take.
        for (var q = 0; q < 4; q++)
            Assert.InRange(planted.Count(r => r * 4 / rows.Count == q), planted.Count / 8, planted.Count * 3 / 8);
        Assert.True(planted.Zip(planted.Skip(1)).Count(p => p.Second == p.First + 1) < planted.Count / 10, "planted rows come in runs");
        var pattern = new System.Text.RegularExpressions.Regex("^[0-9]{6}68[0-9]{3}[0-9A-Z]{8}$");
        Assert.All(rows.Keys, id => Assert.Matches(pattern, id));
    }

    [Fact]
    public void Claims_ordinaryRows_neverPutOneCardAtTwoFacilitiesOnOneDayNorInTwoHospitalsAtOnce()
    {
        var plantedIds = data.Summary.Planted.Concat(data.Summary.Decoys).Where(p => p.Details.ContainsKey("claim_ids"))
            .SelectMany(p => (string[])p.Details["claim_ids"]).ToHashSet();
        var ordinary = data.Rows("claims.csv").Where(c => !plantedIds.Contains(c[0])).ToList();
        var sameDay = ordinary.Where(c => c[3] != "3").GroupBy(c => (Card: c[1], Day: c[4][..8])).Where(g => g.Select(c => c[2]).Distinct().Count() > 1).ToList();
        Assert.Empty(sameDay.Select(g => g.Key));
        foreach (var stays in ordinary.Where(c => c[3] == "3").GroupBy(c => c[1]).Where(g => g.Count() > 1))
            Assert.Single(stays.Select(c => c[2]).Distinct());
    }

    [Fact]
    public void Truth_duplicatePairs_areInClaimsOnOneDayAtTwoFacilities()
    {
        var claims = data.Rows("claims.csv").ToDictionary(c => c[0]);
        var pairs = data.Summary.Planted.Where(p => p.Kind == "duplicate_claim").ToList();
        Assert.InRange(pairs.Count, ClaimPlanter.MinPerKind, 60);
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
    public void Truth_cardOveruse_isTwentyToFortyVisitsOfOneCardInOneMonth()
    {
        var claims = data.Rows("claims.csv").ToDictionary(c => c[0]);
        foreach (var overuse in data.Summary.Planted.Where(p => p.Kind == "card_overuse"))
        {
            var visits = ((string[])overuse.Details["claim_ids"]).Select(id => claims[id]).ToList();
            Assert.InRange(visits.Count, 20, 40);
            Assert.Single(visits.Select(v => (v[1], v[4][..6])).Distinct());
        }
    }

    [Fact]
    public void Truth_coverageDrop_showsInCommuneParticipants()
    {
        var drop = data.Summary.Planted.First(p => p.Kind == "coverage_drop");
        var participants = data.Rows("submissions.csv").Where(r => r[0] == drop.Subject && r[3] == "cov_participants")
            .ToDictionary(r => r[2], r => long.Parse(r[4]));
        var month = DateOnly.ParseExact(drop.Period, "yyyy-MM", CultureInfo.InvariantCulture);
        Assert.True(participants[drop.Period] < participants[month.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture)] * 0.97, drop.Subject);
    }

    [Fact]
    public void Truth_facilityCostJumps_raiseCostOrDrugShareInTheirWindow()
    {
        var claims = data.Rows("claims.csv");
        foreach (var jump in data.Summary.Planted.Where(p => p.Kind == "facility_cost_jump"))
        {
            var (from, until) = (jump.Period.Replace("-", ""), ((string)jump.Details["until"]).Replace("-", ""));
            bool Inside(string[] c) => string.CompareOrdinal(c[4][..6], from) >= 0 && string.CompareOrdinal(c[4][..6], until) <= 0;
            var exams = claims.Where(c => c[2] == jump.Subject && c[3] == "1").ToList();
            double Cost(IEnumerable<string[]> cs) => cs.Average(c => double.Parse(c[8], CultureInfo.InvariantCulture));
            double Drugs(IEnumerable<string[]> cs) => cs.Sum(c => double.Parse(c[11], CultureInfo.InvariantCulture)) / cs.Sum(c => double.Parse(c[8], CultureInfo.InvariantCulture));
            var (inside, outside) = (exams.Where(Inside).ToList(), exams.Where(c => !Inside(c)).ToList());
            Assert.True(Cost(inside) > Cost(outside) * 1.15 || Drugs(inside) > Drugs(outside) * 1.3, jump.Subject);
        }
    }

    private static string Generate(string scale, long claims, int seed)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bhyt-gen-" + Guid.NewGuid().ToString("N"));
        SyntheticDataGenerator.Run(new GenerationOptions(directory, scale, 2009, 2024, claims, seed), TextWriter.Null);
        return directory;
    }

    private static string Hash(string directory, string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, file))));
}
