using System.Net;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Export;
using Bhyt.Warehouse.Operations;

namespace Bhyt.Dashboard.Operations;

/// <summary>
/// <c>POST /operations/backup</c> and <c>/operations/export</c>: the work of <c>bhyt backup</c> / <c>bhyt export</c> done inside
/// the dashboard, which holds the embedded warehouse open. Only for a caller on this machine presenting the token of
/// <see cref="WarehouseOwnerFile"/> (<c>Authorization: Bearer …</c>); not part of the signed-in site.
/// </summary>
public static class OperationsEndpoints
{
    public const string BackupPath = "/operations/backup";
    public const string ExportPath = "/operations/export";

    public static void MapOperationsEndpoints(this WebApplication app)
    {
        var operations = app.MapGroup("/operations").AllowAnonymous().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var token = http.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
                ? header["Bearer ".Length..] : null;
            var local = http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);
            return local && http.RequestServices.GetRequiredService<WarehouseOwnership>().Accepts(token)
                ? await next(context)
                : Results.Problem("Chỉ bhyt chạy trên cùng máy, với mã trong tệp .owner.json của kho. [operations.forbidden]",
                    statusCode: StatusCodes.Status403Forbidden); // with a body, so the status-code pages leave the answer alone
        });
        operations.MapPost("/backup", async (OperationRequest request, IWarehouseEngine engine, CancellationToken ct) =>
            await Outcome(() => new WarehouseBackup(engine).BackupAsync(request.Out, byHost: true, ct)));
        operations.MapPost("/export", async (OperationRequest request, IWarehouseEngine engine, CancellationToken ct) =>
            await Outcome(() => new RptExporter(engine).ExportAsync(request.Out, ct)));
    }

    public static void AnnounceWarehouseOwner(this WebApplication app)
    {
        var ownership = app.Services.GetRequiredService<WarehouseOwnership>();
        var server = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
        app.Lifetime.ApplicationStarted.Register(() => ownership.Announce(server));
        app.Lifetime.ApplicationStopping.Register(ownership.Withdraw);
    }

    // The message travels back to bhyt, which prints it; it names only the path the caller chose.
    private static async Task<IResult> Outcome<T>(Func<Task<T>> work)
    {
        try
        {
            return Results.Ok(await work());
        }
        catch (IOException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict);
        }
        catch (UnauthorizedAccessException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }
}
