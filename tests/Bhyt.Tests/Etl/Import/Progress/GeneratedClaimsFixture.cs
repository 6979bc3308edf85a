using Bhyt.Etl.Generation;

namespace Bhyt.Tests.Etl.Import.Progress;

/// <summary>
/// A generated province (facilities.csv, claims.csv) big enough that reading its claims takes a couple of seconds, so
/// that progress has something to show: shared by the tests that import it into their own warehouse.
/// </summary>
public sealed class GeneratedClaimsFixture : IDisposable
{
    public const long Claims = 250_000;

    public GeneratedClaimsFixture()
    {
        Folder = Directory.CreateTempSubdirectory("bhyt-progress-").FullName;
        SyntheticDataGenerator.Run(new GenerationOptions(Folder, "province", 2009, 2024, Claims, 17), TextWriter.Null);
        ClaimRows = File.ReadLines(ClaimsFile).LongCount() - 1;
    }

    public string Folder { get; }
    public string FacilitiesFile => Path.Combine(Folder, "facilities.csv");
    public string ClaimsFile => Path.Combine(Folder, "claims.csv");

    /// <summary>Data rows of claims.csv (the generator may add resubmitted claims to the count asked for).</summary>
    public long ClaimRows { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
