using Bhyt.Etl.Sources;
using Bhyt.Etl.Sources.Ocr;

namespace Bhyt.Tests.Etl.Sources.Ocr;

public class OcrConfidenceTests
{
    [Theory]
    [InlineData(59.9, true)]
    [InlineData(60, false)]
    [InlineData(96.5, false)]
    public void IsBelowFloor_ocr_cell_compares_with_the_floor(double confidence, bool below) =>
        Assert.Equal(below, OcrConfidence.IsBelowFloor(new CellBox(1, 0, 0, 10, 10, confidence)));

    [Fact]
    public void IsBelowFloor_cell_not_from_ocr_is_false()
    {
        Assert.False(OcrConfidence.IsBelowFloor(new CellBox(1, 0, 0, 10, 10)));
        Assert.False(OcrConfidence.IsBelowFloor(null));
    }
}
