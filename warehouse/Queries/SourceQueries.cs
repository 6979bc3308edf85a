namespace Bhyt.Warehouse.Queries;

/// <summary>Where figures came from, as a reader should see it: a publication (title, publisher, link, date), a document or a synthetic dataset.</summary>
public sealed record SourceRef(string Title, string? Publisher = null, string? Url = null, string? Published = null)
{
    public string Text => Publisher is null ? Title : $"{Title} — {Publisher}{(Published is null ? "" : $", {Published}")}";
}

/// <summary>One row of <c>rpt.sources</c>.</summary>
public sealed record SourceRow(string Id, string Kind, SourceRef Reference, string? UnitCode);

/// <summary>The sources of the warehouse's figures, by id.</summary>
public sealed class SourceDirectory(IReadOnlyDictionary<string, SourceRow> sources)
{
    /// <summary>The source <paramref name="sourceId"/> names, else the file the value came from, else null (claims, derived).</summary>
    public SourceRef? Describe(string? sourceId, string? fileName) =>
        sourceId is not null && sources.TryGetValue(sourceId, out var row) ? row.Reference
        : string.IsNullOrEmpty(fileName) ? null : new SourceRef(fileName);

    /// <summary>Codes of the units (provinces) whose data in the warehouse is synthetic (<c>rpt.sources.kind = 'synthetic'</c>).</summary>
    public IReadOnlySet<string> SyntheticUnits { get; } =
        sources.Values.Where(s => s.Kind == "synthetic" && s.UnitCode is not null).Select(s => s.UnitCode!).ToHashSet();
}

/// <summary>
/// Reads <c>rpt.sources</c> (loaded with the figures they gave): what a page says of a value's source, and which units
/// hold synthetic data, so that a generated figure is never mistaken for a real one.
/// </summary>
public sealed class SourceQueries(ReportingDb db)
{
    /// <summary>Every source (a few dozen rows: one query, under a millisecond).</summary>
    public async Task<SourceDirectory> AllAsync(CancellationToken ct) =>
        new((await db.QueryAsync("SELECT source_id, kind, title, publisher, url, published, unit_code FROM rpt.sources", null,
            r => new SourceRow(r.GetString(0), r.GetString(1),
                new SourceRef(r.GetString(2), ReportingDb.Text(r, 3), SafeUrl(ReportingDb.Text(r, 4)), ReportingDb.Text(r, 5)), ReportingDb.Text(r, 6)), ct))
            .ToDictionary(r => r.Id, StringComparer.Ordinal));

    private static string? SafeUrl(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? url : null;
}
