using System.Globalization;
using Bhyt.Etl.Alerts;
using Bhyt.Etl.Alerts.Delivery;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Import;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace Bhyt.Dashboard.Tests.Support;

/// <summary>
/// A real DuckDB warehouse holding two provinces' data, loaded through the import path: Lâm Đồng (68, pre-2025) with Đà Lạt
/// (672), one of its wards and Bảo Lộc (673), Đắk Nông (67, merged with Lâm Đồng into the 2025 Lâm Đồng), and Bắc Giang (24)
/// with its city (213). Each unit's figures come in a file of their own (so each submission names its unit), Bắc Giang also
/// sends a rejected file (validation issues); facilities and claims of Đà Lạt and of Bắc Giang city; anomalies and alerts
/// of both; a figure read from the running text of each.
/// </summary>
public sealed class TwoProvinceWarehouse : IAsyncLifetime
{
    public const string DaLatWard = "24781";
    public const string BacGiangWard = "07228";

    /// <summary>cov_rate 2023 of each unit, as loaded.</summary>
    public static readonly IReadOnlyDictionary<string, double> Coverage2023 = new Dictionary<string, double>
    {
        ["68"] = 91.5, ["672"] = 93.1, [DaLatWard] = 94.2, ["673"] = 88.2, ["67"] = 87.0, ["24"] = 92.4, ["213"] = 95.0, [BacGiangWard] = 96.3,
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-two-provinces-").FullName;

    public IWarehouseEngine Engine { get; private set; } = default!;
    public string Folder => _folder;

    public async ValueTask InitializeAsync()
    {
        Engine = WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb")));
        await new WarehouseInitializer(Engine).InitAsync(CancellationToken.None);
        foreach (var (code, rate) in Coverage2023)
            await ImportAsync($"bao-phu-{code}.csv", $"""
                unit_code,unit_name,period,indicator,value,value_kind
                {code},,2023,cov_rate,{rate.ToString(CultureInfo.InvariantCulture)},actual
                {code},,2023,cov_participants,{(int)(rate * 1000)},actual
                """);
        await ImportAsync("bac-giang-loi.csv", """
            unit_code,unit_name,period,indicator,value,value_kind
            24,,2022,cov_rate,90,actual
            24,,2022,cov_participants,không rõ,actual
            """, expectRejected: true);
        await ImportAsync("co-so.csv", """
            MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code
            68001,Trung tâm y tế Đà Lạt,3,public,672
            24001,Trung tâm y tế thành phố Bắc Giang,3,public,213
            """);
        await ImportAsync("ho-so.csv", """
            MA_LK,MA_THE,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,SO_NGAY_DTRI,MA_BENH,T_TONGCHI,T_BHTT,T_BNCCT,T_THUOC,T_VTYT,MATINH_CU_TRU
            LD-1,GD4680000000001,68001,1,202302100800,202302100900,0,J18,350000,280000,70000,100000,10000,68
            LD-2,GD4680000000002,68001,1,202302110800,202302110900,0,J18,250000,200000,50000,90000,10000,68
            BG-1,GD4240000000001,24001,1,202302100800,202302100900,0,J18,410000,328000,82000,120000,10000,24
            BG-2,GD4240000000001,24001,1,202302101400,202302101500,0,J18,390000,312000,78000,110000,10000,24
            """);
        await ImportAsync("bao-cao-da-lat.txt", "Báo cáo kết quả năm 2022\n\nTỷ lệ bao phủ BHYT của thành phố đạt 89,6% dân số.\n", unit: "672");
        await ImportAsync("bao-cao-bac-giang.txt", "Báo cáo kết quả năm 2022\n\nTỷ lệ bao phủ BHYT của thành phố đạt 91,2% dân số.\n", unit: "213");
        await using (var connection = await Engine.OpenAsync(CancellationToken.None))
            await new AnomalyStore(Engine).SaveAsync(connection,
            [
                Drop("672", "Đà Lạt"), Drop("213", "thành phố Bắc Giang"), Drop("24", "Bắc Giang"),
                new AnomalyFinding(AnomalyKinds.FacilityCostJump, "facility", "24001", "2023-02", new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 28),
                    "cost_per_claim", 400_000, 300_000, 4.2, AnomalyFinding.High, "facility.profile", "Chi phí bình quân/lượt tăng.") { UnitCode = "213", FacilityCode = "24001" },
            ], DateTime.UtcNow, CancellationToken.None);
        await new AlertRun(Engine, DeliverySettings.From(_ => null), [], TimeProvider.System).EvaluateAsync(CancellationToken.None);
    }

    private static AnomalyFinding Drop(string unit, string name) =>
        new(AnomalyKinds.CoverageDrop, "unit", unit, "2023-03", new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 31), "cov_rate",
            80, 90, 10, AnomalyFinding.High, "coverage.pp_drop", $"Tỷ lệ bao phủ của {name} giảm 10 điểm %.") { UnitCode = unit };

    private async Task ImportAsync(string name, string content, bool expectRejected = false, string? unit = null)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, content.ReplaceLineEndings("\n") + "\n");
        var options = unit is null ? new ImportOptions() : new ImportOptions(ImportKinds.Report, unit);
        var result = await (await ImportService.CreateAsync(Engine, CancellationToken.None)).ImportAsync(path, options, null, CancellationToken.None);
        Assert.True(result.IsRejected == expectRejected, $"{name}: {string.Join("; ", result.Issues.Select(i => i.Message))}");
    }

    /// <summary>The dashboard's query services as the pages get them (one circuit's scope), for a caller limited to <paramref name="scope"/> (null = the country).</summary>
    public async Task<Services> ServicesAsync(string? scope)
    {
        var access = await UnitAccessResolver.ResolveAsync(Engine, scope, CancellationToken.None);
        var root = new ServiceCollection().AddSingleton(Engine).AddSingleton<IUnitAccessSource>(new FixedUnitAccess(access))
            .AddDashboardQueries().BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        return new Services(root, root.CreateAsyncScope(), access);
    }

    /// <summary>One circuit's services and the access they were built with.</summary>
    public sealed class Services(ServiceProvider root, AsyncServiceScope scope, UnitAccess access) : IAsyncDisposable
    {
        public UnitAccess Access => access;

        public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

        public async ValueTask DisposeAsync()
        {
            await scope.DisposeAsync();
            await root.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.Delay(10);
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a file still open; the OS temp cleaner takes it */ }
    }
}
