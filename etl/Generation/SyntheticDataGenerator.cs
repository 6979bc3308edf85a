using System.Diagnostics;
using System.Text;
using Bhyt.Etl.Generation.ClaimsXml;

namespace Bhyt.Etl.Generation;

/// <summary>
/// Runs <c>bhyt generate</c>: facilities, claims, submissions and fund files plus <c>truth.json</c>, all drawn from
/// generators seeded from <see cref="GenerationOptions.Seed"/> so that the same options give byte-identical files.
/// </summary>
public static class SyntheticDataGenerator
{
    /// <summary>Claims per insured person over the three claims years (about two visits a year, as nationally).</summary>
    public const long PeoplePerClaim = 6;

    /// <summary>Writes every file into the output folder; returns rows per file name and the planted anomalies.</summary>
    public static GenerationSummary Run(GenerationOptions options, TextWriter progress)
    {
        options.Validate();
        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(options.OutputDirectory);
        var master = new Random(options.Seed);
        // The sixth seed draws only how claims are written as XML: the first five, and so every claim, are those of the CSV run.
        var seeds = Enumerable.Range(0, 6).Select(_ => master.Next()).ToArray();
        var scope = GenerationScope.For(options.Scale, options.Province);
        string PathOf(string name) => Path.Combine(options.OutputDirectory, name);

        var rows = new Dictionary<string, long>();
        var facilities = FacilityGenerator.Build(scope, new Random(seeds[0]));
        rows["facilities.csv"] = FacilityGenerator.Write(PathOf("facilities.csv"), facilities);

        var claimsRandom = new Random(seeds[1]);
        var factory = new ClaimFactory(claimsRandom, options.ClaimsFromYear, options.ToYear);
        var people = new InsuredPeople(claimsRandom, facilities, Math.Max(1_000, options.Claims / PeoplePerClaim));
        var planted = new List<PlantedAnomaly>();
        var decoys = new List<PlantedAnomaly>();
        var plantRandom = new Random(seeds[2]);
        var effects = new FacilityEffects(plantRandom, facilities, options, planted, decoys);
        var plants = new ClaimPlanter(factory, people, plantRandom, options).Build();
        var output = ClaimsOutput(options, scope, new Random(seeds[5]));
        using (output) new ClaimsWriter(factory, people, effects, plants, plantRandom, options).Write(output, progress);
        foreach (var (file, claims) in output.Files) rows[file] = claims;
        foreach (var plant in plants) (plant.IsDecoy ? decoys : planted).Add(plant.ToTruth());

        var submissions = new SubmissionsWriter(scope, new Random(seeds[3]), options);
        rows["submissions.csv"] = submissions.Write(PathOf("submissions.csv"), planted, decoys);
        rows["reporting_schedule.csv"] = ReportingScheduleWriter.Write(PathOf("reporting_schedule.csv"), scope, options, submissions.MonthlyDistrictsWritten);
        rows["fund.csv"] = new FundWriter(scope, new Random(seeds[4]), options).Write(PathOf("fund.csv"), planted, decoys);

        File.WriteAllText(PathOf("truth.json"), TruthJson.Serialize(planted, decoys), new UTF8Encoding(false));
        rows["truth.json"] = planted.Count + decoys.Count;
        return new GenerationSummary(rows, planted, decoys, stopwatch.Elapsed);
    }

    private static IClaimsOutput ClaimsOutput(GenerationOptions options, GenerationScope scope, Random xmlRandom) => options.Format == GenerationOptions.Xml
        ? new ClaimsXmlOutput(options.OutputDirectory, options, SyntheticPatients.For(scope, options.ClaimsFromYear), xmlRandom)
        : new ClaimsCsvOutput(options.OutputDirectory);
}
