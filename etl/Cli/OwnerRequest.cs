using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Operations;

namespace Bhyt.Etl.Cli;

/// <summary>
/// Sends <c>bhyt backup</c> / <c>bhyt export</c> to the host that holds an embedded warehouse open (see
/// <see cref="WarehouseOwnerFile"/>); null when no live host announced itself, and the verb then opens the file itself.
/// </summary>
internal static class OwnerRequest
{
    public static async Task<T?> TryAsync<T>(IWarehouseEngine engine, string path, string output, CancellationToken ct) where T : class
    {
        if (engine.Target.Kind != EngineKind.DuckDb || WarehouseOwnerFile.Read(engine.Target.Value) is not { } owner) return null;
        using var http = new HttpClient { BaseAddress = new Uri(owner.Url), Timeout = TimeSpan.FromHours(6) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", owner.Token);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(path, new OperationRequest(Path.GetFullPath(output)), ct);
        }
        catch (HttpRequestException)
        {
            return null; // announced but not answering (stopping): the file is about to be free
        }
        using (response)
        {
            if (response.IsSuccessStatusCode) return await response.Content.ReadFromJsonAsync<T>(ct);
            var problem = await response.Content.ReadAsStringAsync(ct);
            throw new IOException($"Bảng điều khiển đang giữ kho ({owner.Url}) từ chối yêu cầu: {(int)response.StatusCode} {Detail(problem)} [warehouse.owner]");
        }
    }

    private static string Detail(string problem)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(problem);
            return json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? problem : problem;
        }
        catch (System.Text.Json.JsonException)
        {
            return problem;
        }
    }
}
