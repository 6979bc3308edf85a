namespace Bhyt.Tests.Support;

/// <summary>The clone's root folder (the one holding <c>BhytAnalytics.sln</c>), found from the test binaries upwards.</summary>
public static class RepositoryRoot
{
    public static string Directory { get; } = Locate();

    /// <summary>The schema scripts of one engine ("duckdb", "sqlserver"): <c>sql/&lt;engine&gt;/</c>.</summary>
    public static string SqlFolder(string engine) => Path.Combine(Directory, "sql", engine);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BhytAnalytics.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds BhytAnalytics.sln.");
    }
}
