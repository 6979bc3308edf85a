using Bhyt.Etl.Parsing;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Periods;

namespace Bhyt.Tests.Etl.Parsing;

/// <summary>Every header and value cell of the real annex tables in <c>../shared/seeds</c> reads without error.</summary>
public class SeedCellTests
{
    [Fact]
    public void Parse_every_value_cell_of_seed_001_tables_gives_number_or_not_reported()
    {
        var rows = TablesOf(SharedSeeds.File("001_")).SelectMany(t => t.Rows).ToList();

        var invalid = rows.SelectMany(r => r.Skip(2)).Select(c => (c, cell: VietnameseNumber.Parse(c)))
            .Where(x => x.cell.Kind == CellValueKind.Invalid).Select(x => x.c).ToList();

        Assert.True(rows.Count > 40, $"only {rows.Count} table rows found");
        Assert.Empty(invalid);
    }

    [Fact]
    public void TryParse_seed_001_table_headers_give_the_three_ranges()
    {
        var tables = TablesOf(SharedSeeds.File("001_")).ToList();

        Assert.Equal(4, tables.Count);
        foreach (var (header, _) in tables)
        {
            Assert.False(PeriodHeader.TryParse(header[0], out _));
            Assert.False(PeriodHeader.TryParse(header[1], out _));
            Assert.Equal([Period.Range(2009, 2014), Period.Range(2015, 2019), Period.Range(2020, 2024)],
                header.Skip(2).Select(h => PeriodHeader.TryParse(h, out var p) ? p : default).ToArray());
        }
    }

    [Fact]
    public void Parse_seed_001_coverage_and_revenue_rows_give_reported_figures()
    {
        var rows = TablesOf(SharedSeeds.File("001_")).SelectMany(t => t.Rows).ToList();
        CellValue[] Row(string label) => rows.Single(r => r.Length > 1 && r[1] == label).Skip(2).Select(c => VietnameseNumber.Parse(c)).ToArray();

        Assert.Equal([131408m, 179611m, 212612m], Row("Tổng số người dân tham gia BHYT").Select(c => c.Value));
        Assert.Equal([60.85m, 84.4m, 91.9m], Row("Tỷ lệ người dân tham gia BHYT/tổng dân số").Select(c => c.Value));
        Assert.All(Row("Tỷ lệ người dân tham gia BHYT/tổng dân số"), c => Assert.Equal("percent", c.Unit));
        Assert.Equal([CellValueKind.NotReported, CellValueKind.Number, CellValueKind.NotReported],
            Row("Tổng số hộ gia đình tham gia BHYT").Select(c => c.Kind));
        var revenue = Row("Tổng số thu BHYT");
        Assert.Equal(CellValue.Number(622943m, "million_vnd"), revenue[1]);
        Assert.Equal(CellValue.Number(622943m, "million_vnd"),
            VietnameseNumber.Parse(rows.Single(r => r.Length > 1 && r[1] == "Tổng số thu BHYT")[3], "million_vnd"));
    }

    [Fact]
    public void TryParse_seed_000_plan_headers_give_years_and_as_of_date()
    {
        var headers = TablesOf(SharedSeeds.File("000_")).Select(t => t.Header).ToList();

        Assert.NotEmpty(headers);
        Assert.All(headers, h => Assert.Equal([Period.Year(2009), Period.Year(2015), Period.Date(new DateOnly(2018, 12, 31))],
            h.Skip(2).Select(c => PeriodHeader.TryParse(c, out var p) ? p : default).ToArray()));
    }

    [Fact]
    public void Parse_seed_002_commune_table_gives_as_of_headers_and_numbers()
    {
        var (header, rows) = TablesOf(SharedSeeds.File("002_")).Single();
        var periods = header.Skip(2).Where(h => h.Length > 0).Select(h => PeriodHeader.TryParse(h, out var p) ? p : default).ToArray();
        var units = rows.Where(r => r.Length > 2 && r[2].Length > 0 && !r[2].StartsWith("Số", StringComparison.Ordinal)).ToList();
        var total = units.Single(r => r[1].Contains("Cộng")).Skip(2).Select(c => VietnameseNumber.Parse(c)).ToArray();

        Assert.Equal([2018, 2019, 2020], periods.Select(p => p.Start.Year));
        Assert.All(periods, p => Assert.Equal(Period.Date(new DateOnly(p.Start.Year, 12, 31)), p));
        Assert.Equal(14, units.Count);
        Assert.All(units.SelectMany(r => r.Skip(2)), c => Assert.Equal(CellValueKind.Number, VietnameseNumber.Parse(c).Kind));
        Assert.Equal([102233m, 2043m, 104276m, 98.0m], total.Take(4).Select(c => c.Value));
        Assert.Equal(10000m, VietnameseNumber.Parse(units[0][2], "persons").Value);
        Assert.Equal(98.8m, VietnameseNumber.Parse(units[0][5], "percent").Value);
    }

    /// <summary>Tab-separated tables that start at a header row beginning "STT" and end at the next heading.</summary>
    private static IEnumerable<(string[] Header, List<string[]> Rows)> TablesOf(string path)
    {
        (string[] Header, List<string[]> Rows)? table = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("STT\t", StringComparison.Ordinal))
            {
                if (table is { } done) yield return done;
                table = (line.Split('\t'), []);
            }
            else if (line.StartsWith('#') && table is { } ended)
            {
                yield return ended;
                table = null;
            }
            else if (line.Contains('\t')) table?.Rows.Add(line.Split('\t'));
        }
        if (table is { } last) yield return last;
    }
}
