namespace Bhyt.Tests.Support;

/// <summary>
/// The real local documents in <c>../shared/seeds</c> beside the clone. Tests that read them skip themselves,
/// with this reason, where the folder is absent.
/// </summary>
public static class SharedSeeds
{
    public static string? Directory { get; } = Locate();

    public static string File(string prefix)
    {
        if (Directory is null)
            Assert.Skip("../shared/seeds is not beside the clone: seed-based tests need the shared documents.");
        return System.IO.Directory.GetFiles(Directory, prefix + "*").Single();
    }

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "seeds");
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "BhytAnalytics.sln")))
                return System.IO.Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
        }
        return null;
    }
}
