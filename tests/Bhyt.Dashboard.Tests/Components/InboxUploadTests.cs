using Bhyt.Warehouse.Engines;
using Bhyt.Dashboard.Components.Pages.Submissions;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Etl.Import;
using Bhyt.Etl.Scheduling;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Dashboard.Tests.Components;

/// <summary>The upload takes exactly the extensions of the import kinds' registry, and says which when it refuses.</summary>
public sealed class InboxUploadTests : IDisposable
{
    private IWarehouseEngine NoWarehouse => WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "none.duckdb")));

    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-upload-").FullName;

    private InboxUpload Upload() =>
        new(InboxOptions.Default(Path.Combine(_folder, "inbox")), new SignedIn("u", Roles.Analyst), FixedUnitAccess.Country,
            new UploadScope(NoWarehouse), NoAudit.Instance, NullLogger<InboxUpload>.Instance);

    [Fact]
    public async Task SaveAsync_every_registered_extension_goes_into_the_inbox()
    {
        foreach (var extension in ImportKinds.Registered.Extensions)
            Assert.EndsWith("-bao-cao" + extension, await Upload().SaveAsync(new UploadedFile("bao-cao" + extension, "x"), null, CancellationToken.None));

        Assert.Equal(ImportKinds.Registered.Extensions.Count, Directory.GetFiles(Path.Combine(_folder, "inbox")).Length);
    }

    [Theory]
    [InlineData("notes.odt")]
    [InlineData("truth.json")]
    [InlineData("setup.exe")]
    public async Task SaveAsync_other_extension_is_refused_naming_the_importable_ones(string name)
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Upload().SaveAsync(new UploadedFile(name, "x"), null, CancellationToken.None));

        Assert.Contains($"({ImportKinds.Registered.ExtensionList})", refused.Message);
        Assert.False(Directory.Exists(Path.Combine(_folder, "inbox")) && Directory.EnumerateFiles(Path.Combine(_folder, "inbox")).Any());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
