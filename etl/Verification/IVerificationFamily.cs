namespace Bhyt.Etl.Verification;

/// <summary>A family of related integrity rules (dimensions, value history, claim aggregates, submission counts).</summary>
public interface IVerificationFamily
{
    IReadOnlyList<VerificationCheck> Checks { get; }
}
