using Bhyt.Warehouse.Engines;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>Builds an annex from the warehouse and writes it in a format: what <c>bhyt report annex</c> and the dashboard's <i>Xuất phụ lục</i> both call.</summary>
public sealed class AnnexExport(IWarehouseEngine engine)
{
    public async Task<AnnexBook> WriteAsync(AnnexRequest request, AnnexFormat format, Stream output, CancellationToken ct)
    {
        var book = await new AnnexBuilder(engine).BuildAsync(request, ct);
        // The OpenXml packages need a seekable stream; a response body is not one.
        using var buffer = new MemoryStream();
        if (format == AnnexFormat.Word) AnnexWordWriter.Write(book, buffer);
        else AnnexExcelWriter.Write(book, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
        return book;
    }

    /// <summary>A file name for the annex: "phu-luc-672.docx", "bieu-mau-672-don-vi-truc-thuoc.xlsx".</summary>
    public static string FileName(AnnexRequest request, AnnexFormat format) =>
        (request.Blank ? "bieu-mau-" : "phu-luc-") + request.UnitCode + (request.Blank && request.Children ? "-don-vi-truc-thuoc" : "") + AnnexFormats.Extension(format);
}
