using System.Text;
using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Sources.Claims.Xml;

/// <summary>A warehouse with two Lâm Đồng facilities (68001 provincial hospital, 68002 commune station) that claims files are imported into.</summary>
public static class ClaimXmlWarehouse
{
    public const string Facilities = "MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code\n68001,Bệnh viện Đa khoa Lâm Đồng,2,public,672\n68002,Trạm y tế,4,public,24778\n";

    /// <summary>Writes <paramref name="content"/> as <paramref name="name"/> beside the warehouse and imports it.</summary>
    public static async Task<ImportResult> ImportAsync(TempWarehouse warehouse, string name, byte[] content)
    {
        var path = Path.Combine(warehouse.Directory, name);
        await File.WriteAllBytesAsync(path, content);
        return await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None)).ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
    }

    public static async Task<TempWarehouse> WithFacilitiesAsync()
    {
        var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, "fac.csv", Encoding.UTF8.GetBytes(Facilities));
        return warehouse;
    }

    /// <summary>A GIAMDINHHS envelope of <paramref name="hosos"/>, UTF-8 with a BOM.</summary>
    public static byte[] Envelope(params string[] hosos) => ClaimXml.WithBom(ClaimXml.Envelope(hosos));
}
