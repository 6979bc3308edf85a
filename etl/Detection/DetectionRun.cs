using Bhyt.Warehouse.Engines;

namespace Bhyt.Etl.Detection;

/// <summary>What one detection run did: every finding of every detector, and what storing them did.</summary>
public sealed record DetectionOutcome(int Detectors, IReadOnlyList<AnomalyFinding> Findings, AnomalySaveResult Saved);

/// <summary>
/// One detection run over one connection: every detector in order over the months [<c>from</c>, <c>to</c>] (null = all),
/// then everything they found stored by <see cref="AnomalyStore"/> (a reviewer's verdict is never reset).
/// Used by <c>bhyt detect</c> and by the scheduler after an inbox pass that loaded a file.
/// </summary>
public sealed class DetectionRun(IWarehouseEngine engine, IReadOnlyList<IDetector> detectors)
{
    public DetectionRun(IWarehouseEngine engine) : this(engine, Detectors.All) { }

    public async Task<DetectionOutcome> RunAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        await using var connection = await engine.OpenAsync(ct);
        var context = new DetectionContext(engine, connection, from, to);
        var findings = new List<AnomalyFinding>();
        foreach (var detector in detectors)
            findings.AddRange(await detector.DetectAsync(context, ct));
        var saved = await new AnomalyStore(engine).SaveAsync(connection, findings, DateTime.UtcNow, ct);
        await DetectionSweeps.RecordAsync(engine, connection, detectors.SelectMany(d => d.Kinds), from, to, started, ct);
        return new DetectionOutcome(detectors.Count, findings, saved);
    }
}
