using Bhyt.Etl.Detection.Claims;
using Bhyt.Warehouse.Engines;
using DuckDB.NET.Data;

namespace Bhyt.Tests.Etl.Detection.Claims;

/// <summary>Length-of-stay bands: the same band in C# and in the engine's SQL, and how each reads in a sentence.</summary>
public class StayBandTests
{
    [Theory]
    [InlineData(null, 1, "tối đa 1 ngày")]
    [InlineData(0, 1, "tối đa 1 ngày")]
    [InlineData(1, 1, "tối đa 1 ngày")]
    [InlineData(3, 3, "3 ngày")]
    [InlineData(7, 5, "5–7 ngày")]
    [InlineData(14, 8, "8–14 ngày")]
    [InlineData(15, 15, "15–30 ngày")]
    [InlineData(45, 31, "trên 30 ngày")]
    public void Of_a_length_of_stay_gives_its_band_and_Text_reads_it(int? days, int band, string text)
    {
        Assert.Equal(band, StayBand.Of(days));
        Assert.Equal(text, StayBand.Text(band));
    }

    [Fact]
    public void Sql_on_duckdb_gives_the_same_band_as_Of_for_every_length()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT d, {StayBand.Sql("d")} FROM (SELECT CAST(range AS INTEGER) AS d FROM range(0, 61) UNION ALL SELECT NULL) t ORDER BY d NULLS FIRST";
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            int? days = reader.IsDBNull(0) ? null : reader.GetInt32(0);
            Assert.Equal(StayBand.Of(days), reader.GetInt32(1));
            rows++;
        }
        Assert.Equal(62, rows);
    }
}
