using Bhyt.Tests.Support;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units.Scope;
using Dapper;

namespace Bhyt.Tests.Warehouse.Units.Scope;

/// <summary>
/// Account scopes resolved on a real warehouse holding the bundled units of both boundary sets. Expected subtrees are
/// computed here from the reference CSV files by another route (the <c>province_code</c> column, the succession links),
/// not from the resolver's own walk of parent codes.
/// </summary>
public class UnitAccessResolverTests(InitialisedWarehouseFixture fixture) : IClassFixture<InitialisedWarehouseFixture>
{
    private static readonly string[][] Units = ReadCsv("admin_units.csv");
    private static readonly string[][] Links = ReadCsv("admin_unit_links.csv");

    private Task<UnitAccess> ResolveAsync(string? scope) => UnitAccessResolver.ResolveAsync(fixture.Warehouse.Engine, scope, CancellationToken.None);

    // admin_units.csv: unit_code,level,boundary_set,name,short_name,unit_type,parent_code,province_code,...
    private static HashSet<string> CodesOfProvince(string set, string province) =>
        Units.Where(u => u[2] == set && u[7] == province).Select(u => u[0]).ToHashSet();

    // admin_unit_links.csv: old_code,old_level,new_code,new_level,...
    private static HashSet<string> NewUnitsWhollyFrom(IReadOnlySet<string> oldCodes) =>
        Links.GroupBy(l => l[2]).Where(g => g.All(l => oldCodes.Contains(l[0]))).Select(g => g.Key).ToHashSet();

    [Fact]
    public async Task ResolveAsync_pre2025_province_reaches_its_subtree_and_the_2025_units_wholly_inside_it()
    {
        var access = await ResolveAsync("pre2025:24"); // Bắc Giang, merged into the 2025 Bắc Ninh (code 24) with the former Bắc Ninh (27)

        var bacGiang = CodesOfProvince(BoundarySets.Pre2025, "24");
        Assert.Equal(bacGiang.Order(), access.CodesIn(BoundarySets.Pre2025).Order());
        var post = NewUnitsWhollyFrom(bacGiang);
        Assert.NotEmpty(post);
        Assert.Equal(post.Order(), access.CodesIn(BoundarySets.Post2025).Order());
        Assert.False(access.Allows(BoundarySets.Pre2025, "27"));
        Assert.False(access.Allows(BoundarySets.Post2025, "24"));
        Assert.False(access.Allows(BoundarySets.National, BoundarySets.CountryCode));
        Assert.Equal("province", access.ScopeLevel);
    }

    [Fact]
    public async Task AllowsCode_a_code_reused_by_a_unit_outside_the_scope_is_kept_out()
    {
        var access = await ResolveAsync("pre2025:24");

        Assert.True(access.Allows(BoundarySets.Pre2025, "24"));
        Assert.False(access.AllowsCode("24")); // also the 2025 Bắc Ninh, which holds the former Bắc Ninh too
        Assert.Contains(access.CodesIn(BoundarySets.Pre2025), code => access.AllowsCode(code));
        Assert.False(access.AllowsCode("27"));
    }

    [Fact]
    public async Task ResolveAsync_2025_province_reaches_every_former_province_merged_into_it()
    {
        var access = await ResolveAsync("post2025:24");

        var expected = CodesOfProvince(BoundarySets.Pre2025, "24").Concat(CodesOfProvince(BoundarySets.Pre2025, "27")).ToHashSet();
        Assert.Equal(expected.Order(), access.CodesIn(BoundarySets.Pre2025).Order());
        Assert.Equal(CodesOfProvince(BoundarySets.Post2025, "24").Order(), access.CodesIn(BoundarySets.Post2025).Order());
        Assert.True(access.AllowsCode("24"));
        Assert.True(access.AllowsCode("27"));
        Assert.False(access.Allows(BoundarySets.Pre2025, "01"));
    }

    [Fact]
    public async Task ResolveAsync_district_reaches_its_communes_and_no_sibling()
    {
        var access = await ResolveAsync("213"); // Thành phố Bắc Giang: districts exist only before the reform

        var communes = Units.Where(u => u[2] == BoundarySets.Pre2025 && u[6] == "213").Select(u => u[0]).Append("213").ToHashSet();
        Assert.Equal(communes.Order(), access.CodesIn(BoundarySets.Pre2025).Order());
        Assert.False(access.Allows(BoundarySets.Pre2025, "24"));
        Assert.False(access.Allows(BoundarySets.Pre2025, "223"));
        Assert.Equal(NewUnitsWhollyFrom(communes).Order(), access.CodesIn(BoundarySets.Post2025).Order());
        Assert.Equal("district", access.ScopeLevel);
    }

    [Fact]
    public async Task ResolveAsync_bare_province_code_means_the_unit_in_force_today()
    {
        var access = await ResolveAsync("24");

        Assert.Equal(new ScopeUnit(BoundarySets.Post2025, "24"), access.Scope);
        Assert.True(access.Allows(BoundarySets.Pre2025, "27"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("VN")]
    public async Task ResolveAsync_empty_or_country_is_everything(string? scope)
    {
        var access = await ResolveAsync(scope);

        Assert.True(access.IsCountry);
        Assert.True(access.Allows(BoundarySets.Pre2025, "27"));
        Assert.Equal("1 = 1", access.LiteralPredicate("boundary_set", "unit_code"));
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("post2025:27")]
    [InlineData("24'; DROP TABLE x; --")]
    [InlineData("nowhere:24")]
    public async Task ResolveAsync_scope_naming_no_unit_reaches_nothing_never_the_country(string scope)
    {
        var access = await ResolveAsync(scope);

        Assert.True(access.IsNothing);
        Assert.False(access.IsCountry);
        Assert.False(access.Allows(BoundarySets.Pre2025, "27"));
        Assert.Equal("1 = 0", access.LiteralPredicate("boundary_set", "unit_code"));
    }

    [Theory]
    [InlineData("pre2025:24")]
    [InlineData("post2025:24")]
    [InlineData("213")]
    public async Task Predicate_keeps_exactly_the_units_in_scope_parameterised_and_literal(string scope)
    {
        var access = await ResolveAsync(scope);
        await using var connection = await fixture.Warehouse.Engine.OpenAsync(CancellationToken.None);
        var parameters = new DynamicParameters();

        var parameterised = (await connection.QueryAsync<(string Set, string Code)>(
            fixture.Warehouse.Engine.Sql($"SELECT boundary_set, unit_code FROM rpt.units u WHERE {access.Predicate("u.boundary_set", "u.unit_code", parameters)}"),
            parameters)).ToList();
        var literal = (await connection.QueryAsync<(string Set, string Code)>(
            $"SELECT boundary_set, unit_code FROM rpt.units u WHERE {access.LiteralPredicate("u.boundary_set", "u.unit_code")}")).ToList();

        var expected = UnitAccess.Sets.SelectMany(set => access.CodesIn(set).Select(code => (set, code))).Order().ToList();
        Assert.Equal(expected, parameterised.Order().ToList());
        Assert.Equal(expected, literal.Order().ToList());
    }

    private static string[][] ReadCsv(string name) =>
        File.ReadLines(Path.Combine(RepositoryRoot.Directory, "warehouse", "Reference", "Data", name)).Skip(1)
            .Select(line => line.Split(',')).ToArray();
}
