using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;

namespace Bhyt.Etl.Loading;

/// <summary>
/// Where figures come from (a row of <c>etl.source</c>): a publication (title, publisher, link, date), a local document,
/// or a synthetic dataset (with the unit it simulates). A submission names its source, so pages and SQL tell a published
/// national figure, a locality's report and a generated one apart from data, never from file names.
/// </summary>
public sealed record FigureSource(string Id, string Kind, string Title, string? Publisher = null, string? Url = null, string? Published = null,
    string? UnitCode = null, string? Note = null)
{
    public const string Publication = "publication";
    public const string Document = "document";
    public const string Synthetic = "synthetic";

    /// <summary>The publication date as sortable text ("2019-11-12", "2021"), or "" when the source shows none.</summary>
    public string PublishedKey => Published is { } published && Regex.Match(published, @"\d{4}(-\d{2}){0,2}") is { Success: true } date ? date.Value : "";

    /// <summary>Reads a catalog of publications: <c>source_id,title,publisher,url,published[,covers]</c> (UTF-8).</summary>
    public static IReadOnlyList<FigureSource> ReadPublications(string path)
    {
        using var csv = new CsvReader(new StreamReader(path, Encoding.UTF8), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var sources = new List<FigureSource>();
        while (csv.Read())
            sources.Add(new FigureSource(csv.GetField("source_id")!, Publication, csv.GetField("title")!, Blank(csv.GetField("publisher")),
                Blank(csv.GetField("url")), Blank(csv.GetField("published")),
                Note: csv.HeaderRecord!.Contains("covers") ? Blank(csv.GetField("covers")) : null));
        return sources;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
