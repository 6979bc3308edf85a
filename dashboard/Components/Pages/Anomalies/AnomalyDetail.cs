using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Components.Pages.Anomalies;

/// <summary>
/// What the detail panel shows for one anomaly: a chart (series, expected line, normal band, flagged period) for units,
/// facilities and funds, or the facts of the flagged claim and its counterparts for claims and cards. <see cref="Unit"/>
/// says how values are written (<c>percent</c>, <c>share</c>, <c>vnd</c>, <c>million_vnd</c>, <c>number</c>);
/// <see cref="BandNote"/> says in Vietnamese what the band is — what the detector considers normal.
/// </summary>
public sealed record AnomalyDetail(string Title, string Unit, string ValueName, string ExpectedName, string BandName, string BandNote,
    IReadOnlyList<BandPoint> Points, IReadOnlyList<ClaimFact> Claims)
{
    public bool HasChart => Points.Count > 0;

    public static AnomalyDetail ClaimsOnly(string title, string note, IReadOnlyList<ClaimFact> claims) =>
        new(title, "vnd", "", "", "", note, [], claims);

    public static AnomalyDetail Empty(string title, string note) => new(title, "number", "", "", "", note, [], []);
}
