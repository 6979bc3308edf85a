namespace Bhyt.Warehouse.Queries;

/// <summary>
/// One month of a facility's measure (from <c>rpt.claims_monthly</c>) beside its peers' distribution that month: the first
/// quartile, median and third quartile over <see cref="Peers"/> facilities of the same tier and ownership (itself excluded).
/// </summary>
public sealed record PeerBandPoint(DateTime Month, double? Value, double? PeerQ1, double? PeerMedian, double? PeerQ3, int Peers);
