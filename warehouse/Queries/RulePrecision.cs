namespace Bhyt.Warehouse.Queries;

/// <summary>
/// How one detection rule or method has fared with reviewers: how many anomalies it flagged, how many were reviewed
/// (any status but <c>open</c>), confirmed and dismissed. Its measured precision is confirmed / (confirmed + dismissed);
/// an acknowledgement or a resolution is not a verdict on whether the flag was right.
/// </summary>
public sealed record RulePrecision(string Kind, string Method, int Flagged, int Reviewed, int Confirmed, int Dismissed)
{
    /// <summary>Fewer verdicts (confirmed + dismissed) than this and the precision is not shown: two verdicts are an anecdote.</summary>
    public const int MinVerdicts = 5;

    public int Verdicts => Confirmed + Dismissed;

    /// <summary>Confirmed share of the verdicts (0..1), or null while there are fewer than <see cref="MinVerdicts"/>.</summary>
    public double? Precision => Verdicts >= MinVerdicts ? (double)Confirmed / Verdicts : null;

    /// <summary>
    /// The rule or method an anomaly's <c>method</c> names, without the figures some methods carry in parentheses
    /// (<c>facility.profile(own_z=4.1,peer_z=3.0)</c> is the method <c>facility.profile</c>).
    /// </summary>
    public static string MethodOf(string method)
    {
        var open = method.IndexOf('(', StringComparison.Ordinal);
        return (open > 0 ? method[..open] : method).Trim();
    }
}
