using System.Globalization;
using Bhyt.Dashboard.Components.Pages.Anomalies;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Detection.Facilities;
using Bhyt.Etl.Detection.Coverage;
using Bhyt.Etl.Import;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bhyt.Dashboard.Tests.Queries;

/// <summary>
/// The *Bất thường* page's detail and precision queries on a real DuckDB warehouse loaded through the import path:
/// a unit's coverage series with the drop band (Lục Ngạn, July 2021), a facility's cost per claim against its same-tier,
/// same-ownership peers' quartiles, a province's cumulative spending against the budget's seasonal pace, the facts of a
/// duplicate claim and its counterpart, and each rule's precision from reviewers' verdicts. Expected figures are computed
/// here from the rows the test loads, not copied from a run.
/// </summary>
public sealed class AnomalyQueriesTests : IAsyncLifetime
{
    private const string FigureHeader = "unit_code,unit_name,period,indicator,value,value_kind";
    private const string ClaimHeader = "MA_LK,MA_THE,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,SO_NGAY_DTRI,MA_BENH,T_TONGCHI,T_BHTT,T_BNCCT,T_THUOC,T_VTYT,MATINH_CU_TRU";

    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-anomaly-q-").FullName;
    private IWarehouseEngine _engine = default!;
    private ReportingDb _db = default!;
    private AnomalySeriesQueries _series = default!;
    private AnomalyQueries _anomalies = default!;

    public async ValueTask InitializeAsync()
    {
        _engine = WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb")));
        await new WarehouseInitializer(_engine).InitAsync(CancellationToken.None);
        _db = new ReportingDb(_engine);
        _series = new AnomalySeriesQueries(_db);
        _anomalies = new AnomalyQueries(_db, new UnitCatalog(_db));
    }

    public async ValueTask DisposeAsync()
    {
        _db.Dispose();
        await Task.Delay(10);
        Directory.Delete(_folder, recursive: true);
    }

