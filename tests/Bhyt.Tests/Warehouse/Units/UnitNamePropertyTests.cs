using System.Globalization;
using System.Text;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Units;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bhyt.Tests.Warehouse.Units;

/// <summary>
/// Properties of the unit-name folding and matching, over the communes and districts of the bundled directory as they
/// are written in real documents: with or without their prefix, in any case, decomposed (NFD, as macOS and some PDFs
/// give), without tones, without any diacritic (OCR), with stray punctuation and spaces.
/// </summary>
public sealed class UnitNamePropertyTests(UnitNamePropertyTests.DirectoryFixture directory) : IClassFixture<UnitNamePropertyTests.DirectoryFixture>
{
    private static readonly DateOnly AsOf = new(2024, 12, 31);

    /// <summary>How a document writes a name, from the mildest change to the strongest.</summary>
    private static readonly (string Name, Func<string, string> Write, double AtLeast)[] Writings =
    [
        ("as is", s => s, 1.0),
        ("upper case", s => s.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), 1.0),
        ("decomposed", s => s.Normalize(NormalizationForm.FormD), 1.0),
        ("punctuated", s => $"  {s.Replace(" ", "  ")} .", 1.0),
        ("tones dropped", VietnameseText.FoldTones, 0.9),
        ("diacritics dropped", s => VietnameseText.FoldAll(s).ToUpperInvariant(), 0.8),
    ];

    [Property(MaxTest = 300)]
    public Property Normalise_and_folds_are_idempotent_and_ordered() =>
        Prop.ForAll(Gen.OneOf(Gen.Elements(directory.Names), ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)).ToArbitrary(), name =>
        {
            var normal = VietnameseText.Normalise(name);
            var tones = VietnameseText.FoldTones(name);
            var all = VietnameseText.FoldAll(name);
            return (VietnameseText.Normalise(normal) == normal && VietnameseText.FoldTones(tones) == tones && VietnameseText.FoldAll(all) == all
                    && VietnameseText.FoldTones(normal) == tones && VietnameseText.FoldAll(tones) == all)
                .Label($"'{name}': '{normal}' / '{tones}' / '{all}'");
        });

    [Property(MaxTest = 300)]
    public Property Normalise_ignores_case_composition_and_punctuation_of_vietnamese_names() =>
        Prop.ForAll(Gen.Zip(Gen.Elements(directory.Names), Gen.Elements(Writings.Take(4).ToArray())).ToArbitrary(), t =>
        {
            var (name, writing) = t;
            var written = writing.Write(name);
            return (VietnameseText.Normalise(written) == VietnameseText.Normalise(name)).Label($"{writing.Name}: '{written}'");
        });

    /// <summary>
    /// A unit whose name is unique among its siblings, written any way, with or without its prefix, is found within
    /// its parent at its level, and found as surely as the writing allows.
    /// </summary>
    [Property(MaxTest = 500)]
    public Property ResolveOne_unit_written_any_way_within_its_parent_finds_it() =>
        Prop.ForAll(Gen.Zip(Gen.Zip(Gen.Elements(directory.Distinct), Gen.Elements(Writings)), ArbMap.Default.GeneratorFor<bool>()).ToArbitrary(), t =>
        {
            var ((unit, writing), withPrefix) = t;
            var written = writing.Write(withPrefix ? $"{unit.Unit.UnitType} {unit.Unit.ShortName}" : unit.Unit.ShortName);
            var (match, candidates) = directory.Resolver.ResolveOne(written, new UnitScope(unit.ParentCode, unit.Unit.Level, AsOf));
            return (match?.Unit.UnitKey == unit.Unit.UnitKey && match.Confidence >= writing.AtLeast * 0.9 - 1e-9)
                .Label($"{writing.Name} '{written}' → {match?.Unit.UnitCode ?? "none"} ({match?.Confidence}); expected {unit.Unit.UnitCode}; {candidates.Count} candidates");
        });

    /// <summary>Found by the property above: "Huyền" folds to "huyên" as "Huyện" does, and the commune lost a fifth of its confidence as if it were a district.</summary>
    [Fact]
    public void ResolveOne_name_whose_first_word_folds_like_a_prefix_is_the_name()
    {
        var (match, _) = directory.Resolver.ResolveOne("HUYỀN HỘI", new UnitScope("844", "commune", AsOf));

        Assert.Equal(("29278", 1.0), (match?.Unit.UnitCode, match?.Confidence));
    }

    [Property(MaxTest = 500)]
    public Property Resolve_any_text_never_throws_and_orders_candidates_by_confidence() =>
        Prop.ForAll(Gen.OneOf(ArbMap.Default.GeneratorFor<string>().Where(s => s is not null), Gen.Elements(directory.Names).Select(n => n[..(n.Length / 2)])).ToArbitrary(), text =>
        {
            var candidates = directory.Resolver.Resolve(text, new UnitScope(null, null, AsOf));
            return candidates.Zip(candidates.Skip(1)).All(p => p.First.Confidence >= p.Second.Confidence) && candidates.All(c => c.Confidence is > 0 and <= 1);
        });

    /// <summary>The directory of the bundled reference data, and its units that a name alone tells apart from their siblings.</summary>
    public sealed class DirectoryFixture : IAsyncLifetime
    {
        private TempWarehouse _warehouse = null!;

        public UnitNameResolver Resolver { get; private set; } = null!;
        public string[] Names { get; private set; } = [];
        public (UnitRecord Unit, string ParentCode)[] Distinct { get; private set; } = [];

        public async ValueTask InitializeAsync()
        {
            _warehouse = await TempWarehouse.InitialisedAsync();
            var units = await UnitDirectory.LoadAsync(_warehouse.Engine, CancellationToken.None);
            Resolver = new UnitNameResolver(units);
            var byKey = units.Units.ToDictionary(u => u.UnitKey);
            var current = units.Units.Where(u => u.IsValidOn(AsOf) && u.ParentKey is { } p && byKey.ContainsKey(p) && u.Level is "district" or "commune").ToList();
            Names = current.Select(u => u.ShortName).Distinct().ToArray();
            Distinct = current.GroupBy(u => (u.ParentKey, u.Level, Name: VietnameseText.FoldAll(u.ShortName)))
                .Where(g => g.Count() == 1 && !current.Any(o => o.ParentKey == g.Key.ParentKey && o.Level == g.Key.Level && o.UnitKey != g.Single().UnitKey
                    && NearlyEqual(VietnameseText.FoldAll(o.ShortName), g.Key.Name)))
                .Select(g => (g.Single(), byKey[g.Key.ParentKey!.Value].UnitCode))
                .ToArray();
        }

        // Two siblings one letter apart stay apart only by their diacritics: those are not a property of the resolver.
        private static bool NearlyEqual(string a, string b) => a.Length == b.Length && a.Zip(b).Count(p => p.First != p.Second) <= 1;

        public ValueTask DisposeAsync() => _warehouse.DisposeAsync();
    }
}
