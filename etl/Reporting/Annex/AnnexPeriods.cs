using Bhyt.Warehouse.Periods;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// The period columns of an annex: the periods as listed (<c>2009-2014,2015-2019,2020-2024</c>, or single years, or
/// as-of dates), or each year from one to another. A range stays one column: its figure is the one reported for the
/// range, never a sum or a spread of yearly figures.
/// </summary>
public static class AnnexPeriods
{
    public static IReadOnlyList<Period> Parse(string list)
    {
        var periods = new List<Period>();
        foreach (var text in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Period.TryParse(text, out var period))
                throw new ArgumentException($"'{text}' không phải một kỳ báo cáo (2021, 2009-2014, 31/12/2018) (--periods).");
            if (!periods.Contains(period)) periods.Add(period);
        }
        return periods.Count > 0 ? periods : throw new ArgumentException("--periods không nêu kỳ nào.");
    }

    public static IReadOnlyList<Period> Years(int from, int to)
    {
        if (to < from) throw new ArgumentException($"--to {to} trước --from {from}.");
        if (to - from >= 30) throw new ArgumentException("Một phụ lục có tối đa 30 cột năm (--from/--to).");
        return Enumerable.Range(from, to - from + 1).Select(Period.Year).ToList();
    }
}
