using Bhyt.Dashboard.SampleData;
using Bhyt.Etl.Generation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Bhyt.Dashboard.Tests.EndToEnd.DashboardPages;

namespace Bhyt.Dashboard.Tests.EndToEnd;

/// <summary>
/// Báo cáo nộp in a real browser while a large claims file goes in: the upload's bar moves with MB/giây and the time
/// left, then the inbox job's load of the same file shows its bar with the claims read, and the page ends on the loaded
/// file. Screenshot <c>screenshots/10-tien-do-nap.png</c>.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SubmissionsProgressEndToEndTests(DashboardFixture fixture)
{
    private const int Claims = 200_000;

    private DashboardServer Server => fixture.Server;

    [Fact]
    public async Task Upload_of_a_large_claims_file_shows_its_bar_then_the_inbox_load_of_it_with_claims_speed_and_time_left()
    {
        var page = await fixture.LoginAsync("/bao-cao-nop?unit=VN");
        var file = GenerateClaimsFile();
        var name = Path.GetFileName(file);

        await page.SetInputFilesAsync("#upload", file);

        var upload = page.Locator("section.upload .load-progress");
        await Expect(page.Locator("section.upload .load-progress[data-phase=uploading] [role=progressbar]")).ToBeVisibleAsync();
        await Expect(upload).ToContainTextAsync("MB/giây");
        await Expect(page.Locator("section.upload p.ok")).ToContainTextAsync(name, new() { Timeout = 120_000 });
        await Expect(upload).ToContainTextAsync("xong");

        var inbox = page.Locator("section.inbox-load .load-progress");
        var reading = page.Locator($"section.inbox-load .load-progress[data-phase=reading]:has-text('{name}')");
        await Expect(reading).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Expect(reading.Locator("[role=progressbar]")).ToBeVisibleAsync();
        await Expect(reading).ToContainTextAsync("hồ sơ");
        await Expect(page.Locator("section.inbox-load")).ToContainTextAsync("Đã nạp từ hộp thư", new() { Timeout = 120_000 });
        await Expect(inbox).ToContainTextAsync(name);
        await Expect(inbox).ToContainTextAsync($"xong · {Claims:N0} hồ sơ".Replace(",", "."));
        await Expect(page.Locator("#submissions-grid")).ToContainTextAsync(name);
        await ShotAsync(page, "10-tien-do-nap");
    }

    /// <summary>Claims of the sample province (its facilities are loaded), under a name of their own.</summary>
    private string GenerateClaimsFile()
    {
        var folder = Path.Combine(Server.Folder, "tien-do");
        var sample = new SampleDataOptions();
        SyntheticDataGenerator.Run(new GenerationOptions(folder, "province", 2009, 2024, Claims, sample.Seed + 1, sample.Province), TextWriter.Null);
        var file = Path.Combine(folder, "ho-so-kcb-tien-do.csv");
        File.Move(Path.Combine(folder, "claims.csv"), file);
        return file;
    }
}
