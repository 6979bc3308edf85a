using System.Text;

namespace Bhyt.Etl.Generation;

/// <summary><c>claims.csv</c>: the XML1 summary of each claim as one invariant CSV line, streamed.</summary>
public sealed class ClaimsCsvOutput : IClaimsOutput
{
    public const string FileName = "claims.csv";

    private readonly StreamWriter _writer;
    private long _rows;

    public ClaimsCsvOutput(string directory)
    {
        _writer = new StreamWriter(Path.Combine(directory, FileName), false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        _writer.WriteLine(SyntheticClaim.Header);
    }

    public IReadOnlyDictionary<string, long> Files => new Dictionary<string, long> { [FileName] = _rows };

    public void Add(SyntheticClaim claim)
    {
        _writer.WriteLine(claim.ToCsvLine());
        _rows++;
    }

    public void Dispose() => _writer.Dispose();
}
