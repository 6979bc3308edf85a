using Bhyt.Etl.Reporting.Annex;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Reporting.Annex;

/// <summary>Export → import into a fresh warehouse gives the same current figures, for every form, in Word and in Excel.</summary>
public sealed class AnnexRoundTripTests
{
    [Theory]
    [InlineData(AnnexFormat.Word)]
    [InlineData(AnnexFormat.Excel)]
    public async Task Import_exportedAnnexOfEveryForm_reproducesCurrentFiguresExactly(AnnexFormat format)
    {
        await using var source = await TempWarehouse.InitialisedAsync();
        var loaded = await AnnexTestData.ImportAsync(source, await AnnexTestData.WriteVariedSubmissionAsync(source));
        Assert.Equal("loaded", loaded.Submission.Status);

        foreach (var form in AnnexForms.All)
        {
            var request = new AnnexRequest(AnnexTestData.DaLat, AnnexTestData.ReviewPeriods, [form]);
            var file = await AnnexTestData.ExportAsync(source, request, format, $"phu-luc-{form.Number}");
            await using var fresh = await TempWarehouse.InitialisedAsync();
            var result = await AnnexTestData.ImportAsync(fresh, file);

            var expected = await AnnexTestData.CurrentAsync(source.Engine, form.IndicatorCodes);
            var actual = await AnnexTestData.CurrentAsync(fresh.Engine, form.IndicatorCodes);
            Assert.True(expected.Count > 0, $"Phụ lục {form.Number}: no figure to compare");
            Assert.True(expected.SequenceEqual(actual),
                $"Phụ lục {form.Number} ({result.Submission.Status}): expected {expected.Count} figures, read back {actual.Count}; "
                + $"missing {string.Join("; ", expected.Except(actual).Take(5))}; extra {string.Join("; ", actual.Except(expected).Take(5))}");
        }
    }

    [Fact]
    public async Task Import_exportedAnnexWithChildUnits_putsWardFiguresOnTheWard()
    {
        await using var source = await TempWarehouse.InitialisedAsync();
        await AnnexTestData.ImportAsync(source, await AnnexTestData.WriteVariedSubmissionAsync(source));
        var file = await AnnexTestData.ExportAsync(source, new AnnexRequest(AnnexTestData.DaLat, AnnexTestData.ReviewPeriods, AnnexForms.Select([4, 5])), AnnexFormat.Word, "pl45");

        await using var fresh = await TempWarehouse.InitialisedAsync();
        await AnnexTestData.ImportAsync(fresh, file);

        var wardFigures = (await AnnexTestData.CurrentAsync(fresh.Engine, ["cov_participants", "grp_household"])).Where(f => f.UnitCode != AnnexTestData.DaLat).ToList();
        Assert.Equal(2, wardFigures.Count);
        Assert.Contains(wardFigures, f => f.IndicatorCode == "cov_participants" && f.PeriodLabel == "2020-2024" && f.Value == 10250m);
    }
}
