using Bhyt.Etl.Sources.Ocr;

namespace Bhyt.Tests.Etl.Sources.Ocr;

public class TesseractTsvTests
{
    private const string Tsv = """
        level	page_num	block_num	par_num	line_num	word_num	left	top	width	height	conf	text
        1	1	0	0	0	0	0	0	2480	3508	-1	
        4	1	1	1	1	0	300	600	1800	50	-1	
        5	1	1	1	1	1	300	600	200	50	96.5	Xã
        5	1	1	1	1	2	1200	600	300	50	88.25	1.234.567
        5	1	1	1	1	3	1600	600	20	50	12	|
        5	1	1	1	1	4	1800	600	200	50	91	:88,75%
        5	1	1	1	1	5	2100	600	40	50	70	-
        5	1	1	1	1	6	2200	640	40	3	30	-
        """;

    [Fact]
    public void ToPageContent_words_in_points_with_confidence_and_without_rulings_or_specks()
    {
        var page = TesseractTsv.Parse(Tsv).Single();

        var content = TesseractTsv.ToPageContent(page, 3, 72.0 / 300);

        Assert.Equal(["Xã", "1.234.567", "88,75%", "-"], content.Words.Select(w => w.Text));
        var number = content.Words[1];
        Assert.Equal((3, 288.0, 144.0, 360.0, 156.0, 88.25), (number.Page, number.Left, number.Top, number.Right, number.Bottom, number.Confidence!.Value));
        Assert.Equal(595.2, content.Width, 1);
    }
}
