using System.Globalization;
using Bhyt.Etl.Loading;
using Bhyt.Warehouse.Periods;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>One value column of an annex table: a period and the kind of figure (target beside actual where the form has targets).</summary>
public sealed record AnnexColumn(Period Period, string ValueKind)
{
    /// <summary>The period as the header prints it: "2009-2014", "2021", "31/12/2018", "Quý III/2021".</summary>
    public string PeriodHeader => Period.Kind switch
    {
        PeriodKind.Range or PeriodKind.Year => Period.Label,
        PeriodKind.Date => Period.Start.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        _ => Period.LabelVi,
    };

    /// <summary>"Kế hoạch" or "Thực hiện", the sub-header under the period when the table has targets.</summary>
    public string KindHeader => ValueKind == Figure.Target ? "Kế hoạch" : "Thực hiện";
}
