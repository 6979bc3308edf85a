using System.Globalization;

namespace Bhyt.Etl.Generation;

/// <summary>Invariant CSV formatting for the generated files.</summary>
public static class GeneratedCsv
{
    /// <summary>Quotes a text field only when it holds a comma, quote or line break.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";

    /// <summary>A number in invariant format with at most the given decimals.</summary>
    public static string Number(double value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString(decimals == 0 ? "0" : "0." + new string('#', decimals), CultureInfo.InvariantCulture);
}
