using Bhyt.Etl.Import;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Tests.Etl.Import.Corpus;

/// <summary>What the warehouse holds, counted table by table: a rejected file must leave it exactly as it was.</summary>
public sealed record WarehouseCounts(long IndicatorValues, long Claims, long ClaimDetails, long Facilities, long MonthlyRows)
{
    public static async Task<WarehouseCounts> OfAsync(IWarehouseEngine engine)
    {
        await using var connection = await engine.OpenAsync(CancellationToken.None);
        return await connection.QuerySingleAsync<WarehouseCounts>("""
            SELECT (SELECT count(*) FROM dw.fct_indicator_value) AS IndicatorValues, (SELECT count(*) FROM dw.fct_claim) AS Claims,
                   (SELECT count(*) FROM dw.fct_claim_detail) AS ClaimDetails, (SELECT count(*) FROM dw.dim_facility) AS Facilities,
                   (SELECT count(*) FROM dw.fct_claims_monthly) AS MonthlyRows
            """);
    }
}

/// <summary>
/// An initialised warehouse that knows the facilities 68001 and 68002, built once; each corpus file is imported into
/// its own copy, so that no file's figures or claims meet another's.
/// </summary>
public sealed class CorpusWarehouseFixture : IAsyncLifetime
{
    private const string Facilities = "MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code\n68001,Bệnh viện Đa khoa Lâm Đồng,2,public,672\n68002,Trạm y tế,4,public,24778\n";

    private TempWarehouse _template = null!;

    public async ValueTask InitializeAsync()
    {
        _template = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(_template.Directory, "facilities.csv");
        await File.WriteAllTextAsync(path, Facilities);
        var result = await (await ImportService.CreateAsync(_template.Engine, CancellationToken.None)).ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
        if (result.Submission.Status != "loaded") throw new InvalidOperationException(result.SummaryLine);
    }

    /// <summary>A fresh copy of the template warehouse, in a folder of its own.</summary>
    public TempWarehouse Copy()
    {
        var copy = TempWarehouse.Empty();
        File.Copy(_template.Path, copy.Path);
        if (File.Exists(_template.Path + ".wal")) File.Copy(_template.Path + ".wal", copy.Path + ".wal");
        return copy;
    }

    public ValueTask DisposeAsync() => _template.DisposeAsync();
}
