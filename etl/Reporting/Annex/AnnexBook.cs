using Bhyt.Warehouse.Periods;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// Everything an annex file holds, whatever its format: the reporting unit, the periods, the tables in order. A blank
/// book is a template to send down: every value cell empty, one table per form per child unit.
/// </summary>
public sealed record AnnexBook(AnnexUnit Unit, IReadOnlyList<Period> Periods, IReadOnlyList<AnnexTable> Tables, bool Blank, DateOnly Written)
{
    public string Title => Blank ? "BIỂU MẪU SỐ LIỆU BẢO HIỂM Y TẾ (Phụ lục 4–9)" : "PHỤ LỤC SỐ LIỆU BẢO HIỂM Y TẾ (Phụ lục 4–9)";

    /// <summary>"2009-2014, 2015-2019, 2020-2024".</summary>
    public string PeriodList => string.Join(", ", Periods.Select(p => new AnnexColumn(p, Loading.Figure.Actual).PeriodHeader));
}
