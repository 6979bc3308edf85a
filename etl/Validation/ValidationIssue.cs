namespace Bhyt.Etl.Validation;

/// <summary>
/// A problem found in a file. Errors reject the whole file; warnings load and are recorded. <see cref="Rule"/> is
/// the English rule id (e.g. <c>value.unparseable</c>, <c>sum_of:cov_participants</c>); the message is Vietnamese.
/// </summary>
public sealed record ValidationIssue(
    string Severity, string Rule, string Message, string Location,
    string? UnitCode = null, string? PeriodLabel = null, string? IndicatorCode = null, string? CellText = null)
{
    public const string Error = "error";
    public const string Warning = "warning";

    public bool IsError => Severity == Error;

    public static ValidationIssue ErrorAt(string rule, string message, string location, string? cellText = null) =>
        new(Error, rule, message, location, CellText: cellText);
}
