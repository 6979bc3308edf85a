using Bhyt.Warehouse.Querying;

namespace Bhyt.Dashboard.Components.Pages.Console;

/// <summary>
/// Settings of the SQL console (section <c>Console</c>: <c>TimeoutSeconds</c>, default 60; <c>MaxRows</c>, default 10 000;
/// <c>HistoryShown</c>, default 50), e.g. <c>BHYT_Console__MaxRows=50000</c>.
/// </summary>
public sealed record ConsoleOptions(QueryLimits Limits, int HistoryShown)
{
    public static ConsoleOptions From(IConfiguration section) => new(
        new QueryLimits(TimeSpan.FromSeconds(Math.Max(1, section.GetValue("TimeoutSeconds", (int)QueryLimits.Default.Timeout.TotalSeconds))),
            Math.Max(1, section.GetValue("MaxRows", QueryLimits.Default.MaxRows))),
        Math.Max(1, section.GetValue("HistoryShown", 50)));
}
