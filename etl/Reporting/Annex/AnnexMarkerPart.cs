using System.Xml.Linq;
using DocumentFormat.OpenXml.CustomXmlDataProperties;
using DocumentFormat.OpenXml.Packaging;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>Stores and finds a template's <see cref="AnnexMarker"/> as a custom XML part, which Word and Excel keep when the file is saved again.</summary>
public static class AnnexMarkerPart
{
    public static void Write(MainDocumentPart main, AnnexMarker marker) => Fill(main.AddCustomXmlPart(CustomXmlPartType.CustomXml), marker);

    public static void Write(WorkbookPart workbook, AnnexMarker marker) => Fill(workbook.AddCustomXmlPart(CustomXmlPartType.CustomXml), marker);

    /// <summary>The marker of a .docx or .xlsx file, or null when the file has none (or is not a package).</summary>
    public static AnnexMarker? Find(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            if (extension == ".docx")
            {
                using var document = WordprocessingDocument.Open(path, isEditable: false);
                return Find(document.MainDocumentPart?.CustomXmlParts ?? []);
            }
            if (extension == ".xlsx")
            {
                using var workbook = SpreadsheetDocument.Open(path, isEditable: false);
                return Find(workbook.WorkbookPart?.CustomXmlParts ?? []);
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or FormatException)
        {
            return null;
        }
        return null;
    }

    private static AnnexMarker? Find(IEnumerable<CustomXmlPart> parts)
    {
        foreach (var part in parts)
        {
            using var stream = part.GetStream();
            if (AnnexMarker.FromXml(XDocument.Load(stream)) is { } marker) return marker;
        }
        return null;
    }

    private static void Fill(CustomXmlPart part, AnnexMarker marker)
    {
        using (var stream = part.GetStream(FileMode.Create)) marker.ToXml().Save(stream);
        var properties = part.AddNewPart<CustomXmlPropertiesPart>();
        properties.DataStoreItem = new DataStoreItem { ItemId = "{" + Guid.NewGuid().ToString().ToUpperInvariant() + "}" };
    }
}
