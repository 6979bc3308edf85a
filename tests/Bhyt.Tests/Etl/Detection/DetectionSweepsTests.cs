using static Bhyt.Tests.Support.SubmissionRows;
using Bhyt.Etl.Detection;
using Bhyt.Tests.Support;
using static Bhyt.Tests.Support.CoverageMonths;

namespace Bhyt.Tests.Etl.Detection;

/// <summary>
/// <c>rpt.anomalies.cleared_at</c> on a real DuckDB warehouse: a drop stands while detection keeps finding it; once the figure
/// is corrected, the next detection run no longer finds it and the anomaly shows as cleared from that run — not deleted,
/// its review kept. A run over other months does not clear it.
/// </summary>
public sealed class DetectionSweepsTests
{
    private sealed record Row(long anomaly_id, string kind, string period_label, DateTime last_detected_at, DateTime? cleared_at);

    private static Task<List<Row>> DropsAsync(TempWarehouse warehouse) => warehouse.Engine.QueryAsync<Row>(
        "SELECT anomaly_id, kind, period_label, last_detected_at, cleared_at FROM rpt.anomalies WHERE kind = 'coverage_drop' ORDER BY anomaly_id");

    [Fact]
    public async Task RunAsync_a_corrected_drop_is_cleared_by_the_next_run_over_its_months_but_not_by_a_run_over_other_months()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, [
            .. Month("219", "2021-06", 100_000, [10_000, 3_000, 40_000, 16_100, 30_000, 0], "99,1"),
            .. Month("219", "2021-07", 100_000, [10_000, 3_000, 28_110, 16_100, 30_000, 0], "87,21"),
        ]);
        var run = new DetectionRun(warehouse.Engine);

        await run.RunAsync(null, null, CancellationToken.None);
        var standing = Assert.Single(await DropsAsync(warehouse));
        Assert.Equal("2021-07", standing.period_label);
        Assert.Null(standing.cleared_at);

        await run.RunAsync(null, null, CancellationToken.None);
        Assert.Null(Assert.Single(await DropsAsync(warehouse)).cleared_at);   // found again: still standing

        await ImportAsync(warehouse, Month("219", "2021-07", 100_000, [10_000, 3_000, 39_900, 16_100, 30_000, 0], "99"));
        await run.RunAsync(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 1), CancellationToken.None);
        Assert.Null(Assert.Single(await DropsAsync(warehouse)).cleared_at);   // a run over 2022 says nothing about July 2021

        await run.RunAsync(new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 1), CancellationToken.None);
        var cleared = Assert.Single(await DropsAsync(warehouse));
        Assert.Equal(standing.anomaly_id, cleared.anomaly_id);
        Assert.NotNull(cleared.cleared_at);
        Assert.True(cleared.cleared_at > cleared.last_detected_at);
    }
}
