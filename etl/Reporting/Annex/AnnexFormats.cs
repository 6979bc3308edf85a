namespace Bhyt.Etl.Reporting.Annex;

/// <summary>Extensions and content types of <see cref="AnnexFormat"/>.</summary>
public static class AnnexFormats
{
    public static AnnexFormat FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".docx" => AnnexFormat.Word,
        ".xlsx" => AnnexFormat.Excel,
        _ => throw new ArgumentException($"Tệp phụ lục phải là .docx hoặc .xlsx (--out {Path.GetFileName(path)})."),
    };

    public static string Extension(AnnexFormat format) => format == AnnexFormat.Word ? ".docx" : ".xlsx";

    public static string ContentType(AnnexFormat format) => format == AnnexFormat.Word
        ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
