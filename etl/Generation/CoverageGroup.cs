namespace Bhyt.Etl.Generation;

/// <summary>The contributor groups whose members a planted coverage event moves.</summary>
public enum CoverageGroup
{
    Employer,
    State,
    StateSupport,
    Household,
}
