using System.CommandLine;
using Bhyt.Warehouse.Querying;

namespace Bhyt.Etl.Cli;

/// <summary>
/// <c>bhyt sql "&lt;query&gt;"</c>: the analysts' read-only query over the <c>rpt</c> views (as in the dashboard's SQL
/// console); <c>--all-schemas</c> (for administrators) lets it read <c>dw</c> and <c>etl</c> too. Anything that writes exits 2.
/// </summary>
internal static class SqlCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Đúng một câu lệnh SELECT hoặc WITH … SELECT." };
        var format = new Option<string>("--format") { Description = "table | csv | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var maxRows = new Option<int>("--max-rows") { Description = "Số dòng tối đa trả về.", DefaultValueFactory = _ => QueryLimits.Default.MaxRows };
        var timeout = new Option<int>("--timeout") { Description = "Thời gian chạy tối đa (giây).", DefaultValueFactory = _ => (int)QueryLimits.Default.Timeout.TotalSeconds };

        var allSchemas = new Option<bool>("--all-schemas")
        {
            Description = "Dành cho quản trị: đọc được mọi lược đồ (dw, etl), không chỉ các view rpt.",
        };

        var command = new Command("sql", "Chạy một truy vấn chỉ đọc trên các view rpt của kho dữ liệu (dành cho nhà phân tích).")
        {
            query, format, maxRows, timeout, allSchemas,
        };
        command.SetAction(async (parse, ct) =>
        {
            var limits = new QueryLimits(TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))), Math.Max(1, parse.GetValue(maxRows)));
            var runner = new ReadOnlyQueryRunner(BhytCli.Engine(parse));
            var sql = parse.GetRequiredValue(query);
            var result = parse.GetValue(allSchemas)
                ? await runner.RunAsync(sql, limits, ct)
                : await runner.RunRptAsync(sql, RptScope.Country, limits, ct);
            QueryOutput.Write(Console.Out, result, parse.GetValue(format)!);
            await Console.Error.WriteLineAsync(result.Truncated
                ? $"({result.Rows.Count} dòng đầu tiên; kết quả bị cắt theo --max-rows {limits.MaxRows})"
                : $"({result.Rows.Count} dòng, {result.Elapsed.TotalMilliseconds:0} ms)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
