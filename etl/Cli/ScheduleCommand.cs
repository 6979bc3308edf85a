using System.CommandLine;
using Bhyt.Etl.Scheduling;
using Bhyt.Warehouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bhyt.Etl.Cli;

/// <summary>
/// <c>bhyt schedule [--inbox &lt;dir&gt;]</c>: the production worker without the dashboard — the Quartz scheduler in the
/// foreground, importing files dropped into the inbox within a minute. Stops on Ctrl+C.
/// </summary>
internal static class ScheduleCommand
{
    public static Command Create()
    {
        var inbox = new Option<string>("--inbox") { Description = "Thư mục nhận tệp (mặc định inbox/).", DefaultValueFactory = _ => InboxOptions.DefaultInbox };
        var command = new Command("schedule", "Chạy bộ lập lịch ETL (nạp tệp từ thư mục inbox) ở tiền cảnh.") { inbox };
        command.SetAction(async (parse, ct) =>
        {
            var engine = BhytCli.Engine(parse);
            await new WarehouseInitializer(engine).InitAsync(ct);
            var options = InboxOptions.Default(parse.GetValue(inbox));
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss "; });
            builder.Services.AddBhytScheduler(engine, options, builder.Configuration["Scheduler:VerifyCron"],
                builder.Configuration["Scheduler:AlertsCron"]);
            using var host = builder.Build();
            Console.Error.WriteLine($"Đang theo dõi {options.Inbox} (mỗi {options.Interval.TotalSeconds:0} giây); tệp đã nạp → {options.Archive}, tệp lỗi → {options.Quarantine}. Ctrl+C để dừng.");
            await host.RunAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
