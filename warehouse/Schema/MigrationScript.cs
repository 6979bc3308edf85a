using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Bhyt.Warehouse.Schema;

/// <summary>One numbered schema script of <c>sql/&lt;engine&gt;/</c>, embedded in the warehouse assembly.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>Version 0 is the bootstrap that creates <c>etl.schema_version</c>; it runs on every pass.</summary>
    public bool IsBootstrap => Version == 0;

    /// <summary>
    /// A script named <c>NNNN_name.repeatable.sql</c> (the data dictionary's descriptions): run after the numbered scripts
    /// whenever its text changed or a numbered script ran in the same pass, and recorded under its number with its latest
    /// checksum. It must be idempotent; a change to it is a new text, not a new number.
    /// </summary>
    public bool IsRepeatable => Name.EndsWith(RepeatableSuffix, StringComparison.Ordinal);

    public const string RepeatableSuffix = ".repeatable";

    /// <summary>SHA-256 of the script with line endings normalised, so a checkout on Windows matches.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The scripts of one engine ("duckdb", "sqlserver"), ordered by version.</summary>
    public static IReadOnlyList<MigrationScript> For(string engine)
    {
        var assembly = typeof(MigrationScript).Assembly;
        var prefix = $"sql/{engine}/";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name, prefix))
            .OrderBy(script => script.Version)
            .ToList();
    }

    private static MigrationScript Load(Assembly assembly, string resource, string prefix)
    {
        var fileName = resource[prefix.Length..];
        var underscore = fileName.IndexOf('_');
        if (underscore <= 0 || !int.TryParse(fileName[..underscore], out var version))
            throw new InvalidOperationException($"Migration '{resource}' is not named NNNN_description.sql.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new MigrationScript(version, Path.GetFileNameWithoutExtension(fileName), reader.ReadToEnd());
    }
}
