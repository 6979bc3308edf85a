namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// One annex table: a form filled for one unit over the chosen columns. <see cref="HasTargets"/> splits each period
/// into "Kế hoạch | Thực hiện"; <see cref="Warnings"/> are the validation warnings on the figures it shows.
/// </summary>
public sealed record AnnexTable(AnnexForm Form, AnnexUnit Unit, IReadOnlyList<AnnexColumn> Columns, bool HasTargets,
    IReadOnlyDictionary<(string Indicator, string Period, string Kind), AnnexFigure> Figures, IReadOnlyList<string> Warnings)
{
    /// <summary>Whether this is a child unit's copy of the form, titled with the unit's name.</summary>
    public bool IsChild { get; init; }

    public AnnexFigure? FigureAt(AnnexRow row, AnnexColumn column) =>
        row.IndicatorCode is { } code && Figures.TryGetValue((code, column.Period.Label, column.ValueKind), out var figure) ? figure : null;

    /// <summary>"Phụ lục 4. Tỷ lệ bao phủ BHYT" or, for a child unit, "… Tên đơn vị: Phường 1".</summary>
    public string Title => IsChild ? $"{Form.Heading}. Tên đơn vị: {Unit.Name}" : Form.Heading;
}
