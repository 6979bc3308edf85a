using System.Globalization;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// Figures as Vietnamese readers write them, every stored digit kept (131.408; 60,85; 622.943,5): what the importer reads
/// back exactly. Percentages are written without digit groups: "1.600" would read as 1,6 %.
/// </summary>
public static class AnnexNumbers
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The text of an empty cell: not reported, never zero.</summary>
    public const string NotReported = "-";

    public static string Format(decimal value, bool percent = false) =>
        value.ToString(percent ? "0.############################" : "#,##0.############################", Vietnamese);

    public static string Format(decimal? value, bool percent) => value is { } v ? Format(v, percent) : NotReported;
}
