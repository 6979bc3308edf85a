using Bhyt.Dashboard.Components.Pages.Overview;
using Bhyt.Dashboard.Queries;
using Bhyt.Dashboard.SampleData;

namespace Bhyt.Dashboard.Tests.Components;

/// <summary>Disagreeing sources: every value kept with its publication, the shown one marked, none averaged.</summary>
public sealed class SourcedFiguresTests
{
    private static readonly PublishedSources Sources = new(Path.Combine(SampleDataLoader.DataFolder, "national_sources.csv"));

    private static HistoryValue Value(string period, double value, string file, bool current, string indicator = "cov_rate", string kind = "actual") =>
        new(indicator, period, new DateTime(int.Parse(period), 1, 1), new DateTime(int.Parse(period), 12, 31), value, kind, file, "dòng 2, cột value", current,
            new DateTime(2026, 1, 1));

    [Fact]
    public void Published_file_names_resolve_to_their_publication_and_other_files_to_themselves()
    {
        Assert.True(Sources.Count >= 40, $"catalog has {Sources.Count} sources");
        var vss = Sources.Describe("mau-cong-bo-vss-9036.csv");
        Assert.NotNull(vss);
        Assert.StartsWith("https://", vss.Url);
        Assert.Equal("2019-11-12", vss.Published);
        Assert.Equal(new SourceRef("bao-cao-lam-dong-2023.xlsx"), Sources.Describe("bao-cao-lam-dong-2023.xlsx"));
        Assert.Null(Sources.Describe(null));
        Assert.Equal("2019-11-12", Sources.PublishedKey("vss-9036"));
        Assert.Equal("", Sources.PublishedKey("no-such-source"));
    }

    [Fact]
    public void Only_periods_whose_values_differ_are_disagreements_and_the_shown_value_comes_first()
    {
        var sourced = new SourcedFigures(
        [
            Value("2022", 92.04, "a.csv", true),
            Value("2023", 93.35, "mau-cong-bo-sggp-107896.csv", false),
            Value("2023", 92.0, "mau-cong-bo-p4h-vietnam.csv", true),
            Value("2023", 93.2, "mau-cong-bo-vietnamvn-moh-2024.csv", false),
            Value("2020", 90.7, "b.csv", true, kind: "target"),
            Value("2020", 90.7, "c.csv", false, kind: "target"),
        ], Sources);

        var rows = sourced.Disagreements("cov_rate", "Tỷ lệ bao phủ", "percent").ToList();

        Assert.Equal(["92,00 %", "93,35 %", "93,20 %"], rows.Select(r => r.ValueText));
        Assert.Equal([true, false, false], rows.Select(r => r.IsCurrent));
        Assert.All(rows, r => Assert.Equal("Năm 2023", r.Period));
        var others = sourced.OtherValues("cov_rate").ToList();
        Assert.Equal([93.35, 93.2], others.Select(o => o.Figure.Value));
        Assert.All(others, o => Assert.Contains("không phải số đang hiển thị", o.Label));
        Assert.Equal(Sources.Describe("mau-cong-bo-p4h-vietnam.csv")!.Title,
            sourced.CurrentSource(new Figure("cov_rate", "2023", new(2023, 1, 1), new(2023, 12, 31), 92.0, "actual", "submission")));
    }
}
