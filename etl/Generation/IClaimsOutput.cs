namespace Bhyt.Etl.Generation;

/// <summary>Where the generated claims go, one at a time in file order: <c>claims.csv</c> or the claims XML files.</summary>
public interface IClaimsOutput : IDisposable
{
    /// <summary>Writes the next claim.</summary>
    void Add(SyntheticClaim claim);

    /// <summary>The files written so far (names in the output folder) with the claims each holds.</summary>
    IReadOnlyDictionary<string, long> Files { get; }
}
