using Bhyt.Etl.Detection;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Schema;
using Dapper;

namespace Bhyt.Tests.Etl.Detection;

public class AnomalyStoreTests
{
    private static readonly DateTime FirstRun = new(2024, 3, 1, 8, 0, 0);
    private static readonly DateTime SecondRun = new(2024, 3, 8, 8, 0, 0);

    private static AnomalyFinding Coverage(string unit, string period, double value, string severity = AnomalyFinding.Medium) =>
        new(AnomalyKinds.CoverageDrop, "unit", unit, period, new DateOnly(2021, 7, 1), new DateOnly(2021, 7, 31), "cov_rate",
            value, 99.1, 99.1 - value, severity, "pp_drop", $"Tỷ lệ bao phủ của {unit} giảm còn {value} %.") { UnitCode = unit };

    private static AnomalyFinding Duplicate(string claim, string? period = "2023-05") =>
        new(AnomalyKinds.DuplicateClaim, "claim", claim, period, null, null, "same_day_exams", 2, 1, null, AnomalyFinding.High,
            "rule:R01", $"Thẻ khám ở hai cơ sở cùng ngày (hồ sơ {claim}).") { ClaimId = claim, FacilityCode = "01001" };

    private sealed record Row(long anomaly_id, string kind, string subject_code, string? period_label, double? value, string severity,
        string status, string? reviewed_by, string? review_note, DateTime detected_at, DateTime last_detected_at, string? claim_id, string? unit_code);

    private static Task<List<Row>> RowsAsync(TempWarehouse warehouse) => warehouse.Engine.QueryAsync<Row>("""
        SELECT anomaly_id, kind, subject_code, period_label, value, severity, status, reviewed_by, review_note, detected_at,
               last_detected_at, claim_id, unit_code
        FROM rpt.anomalies ORDER BY anomaly_id
        """);

