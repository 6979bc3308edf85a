using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Bhyt.Etl.Generation;

/// <summary>
/// Runs <c>bhyt generate</c>: facilities, claims, submissions and fund files plus <c>truth.json</c>, all drawn from
/// generators seeded from <see cref="GenerationOptions.Seed"/> so that the same options give byte-identical files.
/// </summary>
public static class SyntheticDataGenerator
{
    /// <summary>Writes every file into the output folder; returns rows per file name and the planted anomalies.</summary>
    public static GenerationSummary Run(GenerationOptions options, TextWriter progress)
    {
        options.Validate();
        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(options.OutputDirectory);
        var master = new Random(options.Seed);
        var seeds = Enumerable.Range(0, 5).Select(_ => master.Next()).ToArray();
        var scope = GenerationScope.For(options.Scale, options.Province);
        string PathOf(string name) => Path.Combine(options.OutputDirectory, name);

        var rows = new Dictionary<string, long>();
        var facilities = FacilityGenerator.Build(scope, new Random(seeds[0]));
        rows["facilities.csv"] = FacilityGenerator.Write(PathOf("facilities.csv"), facilities);

        var claimsRandom = new Random(seeds[1]);
        var factory = new ClaimFactory(claimsRandom, facilities, options.ClaimsFromYear, options.ToYear, Math.Max(1_000, options.Claims / 3));
        var planted = new List<PlantedAnomaly>(new ClaimsWriter(factory, new Random(seeds[2]), facilities, options).Write(PathOf("claims.csv"), progress));
        rows["claims.csv"] = options.Claims;

        var (submissionRows, drops) = new SubmissionsWriter(scope, new Random(seeds[3]), options).Write(PathOf("submissions.csv"));
        rows["submissions.csv"] = submissionRows;
        planted.AddRange(drops);

        var (fundRows, overspend) = new FundWriter(scope, new Random(seeds[4]), options).Write(PathOf("fund.csv"));
        rows["fund.csv"] = fundRows;
        planted.AddRange(overspend);

        File.WriteAllText(PathOf("truth.json"), JsonSerializer.Serialize(planted, TruthJson.Options), new UTF8Encoding(false));
        rows["truth.json"] = planted.Count;
        return new GenerationSummary(rows, planted, stopwatch.Elapsed);
    }
}
