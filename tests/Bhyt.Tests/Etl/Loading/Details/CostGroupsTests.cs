using Bhyt.Etl.Loading.Details;
using Bhyt.Etl.Sources.Claims.Xml;

namespace Bhyt.Tests.Etl.Loading.Details;

public sealed class CostGroupsTests
{
    [Theory]
    [InlineData("drug", new[] { "4", "5", "6", "7", "17" })]
    [InlineData("supplies", new[] { "10", "11" })]
    [InlineData("services", new[] { "1", "2", "3", "8", "9", "12", "18" })]
    [InlineData("examination", new[] { "13" })]
    [InlineData("bed_day", new[] { "14", "15", "16" })]
    public void CategoryOf_each_cost_group_of_the_code_list_has_its_category(string category, string[] codes)
    {
        Assert.All(codes, code => Assert.Equal(category, CostGroups.Standard.CategoryOf(code)));
        Assert.All(codes, code => Assert.NotNull(CostGroups.Standard.NameVi(code)));
    }

    [Fact]
    public void CategoryOf_a_padded_code_is_the_code_and_an_unknown_or_missing_one_is_null()
    {
        Assert.Equal(("drug", "bed_day"), (CostGroups.Standard.CategoryOf("04"), CostGroups.Standard.CategoryOf("015")));
        Assert.Equal("Ngày giường lưu", CostGroups.Standard.NameVi("16"));
        Assert.Null(CostGroups.Standard.CategoryOf("19"));
        Assert.Null(CostGroups.Standard.CategoryOf("0"));
        Assert.Null(CostGroups.Standard.CategoryOf(null));
    }

    [Fact]
    public void Fallback_XML2_is_a_drug_and_XML3_a_supply_when_it_names_MA_VAT_TU_else_a_service()
    {
        ClaimDetail Line(string table, bool supply) => new(table, "A1", 1, null, "X", 1, 1, 1, 1, IsSupply: supply);

        Assert.Equal(["drug", "supplies", "services"], new[] { Line("XML2", false), Line("XML3", true), Line("XML3", false) }.Select(CostGroups.Fallback));
    }
}