    private async Task ImportAsync(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, content);
        var result = await (await ImportService.CreateAsync(_engine, CancellationToken.None)).ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
        Assert.False(result.IsRejected, string.Join("; ", result.Issues.Select(i => i.Message)));
    }

    private Task ImportFiguresAsync(IEnumerable<string> rows) => ImportAsync($"f{Guid.NewGuid():N}.csv", string.Join("\n", [FigureHeader, .. rows]) + "\n");

    private async Task<List<AnomalyRow>> StoredAsync()
    {
        var country = (await new UnitCatalog(_db).FindAsync(Selection.Default.Set, Selection.Default.UnitCode, CancellationToken.None))!;
        return await _anomalies.ListAsync(country, new AnomalyFilter(), 100, CancellationToken.None);
    }

    private async Task SaveAsync(IReadOnlyList<AnomalyFinding> findings)
    {
        await using var connection = await _engine.OpenAsync(CancellationToken.None);
        await new AnomalyStore(_engine).SaveAsync(connection, findings, DateTime.UtcNow, CancellationToken.None);
    }

    [Fact]
    public async Task Detail_of_a_coverage_drop_draws_the_monthly_rate_with_the_previous_month_down_to_the_drop_threshold()
    {
        // Lục Ngạn (219): 99,05 → 99,1 → 87,21 → 87,5 % (domain.md); the real coverage detector files the drop.
        double[] rates = [99.05, 99.1, 87.21, 87.5];
        await ImportFiguresAsync(rates.Select((r, i) => $"219,,2021-{i + 5:D2},cov_rate,\"{r.ToString(CultureInfo.GetCultureInfo("vi-VN"))}\","));
        await using (var connection = await _engine.OpenAsync(CancellationToken.None))
            await SaveAsync(await new CoverageDetector().DetectAsync(new DetectionContext(_engine, connection, null, null), CancellationToken.None));
        var drop = Assert.Single(await StoredAsync());

        var detail = await new AnomalyDetailService(_series).ForAsync(drop, CancellationToken.None);

        var threshold = CoverageThresholds.Default.DropThreshold("month");
        Assert.Equal(rates, detail.Points.Select(p => p.Value!.Value));
        Assert.Equal(["T5/21", "T6/21", "T7/21", "T8/21"], detail.Points.Select(p => p.Label));
        var july = Assert.Single(detail.Points, p => p.Flagged);
        Assert.Equal((87.21, 99.1, 99.1 - threshold, 99.1), (july.Value!.Value, july.Expected!.Value, july.Lower!.Value, july.Upper!.Value));
        Assert.Equal((87.21, 87.21 - threshold), (detail.Points[3].Expected!.Value, detail.Points[3].Lower!.Value));
        Assert.Null(detail.Points[0].Expected);
        Assert.Equal("percent", detail.Unit);
        Assert.Equal("Tỷ lệ người dân tham gia BHYT/tổng dân số", detail.ValueName);
        Assert.Contains("2,0 điểm %", detail.BandNote);
    }

    /// <summary>Tier-3 facilities: six public (68001 is the subject), one private, one public with too few claims to be a peer.</summary>
    private const string Facilities = """
        MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code
        68001,Trung tâm y tế huyện A,3,public,672
        68002,Trung tâm y tế huyện B,3,public,672
        68003,Trung tâm y tế huyện C,3,public,673
        68004,Trung tâm y tế huyện D,3,public,673
        68005,Trung tâm y tế huyện E,3,public,674
        68006,Trung tâm y tế huyện F,3,public,674
        68007,Phòng khám tư G,3,private,674
        68008,Trạm y tế H,3,public,674
        """;

    /// <summary>Claims a month of each facility but the small one: enough for the detector's floor (<see cref="FacilityThresholds.MinClaims"/>).</summary>
    private static readonly int ClaimsPerMonth = FacilityThresholds.Default.MinClaims;

    /// <summary>Claims a month of the small facility (68008): one under the floor.</summary>
    private static readonly int SmallClaims = ClaimsPerMonth - 1;

    private static double Cost(int facility, int month) => facility switch
    {
        1 => month == 2 ? 520_000 : 300_000,
        7 => 900_000,
        8 => 50_000,
        _ => 200_000 + 30_000 * facility + 10_000 * month,
    };

    private async Task ImportClaimsAsync(IEnumerable<string> extra)
    {
        var lines = new List<string> { ClaimHeader };
        for (var f = 1; f <= 8; f++)
        for (var m = 1; m <= 3; m++)
        for (var c = 0; c < (f == 8 ? SmallClaims : ClaimsPerMonth); c++)
        {
            var day = new DateTime(2023, m, 1 + c % 28);
            var cost = Cost(f, m);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"F{f}{m}{c:D2},GD4{f:D2}{m}{c:D9},6800{f},1,{day:yyyyMMdd}0800,{day:yyyyMMdd}0900,0,J18,{cost:0},{0.8 * cost:0},{0.2 * cost:0},{0.3 * cost:0},{0.1 * cost:0},68"));
        }
        await ImportAsync("fac.csv", Facilities);
        await ImportAsync("claims.csv", string.Join("\n", lines.Concat(extra)) + "\n");
    }

    /// <summary>PERCENTILE_CONT: linear interpolation between the ordered values.</summary>
    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        return low + 1 < sorted.Length ? sorted[low] + (rank - low) * (sorted[low + 1] - sorted[low]) : sorted[low];
    }

    [Fact]
    public async Task FacilityBandAsync_gives_the_cost_per_claim_and_the_quartiles_of_same_tier_same_ownership_peers_with_enough_claims()
    {
        await ImportClaimsAsync([]);

        var band = await _series.FacilityBandAsync("68001", "cost_per_claim", minClaims: ClaimsPerMonth, CancellationToken.None);

        Assert.Equal([1, 2, 3], band.Select(b => b.Month.Month));
        foreach (var point in band)
        {
            // Peers: 68002–68006. Not itself, not the private 68007, not 68008 (one claim a month under the floor).
            var peers = Enumerable.Range(2, 5).Select(f => Cost(f, point.Month.Month)).ToList();
            Assert.Equal(Cost(1, point.Month.Month), point.Value!.Value, 6);
            Assert.Equal(5, point.Peers);
            Assert.Equal(Percentile(peers, 0.25), point.PeerQ1!.Value, 6);
            Assert.Equal(Percentile(peers, 0.5), point.PeerMedian!.Value, 6);
            Assert.Equal(Percentile(peers, 0.75), point.PeerQ3!.Value, 6);
        }
        // Every claim here is an exam: the detector's outpatient cost is the cost per claim, and so is its band.
        var outpatient = await _series.FacilityBandAsync("68001", "outpatient_cost", minClaims: ClaimsPerMonth, CancellationToken.None);
        Assert.Equal(band.Select(b => (b.Value, b.PeerMedian)), outpatient.Select(b => (b.Value, b.PeerMedian)));
        // A facility's claims of a month cost the same here: their typical (geometric mean) cost is that cost too.
        var typical = await _series.FacilityBandAsync("68001", "outpatient_typical_cost", minClaims: ClaimsPerMonth, CancellationToken.None);
        Assert.Equal(band.Select(b => Math.Round(b.Value!.Value)), typical.Select(b => Math.Round(b.Value!.Value)));
        Assert.Equal(band.Select(b => Math.Round(b.PeerMedian!.Value)), typical.Select(b => Math.Round(b.PeerMedian!.Value)));
        var lowered = await _series.FacilityBandAsync("68001", "cost_per_claim", minClaims: SmallClaims, CancellationToken.None);
        Assert.All(lowered, b => Assert.Equal(6, b.Peers));
    }

    [Fact]
    public async Task Detail_of_a_facility_cost_jump_marks_the_flagged_month_inside_its_peers_band()
    {
        await ImportClaimsAsync([]);
        await SaveAsync([new AnomalyFinding(AnomalyKinds.FacilityCostJump, "facility", "68001", "2023-02", new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 28),
            "cost_per_claim", 520_000, 300_000, 4.2, AnomalyFinding.High, "facility.profile(own_z=5.0,peer_z=3.5)", "Chi phí bình quân/lượt tăng.") { UnitCode = "672", FacilityCode = "68001" }]);

        var detail = await new AnomalyDetailService(_series).ForAsync(Assert.Single(await StoredAsync()), CancellationToken.None);

        var february = Assert.Single(detail.Points, p => p.Flagged);
        Assert.Equal((2, 520_000d), (february.At.Month, february.Value!.Value));
        Assert.Equal(Percentile(Enumerable.Range(2, 5).Select(f => Cost(f, 2)), 0.5), february.Expected!.Value, 6);
        Assert.Equal("vnd", detail.Unit);
        Assert.Contains("300.000 đ", detail.BandNote);
    }

    [Fact]
    public async Task Claim_facts_give_the_flagged_claim_and_its_same_day_counterpart_and_a_cards_month()
    {
        await ImportClaimsAsync([
            "DUP-1,GD4990000000001,68001,1,202302100800,202302100900,0,J18,350000,280000,70000,100000,10000,68",
            "DUP-2,GD4990000000001,68002,1,202302101400,202302101500,0,J18,410000,328000,82000,120000,10000,68",
            "DUP-3,GD4990000000001,68001,1,202302200800,202302200900,0,J18,150000,120000,30000,50000,5000,68",
        ]);

        var facts = await _series.ClaimWithCounterpartsAsync("DUP-2", CancellationToken.None);

        Assert.Equal([("DUP-1", false, "68001", 350_000d), ("DUP-2", true, "68002", 410_000d)],
            facts.Select(f => (f.ClaimId, f.IsFlagged, f.FacilityCode, f.TotalCost)));
        Assert.Equal("Trung tâm y tế huyện B", facts[1].FacilityName);
        await using var connection = await _engine.OpenAsync(CancellationToken.None);
        var pseudonym = await connection.ExecuteScalarAsync<string>("SELECT card_pseudonym FROM dw.fct_claim WHERE claim_id = 'DUP-3'");
        Assert.NotEqual("GD4990000000001", pseudonym);
        var month = await _series.CardMonthAsync(pseudonym!, new DateTime(2023, 2, 1), CancellationToken.None);
        Assert.Equal(["DUP-1", "DUP-2", "DUP-3"], month.Select(f => f.ClaimId));
        Assert.Empty(await _series.CardMonthAsync(pseudonym!, new DateTime(2023, 3, 1), CancellationToken.None));
    }

    [Fact]
    public async Task Detail_of_a_fund_overrun_draws_cumulative_spending_against_the_budgets_seasonal_pace()
    {
        // Bắc Giang (24): 2022 complete (heavier first months), 2023 running above it; budgets as yearly figures (million VND).
        double[] spent2022 = [500, 450, 450, 400, 400, 400, 400, 400, 400, 400, 400, 400];
        double[] spent2023 = [620, 560, 560, 500];
        await ImportFiguresAsync([
            .. spent2022.Select((v, i) => Row("24", $"2022-{i + 1:D2}", "fund_kcb_spending", v)), Row("24", "2022", "fund_kcb_budget", 5_000),
            .. spent2023.Select((v, i) => Row("24", $"2023-{i + 1:D2}", "fund_kcb_spending", v)), Row("24", "2023", "fund_kcb_budget", 5_200),
        ]);
        var overrun = new AnomalyRow(1, DateTime.UtcNow, AnomalyKinds.SpendingAheadOfBudget, "fund", "24", "24", null, null, "2023-02", "fund_kcb_spending",
            6_000, 5_200, 15, "medium", "fund.seasonal_projection(2022)", "Chi KCB dự kiến vượt dự toán.", "open", null, null, null)
        { PeriodStart = new DateTime(2023, 2, 1), PeriodEnd = new DateTime(2023, 2, 28) };

        var detail = await new AnomalyDetailService(_series).ForAsync(overrun, CancellationToken.None);

        var total2022 = spent2022.Sum();
        var margin = Etl.Detection.Fund.FundThresholds.Default.OverrunPercent / 100;
        Assert.Equal(12, detail.Points.Count);
        for (var m = 1; m <= 4; m++)
        {
            var pace = 5_200 * spent2022.Take(m).Sum() / total2022;
            var point = detail.Points[m - 1];
            Assert.Equal(spent2023.Take(m).Sum(), point.Value!.Value, 6);
            Assert.Equal(pace, point.Expected!.Value, 6);
            if (m >= Etl.Detection.Fund.FundThresholds.Default.MinMonths)
            {
                Assert.Equal(pace, point.Lower!.Value, 6);
                Assert.Equal(pace * (1 + margin), point.Upper!.Value, 6);
            }
            else
                Assert.Null(point.Lower);
        }
        Assert.Null(detail.Points[4].Value);
        Assert.Equal(2, Assert.Single(detail.Points, p => p.Flagged).At.Month);
        Assert.Contains("các năm 2022", detail.BandNote);
    }

    private static string Row(string unit, string period, string indicator, double value) =>
        $"{unit},,{period},{indicator},{value.ToString("F1", CultureInfo.InvariantCulture)},";

    private static AnomalyFinding Flag(string kind, string subject, string unit, string method) =>
        new(kind, "claim", subject, "2023-02", new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 28), "facilities_same_day", 2, 1, 2,
            AnomalyFinding.Medium, method, "Thẻ khám tại 2 cơ sở trong cùng ngày.") { UnitCode = unit, ClaimId = subject };

    [Fact]
    public async Task PrecisionAsync_counts_verdicts_per_kind_and_rule_over_the_units_subtree()
    {
        await SaveAsync([
            .. Enumerable.Range(1, 7).Select(i => Flag(AnomalyKinds.DuplicateClaim, $"C{i}", "672", "DUP_XFAC_DAY")),
            Flag(AnomalyKinds.DuplicateClaim, "C8", "01", "DUP_XFAC_DAY"),
            .. new[] { "own_z=5.1,peer_z=3.0", "own_z=4.0,peer_z=2.2", "own_z=3.7,peer_z=9.9" }.Select((figures, i) =>
                Flag(AnomalyKinds.FacilityCostJump, $"6800{i + 1}", "672", $"facility.profile({figures})") with { SubjectKind = "facility" }),
        ]);
        var ids = (await StoredAsync()).ToDictionary(a => a.SubjectCode, a => a.Id);
        var analyst = new AnomalyReviewService(_engine, _anomalies, new SignedIn("phan-tich", Roles.Analyst), NoAudit.Instance, NullLogger<AnomalyReviewService>.Instance);
        string[] verdicts = ["confirmed", "confirmed", "confirmed", "confirmed", "dismissed", "dismissed", "acknowledged"];
        for (var i = 0; i < verdicts.Length; i++) await analyst.ReviewAsync(ids[$"C{i + 1}"], verdicts[i], null, CancellationToken.None);
        await analyst.ReviewAsync(ids["C8"], "confirmed", null, CancellationToken.None);
        await analyst.ReviewAsync(ids["68001"], "confirmed", null, CancellationToken.None);
        await analyst.ReviewAsync(ids["68002"], "dismissed", null, CancellationToken.None);
        var units = new UnitCatalog(_db);

        var lamDong = await _anomalies.PrecisionAsync((await units.FindAsync(Selection.Default.Set, "68", CancellationToken.None))!, CancellationToken.None);
        var country = await _anomalies.PrecisionAsync((await units.FindAsync(Selection.Default.Set, "VN", CancellationToken.None))!, CancellationToken.None);

        Assert.Equal([
            new RulePrecision(AnomalyKinds.DuplicateClaim, "DUP_XFAC_DAY", 7, 7, 4, 2),
            new RulePrecision(AnomalyKinds.FacilityCostJump, "facility.profile", 3, 2, 1, 1),
        ], lamDong);
        Assert.Equal(4d / 6, lamDong[0].Precision!.Value, 9);
        Assert.Null(lamDong[1].Precision);
        Assert.Equal("66,7 %", RulePrecisionTable.PrecisionText(lamDong[0]));
        Assert.Equal("chưa đủ đánh giá (2 kết luận)", RulePrecisionTable.PrecisionText(lamDong[1]));
        Assert.Equal(new RulePrecision(AnomalyKinds.DuplicateClaim, "DUP_XFAC_DAY", 8, 8, 5, 2), country[0]);
    }

    [Fact]
    public void Detail_queries_are_valid_T_SQL()
    {
        var sqlServer = new SqlServerEngine(WarehouseTarget.Parse("Server=127.0.0.1;Database=bhyt;Integrated Security=true"));
        var onSqlServer = new AnomalySeriesQueries(new ReportingDb(sqlServer));
        string[] scripts =
        [
            AnomalySeriesQueries.UnitSeriesSql("@i0, @i1"), onSqlServer.ClaimWithCounterpartsSql, onSqlServer.CardMonthSql,
            .. AnomalySeriesQueries.FacilityMeasures.Keys.Select(AnomalySeriesQueries.FacilityBandSql),
        ];
        foreach (var script in scripts)
        {
            new TSql170Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sqlServer.Sql(script)), out var errors);
            Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")) + "\n" + script);
        }
    }
}
