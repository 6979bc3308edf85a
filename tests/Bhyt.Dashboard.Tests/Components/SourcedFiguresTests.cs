using Bhyt.Dashboard.Components.Pages.Overview;
using Bhyt.Dashboard.SampleData;
using Bhyt.Etl.Loading;
using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Tests.Components;

/// <summary>Disagreeing sources: every value kept with its publication, the shown one marked, none averaged.</summary>
public sealed class SourcedFiguresTests
{
    private static readonly SourceDirectory Sources = new(FigureSource.ReadPublications(Path.Combine(SampleDataLoader.DataFolder, "national_sources.csv"))
        .ToDictionary(s => s.Id, s => new SourceRow(s.Id, s.Kind, new SourceRef(s.Title, s.Publisher, s.Url, s.Published), s.UnitCode)));

    private static HistoryValue Value(string period, double value, string? source, bool current, string indicator = "cov_rate", string kind = "actual",
        string file = "tep.csv") =>
        new(indicator, period, new DateTime(int.Parse(period), 1, 1), new DateTime(int.Parse(period), 12, 31), "year", value, kind,
            source is null ? "submission" : "published", source, file, "dòng 2, cột value", current, new DateTime(2026, 1, 1));

    [Fact]
    public void Describe_a_source_id_gives_its_publication_and_a_value_without_one_its_file()
    {
        var vss = Sources.Describe("vss-9036", "mau-cong-bo-vss-9036.csv");
        Assert.NotNull(vss);
        Assert.StartsWith("https://", vss.Url);
        Assert.Equal("2019-11-12", vss.Published);
        Assert.Equal(new SourceRef("bao-cao-lam-dong-2023.xlsx"), Sources.Describe(null, "bao-cao-lam-dong-2023.xlsx"));
        Assert.Null(Sources.Describe(null, null));
    }

    [Fact]
    public void Disagreements_only_periods_whose_values_differ_and_the_shown_value_first()
    {
        var sourced = new SourcedFigures(
        [
            Value("2022", 92.04, null, true),
            Value("2023", 93.35, "sggp-107896", false),
            Value("2023", 92.0, "p4h-vietnam", true),
            Value("2023", 93.2, "vietnamvn-moh-2024", false),
            Value("2020", 90.7, null, true, kind: "target"),
            Value("2020", 90.7, null, false, kind: "target"),
        ], Sources);

        var rows = sourced.Disagreements("cov_rate", "Tỷ lệ bao phủ", "percent").ToList();

        Assert.Equal(["92,00 %", "93,35 %", "93,20 %"], rows.Select(r => r.ValueText));
        Assert.Equal([true, false, false], rows.Select(r => r.IsCurrent));
        Assert.All(rows, r => Assert.Equal("Năm 2023", r.Period));
        var others = sourced.OtherValues("cov_rate").ToList();
        Assert.Equal([93.35, 93.2], others.Select(o => o.Figure.Value));
        Assert.All(others, o => Assert.Contains("không phải số đang hiển thị", o.Label));
        Assert.Equal(Sources.Describe("p4h-vietnam", null)!.Title,
            sourced.CurrentSource(new IndicatorValue("cov_rate", "2023", new(2023, 1, 1), new(2023, 12, 31), "year", 92.0, "actual", "published", "p4h-vietnam")));
    }

    [Fact]
    public void OtherValues_a_superseded_value_equal_to_the_shown_one_is_not_drawn_as_another_source()
    {
        // 2023: shown 92,0 (p4h); an older publication also said 92,0 and a third said 93,35. Only 93,35 is "another value".
        var sourced = new SourcedFigures(
        [
            Value("2023", 92.0, "vss-9036", false),
            Value("2023", 93.35, "sggp-107896", false),
            Value("2023", 92.0, "p4h-vietnam", true),
        ], Sources);

        var others = sourced.OtherValues("cov_rate").ToList();

        Assert.Equal([93.35], others.Select(o => o.Figure.Value));
    }

    [Fact]
    public void CurrentSource_a_derived_figure_names_no_publication()
    {
        var sourced = new SourcedFigures([Value("2023", 92.0, "p4h-vietnam", true)], Sources);

        Assert.Null(sourced.CurrentSource(new IndicatorValue("cov_rate", "2023", new(2023, 1, 1), new(2023, 12, 31), "year", 92.0, "actual",
            "derived", "ratio", "reported")));
    }
}
