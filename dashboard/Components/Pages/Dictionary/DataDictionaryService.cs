using Bhyt.Warehouse.Dictionary;
using Bhyt.Warehouse.Units;

namespace Bhyt.Dashboard.Components.Pages.Dictionary;

/// <summary>
/// The Từ điển dữ liệu page's service: the <c>rpt</c> views and columns with the descriptions the warehouse's catalog holds
/// (<see cref="RptCatalog"/>), and the search over them. Open to every signed-in role: it shows names and meanings, no data.
/// </summary>
public sealed class DataDictionaryService(RptCatalog catalog)
{
    public Task<IReadOnlyList<CatalogView>> LoadAsync(CancellationToken ct) => catalog.ReadAsync(ct);

    /// <summary>
    /// The views and columns that match <paramref name="query"/> in a name, meaning, unit or example, ignoring case, tones and
    /// marks (<c>chi phi thuoc</c> finds <c>Chi phí thuốc</c>): a view whose own name or description matches keeps all its
    /// columns, another keeps only its matching columns, and a view with none left is dropped. A blank query keeps everything.
    /// </summary>
    public static IReadOnlyList<CatalogView> Search(IReadOnlyList<CatalogView> views, string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return views;
        var folded = VietnameseText.FoldAll(query);
        bool Matches(string name, DescriptionText? text) =>
            VietnameseText.FoldAll($"{name} {text?.Meaning} {text?.Unit} {text?.Example}").Contains(folded, StringComparison.Ordinal);

        return views
            .Select(v => Matches($"rpt {v.View}", v.Description) ? v : v with { Columns = v.Columns.Where(c => Matches(c.Column, c.Description)).ToList() })
            .Where(v => v.Columns.Count > 0)
            .ToList();
    }
}
