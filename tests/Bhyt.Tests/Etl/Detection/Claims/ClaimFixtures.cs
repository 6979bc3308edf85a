using System.Globalization;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Detection.Claims;
using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Detection.Claims;

/// <summary>Small warehouses of claims (a province's five facilities, claims written as XML 4210 table-1 CSV rows) and detection over them.</summary>
internal static class ClaimFixtures
{
    // 68001 provincial hospital, 68002 commune station, 68003 district hospital, 68004 central hospital.
    public const string Facilities = """
        MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code
        68001,Bệnh viện Đa khoa tỉnh,2,public,672
        68002,Trạm y tế xã,4,public,24778
        68003,Trung tâm y tế huyện,3,public,672
        68004,Bệnh viện trung ương,1,public,672
        68005,Trạm y tế xã khác,4,public,24778
        """;
    public const string Header = "MA_LK,MA_THE,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,SO_NGAY_DTRI,MA_BENH,T_TONGCHI,T_BHTT,T_BNCCT,T_THUOC,T_VTYT,MATINH_CU_TRU";

    public static string Claim(string id, string card, string facility, int type, string admitted, string discharged, int los, decimal cost) =>
        string.Create(CultureInfo.InvariantCulture, $"{id},{card},{facility},{type},{admitted},{discharged},{los},J18,{cost:0},0,0,0,0,68");

    public static async Task<TempWarehouse> WarehouseWithAsync(IEnumerable<string> claims)
    {
        var warehouse = await TempWarehouse.InitialisedAsync();
        var service = await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None);
        foreach (var (name, content) in new[] { ("fac.csv", Facilities), ("claims.csv", Header + "\n" + string.Join("\n", claims) + "\n") })
        {
            var path = Path.Combine(warehouse.Directory, name);
            await File.WriteAllTextAsync(path, content);
            var result = await service.ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
            Assert.False(result.IsRejected, string.Join("; ", result.Issues.Select(i => i.Message)));
        }
        return warehouse;
    }

    public static async Task<IReadOnlyList<AnomalyFinding>> DetectAsync(TempWarehouse warehouse, IReadOnlyList<ClaimRule>? rules = null,
        DateOnly? from = null, DateOnly? to = null)
    {
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);
        return await new ClaimRulesDetector(rules).DetectAsync(new DetectionContext(warehouse.Engine, connection, from, to), CancellationToken.None);
    }

    public static async Task<string> PseudonymAsync(TempWarehouse warehouse, string claimId) =>
        (await warehouse.Engine.QueryAsync<string>("SELECT card_pseudonym FROM dw.fct_claim WHERE claim_id = @claimId", new { claimId })).Single();
}
