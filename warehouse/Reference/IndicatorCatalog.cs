using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Bhyt.Warehouse.Reference;

/// <summary>The indicator vocabulary: the codes with unit, measure kind, sum rules and ratio definitions.</summary>
public sealed class IndicatorCatalog
{
    private readonly Dictionary<string, Indicator> _byCode;

    private IndicatorCatalog(IReadOnlyList<Indicator> indicators)
    {
        All = indicators;
        _byCode = indicators.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Indicator> All { get; }

    public Indicator? Find(string code) => _byCode.GetValueOrDefault(code.Trim());

    /// <summary>The catalog bundled with this build.</summary>
    public static IndicatorCatalog Bundled { get; } = Read(EmbeddedReference.Open(EmbeddedReference.Indicators));

    public static IndicatorCatalog Read(Stream csv)
    {
        using var reader = new StreamReader(csv);
        using var parser = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var indicators = new List<Indicator>();
        parser.Read();
        parser.ReadHeader();
        while (parser.Read())
        {
            indicators.Add(new Indicator(
                parser.GetField("code")!, parser.GetField<int>("annex"), parser.GetField("topic")!,
                parser.GetField("name_vi")!, parser.GetField("name_en")!, parser.GetField("unit")!,
                parser.GetField("measure")!, NullIfBlank(parser.GetField("sum_of")), RatioOf(parser)));
        }
        return new IndicatorCatalog(indicators);
    }

    /// <summary>All ratios the catalog can compute from two other indicators.</summary>
    public IEnumerable<Indicator> Ratios => All.Where(i => i.Ratio is not null);

    private static RatioDefinition? RatioOf(CsvReader parser) =>
        NullIfBlank(parser.GetField("ratio_numerator")) is { } numerator && NullIfBlank(parser.GetField("ratio_denominator")) is { } denominator
            ? new RatioDefinition(numerator, denominator, decimal.Parse(parser.GetField("ratio_scale")!, CultureInfo.InvariantCulture))
            : null;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
