namespace Bhyt.Etl.Generation;

/// <summary>What a generation run wrote: rows per file, the planted anomalies and how long it took.</summary>
public sealed record GenerationSummary(IReadOnlyDictionary<string, long> Rows, IReadOnlyList<PlantedAnomaly> Planted, TimeSpan Elapsed);
