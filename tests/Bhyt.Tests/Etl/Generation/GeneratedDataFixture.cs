using Bhyt.Etl.Generation;

namespace Bhyt.Tests.Etl.Generation;

/// <summary>One small province-scale generation shared by the tests that only read its files.</summary>
public sealed class GeneratedDataFixture : IDisposable
{
    public const long Claims = 20_000;

    public GeneratedDataFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "bhyt-gen-" + Guid.NewGuid().ToString("N"));
        Summary = SyntheticDataGenerator.Run(new GenerationOptions(Directory, "province", 2009, 2024, Claims, 7), TextWriter.Null);
    }

    public string Directory { get; }

    public GenerationSummary Summary { get; }

    public string[][] Rows(string file) => File.ReadLines(Path.Combine(Directory, file)).Skip(1).Select(l => l.Split(',')).ToArray();

    public void Dispose() => System.IO.Directory.Delete(Directory, true);
}
