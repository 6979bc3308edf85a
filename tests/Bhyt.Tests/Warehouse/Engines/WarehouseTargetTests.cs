using Bhyt.Warehouse.Engines;

namespace Bhyt.Tests.Warehouse.Engines;

public class WarehouseTargetTests
{
    [Theory]
    [InlineData("data/bhyt.duckdb")]
    [InlineData("/var/lib/bhyt/Kho.DUCKDB")]
    [InlineData("  warehouse.duckdb  ")]
    public void Parse_duckdb_path_selects_DuckDb_with_a_full_path(string value)
    {
        var target = WarehouseTarget.Parse(value);

        Assert.Equal(EngineKind.DuckDb, target.Kind);
        Assert.True(Path.IsPathFullyQualified(target.Value));
        Assert.Equal(Path.GetFullPath(value.Trim()), target.Value);
        Assert.IsType<DuckDbEngine>(WarehouseEngine.For(target));
    }

    [Theory]
    [InlineData("Server=db01;Database=bhyt;Integrated Security=true;TrustServerCertificate=true")]
    [InlineData("server=tcp:db01,1433;database=bhyt;user id=etl;password=x")]
    [InlineData("Data Source=db01\\SQLEXPRESS;Initial Catalog=bhyt;User ID=etl;Password=x")]
    public void Parse_connection_string_selects_SqlServer_unchanged(string value)
    {
        var target = WarehouseTarget.Parse(value);

        Assert.Equal(EngineKind.SqlServer, target.Kind);
        Assert.Equal(value, target.Value);
        Assert.IsType<SqlServerEngine>(WarehouseEngine.For(target));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("data/bhyt.db")]
    [InlineData("bhyt.duckdb.bak")]
    [InlineData("Database=bhyt;User ID=etl")]
    [InlineData("postgres://db01/bhyt")]
    public void Parse_anything_else_throws_ArgumentException(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => WarehouseTarget.Parse(value));

        Assert.Contains("warehouse.target", error.Message);
    }

    [Fact]
    public void Resolve_explicit_value_wins_over_environment_and_default()
    {
        var target = WarehouseTarget.Resolve("explicit.duckdb");

        Assert.Equal(Path.GetFullPath("explicit.duckdb"), target.Value);
    }

    [Theory]
    [InlineData("Server=db01;User ID=etl;Password=s3cr3t;Database=bhyt", "s3cr3t")]
    [InlineData("Data Source=db01;password = s3cr3t", "s3cr3t")]
    [InlineData("Server=db01;Pwd=s3cr3t;Database=bhyt", "s3cr3t")]
    public void ToString_masks_the_password(string value, string password)
    {
        var printed = WarehouseTarget.Parse(value).ToString();

        Assert.DoesNotContain(password, printed);
        Assert.Contains("***", printed);
        Assert.Contains("db01", printed);
    }

    [Fact]
    public void ToString_duckdb_target_is_its_path()
    {
        var target = WarehouseTarget.Parse("data/bhyt.duckdb");

        Assert.Equal(target.Value, target.ToString());
    }
}
