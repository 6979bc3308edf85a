namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// One row of an annex form as the review annexes print it: its numbering (I, 1, or none for a tier row), its label, its
/// unit of measure, and the catalog indicator its cells hold. A row without an indicator is a heading ("Số người tham gia
/// BHYT theo các nhóm đối tượng"): its cells stay empty, so readers take it as the section the rows below belong to.
/// </summary>
public sealed record AnnexRow(string Numbering, string Label, string? UnitOfMeasure, string? IndicatorCode, bool Bold = false)
{
    public bool IsHeading => IndicatorCode is null;
}