    private static async Task<AnomalySaveResult> SaveAsync(TempWarehouse warehouse, DateTime at, params AnomalyFinding[] findings)
    {
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);
        return await new AnomalyStore(warehouse.Engine).SaveAsync(connection, findings, at, CancellationToken.None);
    }

    [Fact]
    public async Task SaveAsync_new_findings_are_inserted_open_with_their_codes()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        var result = await SaveAsync(warehouse, FirstRun, Coverage("16300", "2021-07", 87.21), Duplicate("LK1"), Duplicate("LK9", null));

        var rows = await RowsAsync(warehouse);
        Assert.Equal(new AnomalySaveResult(3, 0), result);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("open", r.status));
        Assert.Equal(3, rows.Select(r => r.anomaly_id).Distinct().Count());
        Assert.Equal("16300", rows.Single(r => r.kind == AnomalyKinds.CoverageDrop).unit_code);
        Assert.Equal("LK1", rows.Single(r => r.subject_code == "LK1").claim_id);
        Assert.Null(rows.Single(r => r.subject_code == "LK9").period_label);
    }

    [Fact]
    public async Task SaveAsync_same_findings_again_keeps_rows_ids_and_a_reviewers_status()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        AnomalyFinding[] findings = [Coverage("16300", "2021-07", 87.21), Duplicate("LK1"), Duplicate("LK9", null)];
        await SaveAsync(warehouse, FirstRun, findings);
        var reviewed = (await RowsAsync(warehouse)).Single(r => r.subject_code == "LK1").anomaly_id;
        await warehouse.Engine.QueryAsync<int>("""
            UPDATE dw.anomaly SET status = 'confirmed', reviewed_by = 'analyst', reviewed_at = TIMESTAMP '2024-03-02 09:00:00',
                   review_note = 'đã xác minh' WHERE anomaly_id = @reviewed
            """, new { reviewed });
        var before = await RowsAsync(warehouse);

        var result = await SaveAsync(warehouse, SecondRun, findings);

        var after = await RowsAsync(warehouse);
        Assert.Equal(new AnomalySaveResult(0, 3), result);
        Assert.Equal(before.Select(r => r.anomaly_id), after.Select(r => r.anomaly_id));
        var kept = after.Single(r => r.anomaly_id == reviewed);
        Assert.Equal(("confirmed", "analyst", "đã xác minh"), (kept.status, kept.reviewed_by, kept.review_note));
        Assert.All(after, r => Assert.Equal(FirstRun, r.detected_at));
        Assert.All(after, r => Assert.Equal(SecondRun, r.last_detected_at));
        Assert.Equal(before.Select(r => (r.value, r.severity, r.status)).Where((_, i) => before[i].anomaly_id != reviewed),
            after.Select(r => (r.value, r.severity, r.status)).Where((_, i) => after[i].anomaly_id != reviewed));
    }

    [Fact]
    public async Task SaveAsync_changed_figures_update_in_place_and_new_identities_add_rows()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await SaveAsync(warehouse, FirstRun, Coverage("16300", "2021-07", 90.5, AnomalyFinding.Low), Duplicate("LK1"));
        var first = (await RowsAsync(warehouse)).Single(r => r.kind == AnomalyKinds.CoverageDrop).anomaly_id;
        await warehouse.Engine.QueryAsync<int>("UPDATE dw.anomaly SET status = 'acknowledged' WHERE anomaly_id = @first", new { first });

        var result = await SaveAsync(warehouse, SecondRun,
            Coverage("16300", "2021-07", 87.21, AnomalyFinding.High), Coverage("16300", "2021-08", 86.0), Coverage("16303", "2021-07", 88.0));

        var rows = await RowsAsync(warehouse);
        Assert.Equal(new AnomalySaveResult(2, 1), result);
        Assert.Equal(4, rows.Count);
        var updated = rows.Single(r => r.anomaly_id == first);
        Assert.Equal((87.21, "high", "acknowledged"), (updated.value, updated.severity, updated.status));
        // Not found by this run: left as it was (no automatic resolution).
        var notFound = rows.Single(r => r.subject_code == "LK1");
        Assert.Equal(("open", FirstRun), (notFound.status, notFound.last_detected_at));
    }

    [Fact]
    public async Task SaveAsync_one_identity_reported_twice_is_stored_once_with_the_stronger_finding()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        await SaveAsync(warehouse, FirstRun, Coverage("16300", "2021-07", 95, AnomalyFinding.Low), Coverage("16300", "2021-07", 87.21, AnomalyFinding.High));

        var row = Assert.Single(await RowsAsync(warehouse));
        Assert.Equal((87.21, "high"), (row.value!.Value, row.severity));
    }

    [Fact]
    public async Task SaveAsync_leaves_no_work_rows_and_the_identity_index_refuses_a_duplicate()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await SaveAsync(warehouse, FirstRun, Duplicate("LK1"));

        Assert.Equal(0L, (await warehouse.Engine.QueryAsync<long>("SELECT count(*) FROM etl.anomaly_stage")).Single());
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);
        await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync("""
            INSERT INTO dw.anomaly SELECT anomaly_id + 100, detected_at, kind, subject_kind, subject_code, unit_code, facility_code, claim_id,
                   period_label, period_start, period_end, measure, value, expected, score, severity, method, explanation, status,
                   reviewed_by, reviewed_at, review_note, first_detected_at, last_detected_at
            FROM dw.anomaly
            """));
    }

    [Fact]
    public async Task ApplyAsync_anomaly_of_the_earlier_shape_is_kept_unclassified_and_open_by_migration_0010()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using (var connection = await warehouse.Engine.OpenAsync(CancellationToken.None))
        {
            await new Migrator(warehouse.Engine).ApplyAsync(connection, CancellationToken.None, upToVersion: 9);
            await connection.ExecuteAsync("""
                INSERT INTO dw.anomaly VALUES (7, TIMESTAMP '2024-01-05 10:00:00', 'facility', '79001', '2023-07', 'cost_per_claim',
                                               412000, 245000, 4.2, 'high', 'mad', 'Chi phí bình quân cao.')
                """);
            await new Migrator(warehouse.Engine).ApplyAsync(connection, CancellationToken.None);
        }

        var row = Assert.Single(await RowsAsync(warehouse));

        Assert.Equal((7L, "unclassified", "79001", "2023-07", 412000.0, "open"), (row.anomaly_id, row.kind, row.subject_code, row.period_label, row.value!.Value, row.status));
        Assert.Equal(new DateTime(2024, 1, 5, 10, 0, 0), row.last_detected_at);
    }
}
