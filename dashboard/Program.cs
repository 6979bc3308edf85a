using Bhyt.Dashboard;
using Bhyt.Dashboard.Audit;
using Bhyt.Dashboard.Components;
using Bhyt.Dashboard.Health;
using Bhyt.Dashboard.Operations;
using Bhyt.Dashboard.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddWarehouse();
builder.AddDashboardSecurity();
builder.AddAuditLog();
builder.AddDashboardQueries();
builder.AddSampleData();
builder.AddOperations();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
await app.InitialiseWarehouseAsync();
await app.PurgeExpiredAuditEventsAsync();
app.EnsureFirstAdministrator();
app.LoadSampleDataWhenStarted();
app.AnnounceWarehouseOwner();

app.UseForwardedAddresses();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapOperationsEndpoints();
app.MapHealth();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null); // the whole policy is set by UseSecurityHeaders

app.Run();
