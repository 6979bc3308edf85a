using System.CommandLine;
using Bhyt.Etl.Scheduling;
using Bhyt.Etl.Telemetry;
using Bhyt.Warehouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bhyt.Etl.Cli;

/// <summary>
/// <c>bhyt schedule [--inbox &lt;dir&gt;]</c>: the production worker without the dashboard — the Quartz scheduler in the
/// foreground, importing files dropped into the inbox within a minute. Stops on Ctrl+C. Settings of the <c>Scheduler</c>
/// section (appsettings.json beside the binary, or <c>BHYT_Scheduler__…</c>): <c>Inbox</c>, <c>IntervalSeconds</c>,
/// <c>SettleSeconds</c>, <c>VerifyCron</c> and <c>JobStore</c> (<see cref="JobStoreSettings"/>). Several workers may share one inbox.
/// </summary>
internal static class ScheduleCommand
{
    public static Command Create()
    {
        var inbox = new Option<string?>("--inbox") { Description = "Thư mục nhận tệp (mặc định Scheduler:Inbox, hoặc inbox/)." };
        var command = new Command("schedule", "Chạy bộ lập lịch ETL (nạp tệp từ thư mục inbox) ở tiền cảnh.") { inbox };
        command.SetAction(async (parse, ct) =>
        {
            var engine = BhytCli.Engine(parse);
            await new WarehouseInitializer(engine).InitAsync(ct);
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddEnvironmentVariables("BHYT_");
            var scheduler = builder.Configuration.GetSection("Scheduler");
            var options = InboxOptions.From(scheduler, parse.GetValue(inbox));
            builder.Logging.AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss "; console.IncludeScopes = true; });
            builder.Services.AddBhytTelemetry(builder.Configuration, "bhyt-schedule");
            builder.Services.AddBhytScheduler(engine, scheduler, options);
            using var host = builder.Build();
            Console.Error.WriteLine($"Đang theo dõi {options.Inbox} (mỗi {options.Interval.TotalSeconds:0} giây); tệp đã nạp → {options.Archive}, tệp lỗi → {options.Quarantine}. Ctrl+C để dừng.");
            await host.RunAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
