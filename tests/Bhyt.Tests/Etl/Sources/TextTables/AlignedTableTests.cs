using System.Text;
using Bhyt.Etl.Sources;
using static Bhyt.Tests.Etl.Sources.RawDocumentDump;

namespace Bhyt.Tests.Etl.Sources.TextTables;

/// <summary>Space-aligned tables (OCR'd text, <c>pdftotext -layout</c>) rebuilt into rows by the text reader.</summary>
public sealed class AlignedTableTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Read_plan_with_header_split_over_lines_gives_group_row_and_joined_column_headers()
    {
        var document = Read("ke-hoach.txt",
            "UBND HUYỆN ĐÔNG SƠN",
            "Biểu 1. Chỉ tiêu phát triển người tham gia BHYT",
            "",
            "                                   Thực hiện           Chỉ tiêu giai đoạn 2021-2025",
            " TT  Chỉ tiêu                      năm 2020      Năm      Năm      Năm      Năm      Năm",
            "                                                2021     2022     2023     2024     2025",
            " 1   Số người tham gia BHYT         112 345  115 000  118 000  120 500  123 000  125 000",
            " 2   Tỷ lệ bao phủ BHYT (%)            88,5     90,1     91,0     92,0     93,0     95,0",
            " 3   Số người tham gia BHYT hộ       21 406   22 000   22 500   23 000   23 500   24 000",
            "     gia đình",
            "",
            "Nguồn: Kế hoạch số 45/KH-UBND ngày 10/3/2021.");

        const string group = "Chỉ tiêu giai đoạn 2021-2025";
        Assert.Equal(
        [
            P(1, "UBND HUYỆN ĐÔNG SƠN"),
            P(2, "Biểu 1. Chỉ tiêu phát triển người tham gia BHYT"),
            P(12, "Nguồn: Kế hoạch số 45/KH-UBND ngày 10/3/2021."),
            T(0, "Biểu 1. Chỉ tiêu phát triển người tham gia BHYT"),
            R(4, "TT", "Chỉ tiêu", "Thực hiện năm 2020", group, group, group, group, group),
            R(6, "TT", "Chỉ tiêu", "Thực hiện năm 2020", "Năm 2021", "Năm 2022", "Năm 2023", "Năm 2024", "Năm 2025"),
            R(7, "1", "Số người tham gia BHYT", "112 345", "115 000", "118 000", "120 500", "123 000", "125 000"),
            R(8, "2", "Tỷ lệ bao phủ BHYT (%)", "88,5", "90,1", "91,0", "92,0", "93,0", "95,0"),
            R(9, "3", "Số người tham gia BHYT hộ gia đình", "21 406", "22 000", "22 500", "23 000", "23 500", "24 000"),
        ], Lines(document));
        Assert.Equal("aligned", document.Tables[0].Layout);
    }

    [Fact]
    public void Read_ocr_text_with_space_grouped_thousands_keeps_each_number_in_its_column()
    {
        var document = Read("ocr-xa.txt",
            "PHU LUC 2: KET QUA BAO PHU BHYT CAC XA NAM 2023",
            "STT   Don vi                   Dan so   So nguoi tham gia   Ty le (%)",
            "1     Xa Dong Tien          1 234 567           1 1O2 345       89,3O",
            "2     Xa Dong Hoa             987 654            901  234       91,25",
            "3     Thi tran Rung Thong      45 210              44 9O1       99,32",
            "      Cong                  2 267 431           2 048 480       90,33",
            "Luot xem: 2.481");

        Assert.Equal(
        [
            P(1, "PHU LUC 2: KET QUA BAO PHU BHYT CAC XA NAM 2023"),
            P(7, "Luot xem: 2.481"),
            T(0, "PHU LUC 2: KET QUA BAO PHU BHYT CAC XA NAM 2023"),
            R(2, "STT", "Don vi", "Dan so", "So nguoi tham gia", "Ty le (%)"),
            R(3, "1", "Xa Dong Tien", "1 234 567", "1 1O2 345", "89,3O"),
            R(4, "2", "Xa Dong Hoa", "987 654", "901 234", "91,25"),
            R(5, "3", "Thi tran Rung Thong", "45 210", "44 9O1", "99,32"),
            R(6, "", "Cong", "2 267 431", "2 048 480", "90,33"),
        ], Lines(document));
    }

    [Fact]
    public void Read_justified_prose_with_double_spaces_finds_no_table()
    {
        var document = Read("van-ban.txt",
            "Năm 2023  toàn huyện  có 95.120 người tham gia BHYT,  đạt 91,2%  dân số,  tăng 1,1%",
            "so với năm 2022.  Tuy nhiên  một số xã  còn thấp  như xã Yên Lạc  chỉ đạt 85%.");

        Assert.Empty(document.Tables);
    }

    private RawDocument Read(string name, params string[] lines) =>
        new TextDocumentReader().Read(_folder.Write(name, Encoding.UTF8.GetBytes(string.Join("\n", lines))));
}
