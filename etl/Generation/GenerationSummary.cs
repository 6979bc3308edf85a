namespace Bhyt.Etl.Generation;

/// <summary>What a generation run wrote: rows per file, the planted anomalies, the decoys that must not be flagged, and how long it took.</summary>
public sealed record GenerationSummary(IReadOnlyDictionary<string, long> Rows, IReadOnlyList<PlantedAnomaly> Planted, IReadOnlyList<PlantedAnomaly> Decoys, TimeSpan Elapsed);
