using System.Globalization;
using Bhyt.Warehouse.Querying;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Bhyt.Dashboard.Components.Pages.Console;

public partial class SqlConsole
{
    /// <summary>Rows per page of the results grid.</summary>
    public const int PageSize = 50;

    private const string NoDescription = "(chưa có mô tả)";
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private ElementReference _editor, _backdrop, _completion;
    private IJSObjectReference? _module;
    private bool _attached;
    private List<IGrouping<string, RptColumn>> _views = [];
    private IReadOnlyList<QueryHistoryEntry> _history = [];
    private CancellationTokenSource? _runningCancel;
    private string _sql = "";
    private bool _running, _failed;
    private string? _status, _refused;
    private QueryResult? _result;
    private int _page;

    private bool _schemaLoaded;

    private int PageCount => _result is null ? 0 : Math.Max(1, (_result.Rows.Count + PageSize - 1) / PageSize);

    private IEnumerable<object?[]> PageRows => _result!.Rows.Skip(_page * PageSize).Take(PageSize);

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _views = (await Service.SchemaAsync(CancellationToken.None)).GroupBy(c => c.View).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            _history = await Service.HistoryAsync(CancellationToken.None);
            _schemaLoaded = true;
        }
        catch (UnauthorizedAccessException e)
        {
            _refused = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _status = "Không mở được kho dữ liệu: " + e.Message;
            _failed = true;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_attached || !_schemaLoaded || !RendererInfo.IsInteractive) return;
        _attached = true;
        var schema = _views.ToDictionary(v => v.Key, v => v.Select(c => c.Column).ToArray());
        await (await ModuleAsync()).InvokeVoidAsync("attach", _editor, _backdrop, _completion, schema);
    }

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./sqlconsole.js");

    private async Task RunAsync()
    {
        if (_running || string.IsNullOrWhiteSpace(_sql)) return;
        _running = true;
        _failed = false;
        _status = "Đang chạy…";
        using var cancel = _runningCancel = new CancellationTokenSource();
        try
        {
            var result = await Service.RunAsync(_sql, cancel.Token);
            _result = result;
            _page = 0;
            _status = $"{result.Rows.Count.ToString("N0", Vi)} dòng, {result.Elapsed.TotalMilliseconds.ToString("N0", Vi)} ms" +
                      (result.Truncated ? $" — kết quả bị cắt ở {Service.Limits.MaxRows.ToString("N0", Vi)} dòng đầu tiên." : ".");
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Fail("Đã hủy truy vấn.");
        }
        catch (Exception e) when (e is QueryRefusedException or QueryTimeoutException or QueryFailedException or UnauthorizedAccessException)
        {
            Fail(e.Message);
        }
        finally
        {
            _running = false;
            _runningCancel = null;
        }
        _history = await Service.HistoryAsync(CancellationToken.None);
    }

    private void Fail(string message)
    {
        _failed = true;
        _status = message;
    }

    private void Cancel() => _runningCancel?.Cancel();

    private async Task ReuseAsync(string sql)
    {
        _sql = sql;
        if (_module is not null) await _module.InvokeVoidAsync("setText", _editor, sql);
    }

    private async Task ExportCsvAsync()
    {
        if (_result is null) return;
        await JS.InvokeVoidAsync("bhyt.download", FileName("csv"), ResultExport.Csv(_result));
    }

    private async Task ExportXlsxAsync()
    {
        if (_result is null) return;
        var module = await ModuleAsync();
        await module.InvokeVoidAsync("downloadBytes", FileName("xlsx"), Convert.ToBase64String(ResultExport.Xlsx(_result)),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private static string FileName(string extension) => $"truy-van-{DateTime.Now:yyyyMMdd-HHmmss}.{extension}";

    private static string Shorten(string sql) => sql.Length <= 160 ? sql : sql[..160] + "…";

    private static string OutcomeVi(string outcome) => outcome switch
    {
        "ok" => "Thành công",
        "refused" => "Bị từ chối",
        "timeout" => "Quá thời gian",
        "cancelled" => "Đã hủy",
        _ => "Lỗi",
    };

    public async ValueTask DisposeAsync()
    {
        _runningCancel?.Cancel();
        if (_module is not null)
        {
            try { await _module.DisposeAsync(); }
            catch (JSDisconnectedException) { /* the circuit is gone with the page */ }
        }
    }
}
