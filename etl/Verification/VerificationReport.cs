namespace Bhyt.Etl.Verification;

/// <summary>One run of <see cref="WarehouseVerifier"/>: when it ran and what it found (nothing when the warehouse is sound).</summary>
public sealed record VerificationReport(DateTime StartedAt, DateTime FinishedAt, IReadOnlyList<VerificationFinding> Findings)
{
    public bool IsClean => Findings.Count == 0;
}
