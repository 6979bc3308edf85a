using Microsoft.Playwright;

namespace Bhyt.Dashboard.Tests.EndToEnd;

/// <summary>
/// Debian's chromium driven by Playwright (its own browser download cannot work here): headless, 1366×768,
/// vi-VN. The tests skip with a reason when <c>/usr/bin/chromium</c> is absent (README's test command installs it).
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task<IPage> NewPageAsync()
    {
        if (Browser is null) Assert.Skip($"{ChromiumPath} is not installed (tests/run.sh installs Debian's chromium).");
        var context = await Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1366, Height = 768 },
            Locale = "vi-VN",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
