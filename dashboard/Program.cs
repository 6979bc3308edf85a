using Bhyt.Dashboard;
using Bhyt.Dashboard.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddWarehouse();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
await app.InitialiseWarehouseAsync();

if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
