using System.Globalization;
using CsvHelper;

namespace Bhyt.Warehouse.Reference;

/// <summary>
/// Other wordings of catalog indicators met in real documents (<c>indicator_aliases.csv</c>), declared as data so a
/// new wording is a line, not code.
/// </summary>
public static class IndicatorAliases
{
    /// <summary>(alias as written, indicator code) pairs of the bundled file.</summary>
    public static IReadOnlyList<(string Alias, string Code)> Bundled { get; } = Read();

    private static List<(string, string)> Read()
    {
        using var reader = new CsvReader(new StreamReader(EmbeddedReference.Open("indicator_aliases.csv")), CultureInfo.InvariantCulture);
        var aliases = new List<(string, string)>();
        reader.Read();
        reader.ReadHeader();
        while (reader.Read()) aliases.Add((reader.GetField("alias")!, reader.GetField("code")!));
        return aliases;
    }
}
