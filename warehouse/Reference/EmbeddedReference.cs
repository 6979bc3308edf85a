using System.Security.Cryptography;

namespace Bhyt.Warehouse.Reference;

/// <summary>The reference files bundled in the warehouse assembly (from <c>warehouse/Reference/Data</c>).</summary>
public static class EmbeddedReference
{
    public const string Indicators = "indicators.csv";
    public const string AdminUnits = "admin_units.csv";
    public const string AdminUnitLinks = "admin_unit_links.csv";

    public static Stream Open(string fileName) =>
        typeof(EmbeddedReference).Assembly.GetManifestResourceStream($"reference/{fileName}")
        ?? throw new InvalidOperationException($"Reference file {fileName} is not embedded in the warehouse assembly.");

    public static string Sha256(params string[] fileNames)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var fileName in fileNames)
        {
            using var stream = Open(fileName);
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0) hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
