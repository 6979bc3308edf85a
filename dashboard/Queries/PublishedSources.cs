using System.Globalization;
using System.Text;
using Bhyt.Dashboard.SampleData;
using CsvHelper;

namespace Bhyt.Dashboard.Queries;

/// <summary>Where a figure came from, as a reader should see it: a publication (title, publisher, link, date) or a file.</summary>
public sealed record SourceRef(string Title, string? Publisher = null, string? Url = null, string? Published = null)
{
    public string Text => Publisher is null ? Title : $"{Title} — {Publisher}{(Published is null ? "" : $", {Published}")}";
}

/// <summary>
/// The publications behind the bundled national figures (<c>national_sources.csv</c>), found from a submission's
/// file name (<c>mau-cong-bo-&lt;source_id&gt;.csv</c>); any other file is its own source, named by its file name.
/// </summary>
public sealed class PublishedSources
{
    private readonly Dictionary<string, SourceRef> _sources;

    public PublishedSources() : this(Path.Combine(SampleDataLoader.DataFolder, "national_sources.csv")) { }

    public PublishedSources(string catalogPath)
    {
        _sources = new Dictionary<string, SourceRef>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(catalogPath)) return;
        using var csv = new CsvReader(new StreamReader(catalogPath, Encoding.UTF8), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var url = csv.GetField("url");
            _sources[csv.GetField("source_id")!] = new SourceRef(csv.GetField("title")!, csv.GetField("publisher"),
                Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? url : null,
                csv.GetField("published"));
        }
    }

    public int Count => _sources.Count;

    /// <summary>
    /// The publication date of a source as a sortable text ("2019-11-12", "2021", or "" when the source shows none),
    /// so that figures are loaded oldest publication first and the latest publication is the current value.
    /// </summary>
    public string PublishedKey(string sourceId) =>
        _sources.TryGetValue(sourceId, out var source) && source.Published is { } published
            && System.Text.RegularExpressions.Regex.Match(published, @"\d{4}(-\d{2}){0,2}") is { Success: true } date
            ? date.Value
            : "";

    /// <summary>The source of a value loaded from <paramref name="fileName"/> (null for claims-derived values).</summary>
    public SourceRef? Describe(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName)) return null;
        var name = Path.GetFileNameWithoutExtension(fileName);
        return name.StartsWith(SampleDataOptions.PublishedPrefix, StringComparison.Ordinal)
               && _sources.TryGetValue(name[SampleDataOptions.PublishedPrefix.Length..], out var source)
            ? source
            : new SourceRef(fileName);
    }
}
