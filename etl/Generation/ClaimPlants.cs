using System.Globalization;

namespace Bhyt.Etl.Generation;

/// <summary>One planted claim-level anomaly or decoy: its kind, its rows (ids assigned when placed) and its details.</summary>
public sealed class ClaimPlant(string kind, bool isDecoy, Dictionary<string, object> details)
{
    public string Kind { get; } = kind;
    public bool IsDecoy { get; } = isDecoy;
    public Dictionary<string, object> Details { get; } = details;
    public List<SyntheticClaim> Rows { get; } = [];

    /// <summary>The truth.json entry: the claim ids joined by '|' as subject, the month of the first admission as period.</summary>
    public PlantedAnomaly ToTruth()
    {
        var ids = Rows.Select(r => r.ClaimId).ToArray();
        var details = new Dictionary<string, object>(Details) { ["claim_ids"] = ids, ["card"] = Rows[0].Card };
        return new PlantedAnomaly(Kind, string.Join('|', ids), Rows.Min(r => r.Admitted).ToString("yyyy-MM", CultureInfo.InvariantCulture), details);
    }
}
