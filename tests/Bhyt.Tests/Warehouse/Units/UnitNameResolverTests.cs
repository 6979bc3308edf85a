using System.Text.RegularExpressions;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Units;

namespace Bhyt.Tests.Warehouse.Units;

public class UnitNameResolverTests(InitialisedWarehouseFixture fixture) : IClassFixture<InitialisedWarehouseFixture>
{
    private static readonly DateOnly MidYear2019 = new(2019, 7, 1);

    private async Task<UnitNameResolver> ResolverAsync() =>
        new(await UnitDirectory.LoadAsync(fixture.Warehouse.Engine, CancellationToken.None));

    [Theory]
    [InlineData("Xã Trảng Đà", "02209", "Tràng Đà")]
    [InlineData("Phường Ý La", "02215", "Ỷ La")]
    [InlineData("Xã Lương Vượng", "02515", "Lưỡng Vượng")]
    [InlineData("TRANG DA", "02209", "Tràng Đà")]
    [InlineData("phuong y la", "02215", "Ỷ La")]
    public async Task ResolveOne_seed_spelling_variants_within_their_city_find_the_official_commune(string written, string code, string official)
    {
        var resolver = await ResolverAsync();

        var (match, _) = resolver.ResolveOne(written, new UnitScope("070", "commune", MidYear2019));

        Assert.NotNull(match);
        Assert.Equal(code, match.Unit.UnitCode);
        Assert.Equal(official, match.Unit.ShortName);
        Assert.InRange(match.Confidence, 0.75, 0.99);
    }

    [Fact]
    public async Task ResolveOne_every_commune_row_of_seed_002_maps_to_a_distinct_commune_of_Tuyen_Quang_city()
    {
        var rows = File.ReadLines(SharedSeeds.File("002_"))
            .Select(line => Regex.Match(line, @"^(\d{1,2})\t([^\t]+)\t\d"))
            .Where(m => m.Success)
            .Select(m => m.Groups[2].Value.Trim())
            .ToList();
        var resolver = await ResolverAsync();

        var codes = rows.Select(name => resolver.ResolveOne(name, new UnitScope("070", "commune", MidYear2019)).Match?.Unit.UnitCode).ToList();

        Assert.Equal(13, rows.Count);
        Assert.DoesNotContain(null, codes);
        Assert.Equal(13, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("Tỉnh Lâm Đồng", null, "68", "province")]
    [InlineData("Thành phố Đà Lạt", "68", "672", "district")]
    [InlineData("TP. Đà Lạt", null, "672", "district")]
    [InlineData("Thanh pho Tuyen Quang", "08", "070", "district")]
    [InlineData("Huyện Quan Hóa", null, "385", "district")]
    [InlineData("Quan Hóa", null, "385", "district")]
    [InlineData("TP.HCM", null, "79", "province")]
    public async Task ResolveOne_prefixes_and_abbreviations_are_ignored(string written, string? ancestor, string code, string level)
    {
        var resolver = await ResolverAsync();

        var (match, candidates) = resolver.ResolveOne(written, new UnitScope(ancestor, null, MidYear2019));

        Assert.True(match is not null, $"no single match for '{written}': {string.Join("; ", candidates.Select(c => $"{c.Unit.Name} {c.Confidence}"))}");
        Assert.Equal(code, match.Unit.UnitCode);
        Assert.Equal(level, match.Unit.Level);
    }

    [Fact]
    public async Task ResolveOne_name_shared_by_several_communes_is_ambiguous_until_scoped()
    {
        var resolver = await ResolverAsync();

        var (unscoped, candidates) = resolver.ResolveOne("Xã Tân Hà", new UnitScope(AsOf: MidYear2019));
        var (scoped, _) = resolver.ResolveOne("Tân Hà", new UnitScope("070", AsOf: MidYear2019));

        Assert.Null(unscoped);
        Assert.True(candidates.Count(c => c.Unit.ShortName == "Tân Hà") >= 4);
        Assert.Equal("02216", scoped?.Unit.UnitCode);
    }

    [Fact]
    public async Task Resolve_commune_turned_ward_still_matches_with_lower_confidence()
    {
        var resolver = await ResolverAsync();

        var candidates = resolver.Resolve("Xã An Tường", new UnitScope("070", "commune", MidYear2019));

        var best = Assert.Single(candidates);
        Assert.Equal("Phường", best.Unit.UnitType);
        Assert.True(best.Confidence is < 1.0 and >= 0.75);
    }

    [Fact]
    public async Task Resolve_as_of_date_picks_the_boundary_set()
    {
        var resolver = await ResolverAsync();

        var before = resolver.ResolveOne("Tỉnh Tuyên Quang", new UnitScope(Level: "province", AsOf: new DateOnly(2024, 7, 1))).Match;
        var after = resolver.ResolveOne("Tỉnh Tuyên Quang", new UnitScope(Level: "province", AsOf: new DateOnly(2026, 1, 1))).Match;
        var both = resolver.Resolve("Tỉnh Tuyên Quang", new UnitScope(Level: "province"));

        Assert.Equal(new DateOnly(2025, 6, 30), before?.Unit.ValidTo);
        Assert.Equal(new DateOnly(2025, 7, 1), after?.Unit.ValidFrom);
        Assert.Equal(2, both.Count);
    }

    [Theory]
    [InlineData("Xã Không Tồn Tại")]
    [InlineData("")]
    [InlineData("Tỷ lệ người tham gia BHYT")]
    public async Task ResolveOne_unknown_name_gives_no_match(string written)
    {
        var resolver = await ResolverAsync();

        var (match, _) = resolver.ResolveOne(written, new UnitScope("070", AsOf: MidYear2019));

        Assert.Null(match);
    }
}
