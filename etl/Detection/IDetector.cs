using System.Data.Common;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Etl.Detection;

/// <summary>What a detection run looks at: the warehouse (an open connection) and the months to examine (null = all).</summary>
public sealed record DetectionContext(IWarehouseEngine Engine, DbConnection Connection, DateOnly? From, DateOnly? To);

/// <summary>
/// One detector: reads the warehouse (the <c>rpt</c> views and the facts; series through the shared derived values,
/// never re-derived) and returns its findings. Detectors do not write: <c>bhyt detect</c> stores what they all found.
/// </summary>
public interface IDetector
{
    /// <summary>The detector's name, e.g. "claims.rules", "coverage", "fund".</summary>
    string Name { get; }

    /// <summary>The anomaly kinds it can report (<see cref="AnomalyKinds"/>).</summary>
    IReadOnlyCollection<string> Kinds { get; }

    Task<IReadOnlyList<AnomalyFinding>> DetectAsync(DetectionContext context, CancellationToken ct);
}
