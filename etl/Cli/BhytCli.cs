using System.CommandLine;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Querying;
using Bhyt.Warehouse.Schema;

namespace Bhyt.Etl.Cli;

/// <summary>The <c>bhyt</c> command line: one verb per capability, every verb takes <c>--warehouse</c>.</summary>
public static class BhytCli
{
    public static readonly Option<string?> Warehouse = new("--warehouse")
    {
        Description = "Kho dữ liệu: tệp .duckdb (mặc định data/bhyt.duckdb hoặc BHYT_WAREHOUSE) hoặc chuỗi kết nối SQL Server.",
        Recursive = true,
    };

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Detection.Detectors.All);

    /// <summary>Runs <c>bhyt</c> with the given detectors behind <c>bhyt detect</c> (tests pass their own).</summary>
    public static async Task<int> RunAsync(string[] args, IReadOnlyList<Detection.IDetector> detectors)
    {
        var root = new RootCommand("bhyt — kho dữ liệu báo cáo BHYT: nạp, kiểm tra và truy vấn.") { Warehouse };
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(SqlCommand.Create());
        root.Subcommands.Add(ScheduleCommand.Create());
        root.Subcommands.Add(ReferenceCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(DetectCommand.Create(detectors));
        root.Subcommands.Add(AlertsCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(DictionaryCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(RestoreCommand.Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) await Console.Error.WriteLineAsync($"bhyt: {error.Message}");
            await Console.Error.WriteLineAsync("Xem 'bhyt --help'.");
            return ExitCodes.Usage;
        }
        try
        {
            using var telemetry = parsed.CommandResult.Command.Name == "schedule" ? null : Telemetry.TelemetryExtensions.StartForCommand();
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return Report(e);
        }
    }

    /// <summary>Resolves the verb's engine from <c>--warehouse</c>, <c>BHYT_WAREHOUSE</c> or the default path.</summary>
    public static IWarehouseEngine Engine(ParseResult parse) => WarehouseEngine.For(parse.GetValue(Warehouse));

    /// <summary>
    /// <see cref="Engine"/> for a verb that reads or writes the warehouse's tables: a warehouse an earlier version made, with
    /// schema scripts of this version not applied, is refused up front with the command that upgrades it, rather than
    /// failing half-way on a missing table.
    /// </summary>
    public static async Task<IWarehouseEngine> CurrentEngineAsync(ParseResult parse, CancellationToken ct)
    {
        var engine = Engine(parse);
        await new Migrator(engine).EnsureCurrentAsync(ct);
        return engine;
    }

    private static int Report(Exception e)
    {
        var (code, message) = e switch
        {
            QueryRefusedException or QueryFailedException or WarehouseNotFoundException or ArgumentException or Import.UnusableInputException => (ExitCodes.Usage, e.Message),
            MigrationMismatchException or WarehouseOutdatedException or Bhyt.Warehouse.Dictionary.DictionarySourceException => (ExitCodes.Usage, e.Message),
            QueryTimeoutException or WarehouseBusyException => (ExitCodes.Rejected, e.Message),
            OperationCanceledException => (ExitCodes.Rejected, "Đã hủy."),
            _ => (ExitCodes.Rejected, $"Lỗi: {e.Message}"),
        };
        Console.Error.WriteLine($"bhyt: {message}");
        return code;
    }
}
