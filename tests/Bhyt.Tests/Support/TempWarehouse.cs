using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Tests.Support;

/// <summary>A DuckDB warehouse file in a fresh temporary folder, deleted with the folder afterwards.</summary>
public sealed class TempWarehouse : IAsyncDisposable
{
    private TempWarehouse(string directory)
    {
        Directory = directory;
        Path = System.IO.Path.Combine(directory, "test.duckdb");
        Engine = WarehouseEngine.For(WarehouseTarget.Parse(Path));
    }

    public string Directory { get; }
    public string Path { get; }
    public IWarehouseEngine Engine { get; }

    /// <summary>An empty folder and the path of a warehouse not created yet.</summary>
    public static TempWarehouse Empty() =>
        new(System.IO.Directory.CreateTempSubdirectory("bhyt-test-").FullName);

    /// <summary>A warehouse created with <c>init</c> (migrations and reference data).</summary>
    public static async Task<TempWarehouse> InitialisedAsync()
    {
        var warehouse = Empty();
        await new WarehouseInitializer(warehouse.Engine).InitAsync(CancellationToken.None);
        return warehouse;
    }

    public ValueTask DisposeAsync()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* a file still open on a failing test; the OS temp cleaner takes it */ }
        return ValueTask.CompletedTask;
    }
}
