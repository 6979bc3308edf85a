namespace Bhyt.Dashboard.Tests.Support;

/// <summary>The clone's root (the folder holding BhytAnalytics.sln), found upwards from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>Debug or Release, as this test assembly was built.</summary>
    public static string Configuration => AppContext.BaseDirectory.Contains($"{System.IO.Path.DirectorySeparatorChar}Release{System.IO.Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "BhytAnalytics.sln"))) return dir.FullName;
        throw new InvalidOperationException("BhytAnalytics.sln not found above " + AppContext.BaseDirectory);
    }
}
