namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// One annex form (Phụ lục 4–9 of the Directive 38 review): its number, title, the header of its label column and its
/// rows. <see cref="PerChildUnit"/> marks the forms a district or province also fills for each unit below it (coverage
/// and contributor groups are counted where people live; visits, spending, fund and staff are held by the insurer
/// for the reporting unit as a whole).
/// </summary>
public sealed record AnnexForm(int Number, string Title, string LabelHeader, IReadOnlyList<AnnexRow> Rows, bool PerChildUnit)
{
    /// <summary>"Phụ lục 4. Tỷ lệ bao phủ BHYT".</summary>
    public string Heading => $"Phụ lục {Number}. {Title}";

    /// <summary>The indicators the form holds, in row order.</summary>
    public IEnumerable<string> IndicatorCodes => Rows.Where(r => r.IndicatorCode is not null).Select(r => r.IndicatorCode!);
}
