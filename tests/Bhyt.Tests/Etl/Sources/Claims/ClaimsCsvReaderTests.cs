using System.Text;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Sources.Claims;

namespace Bhyt.Tests.Etl.Sources.Claims;

public class ClaimsCsvReaderTests
{
    private const string Header = "MA_LK,MA_THE,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,SO_NGAY_DTRI,MA_BENH,T_TONGCHI,T_BHTT,T_THUOC,NGAY_SINH,GHI_CHU";

    /// <summary>
    /// A 4210 export of a few hundred claims: mostly valid, with a bad date, a negative amount, an unknown visit type, a
    /// future birth date, blank lines and notes holding quoted separators and line breaks, spread across the file.
    /// </summary>
    private static string Claims(int rows)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        for (var i = 1; i <= rows; i++)
        {
            var (admitted, total, type, birth) = (i % 97, i % 89, i % 83, i % 79) switch
            {
                (0, _, _, _) => ("2024-13-01", "250000", "1", "19800101"),
                (_, 0, _, _) => ("202403010800", "-5", "1", "19800101"),
                (_, _, 0, _) => ("202403010800", "250000", "7", "19800101"),
                (_, _, _, 0) => ("202403010800", "250000", "3", "20990101"),
                // A decimal comma in a comma-separated file is quoted: unquoted, it would be a field too many (csv.fields).
                _ => ($"2024030{1 + i % 9}0800", $"\"{250000 + i},50\"", (1 + i % 3).ToString(), "1980"),
            };
            var note = i % 7 == 0 ? $"\"ghi chú, dòng {i}\r\n\"\"tiếp\"\"\"" : "";
            text.Append($"LK{i},GD47979321{i:00000},68001,{type},{admitted},,,J18,{total},,1000,{birth},{note}\r\n");
            if (i % 50 == 0) text.Append("\r\n");
        }
        return text.ToString();
    }

    private static (List<string> Rows, List<string> Issues) Read(string path, int chunkSize)
    {
        var reader = new ClaimsCsvReader(new CardPseudonymizer(new byte[32]), chunkSize);
        var rows = reader.Read(path, () => new ClaimBatch())
            .SelectMany(b => b.Rows.Take(b.Count).Select(r =>
                $"{r.SourceRow} {Encoding.UTF8.GetString(b.Text(r.ClaimId))} {Encoding.UTF8.GetString(b.Text(r.CardPseudonym))} {r.VisitType} {r.AdmittedAt:O} {r.TotalCost} {r.AgeBand}"))
            .ToList();
        var issues = reader.Errors.Concat(reader.Warnings).Select(e => $"{e.Severity} {e.Rule} {e.Location} {e.Message}").ToList();
        issues.Add($"read {reader.RowsRead}, errors {reader.ErrorCount}, warnings {reader.WarningCount}");
        return (rows, issues);
    }

    [Fact]
    public void Read_in_small_chunks_gives_the_rows_and_issues_of_one_chunk()
    {
        using var folder = new TempFolder();
        var path = folder.Write("claims.csv", Encoding.UTF8.GetBytes(Claims(600)));

        var whole = Read(path, chunkSize: 1 << 20);
        var chunked = Read(path, chunkSize: 300);

        Assert.Equal(whole.Rows, chunked.Rows);
        Assert.Equal(whole.Issues, chunked.Issues);
        Assert.Contains(whole.Issues, i => i.Contains("claim.date") && i.Contains("dòng "));
        Assert.True(whole.Rows.Count > 500);
    }

    [Fact]
    public void Read_error_names_the_file_row_after_blank_lines_and_quoted_line_breaks_in_earlier_chunks()
    {
        using var folder = new TempFolder();
        var content = Header + "\n" + "LK1,GD4797932176423,68001,1,202403010800,,,J18,1000,,,,\"a\nb\"\n\n\n"
            + string.Concat(Enumerable.Range(2, 40).Select(i => $"LK{i},GD4797932176423,68001,1,202403010800,,,J18,1000,,,,\n"))
            + "LK99,GD4797932176423,68001,1,2024-13-01,,,J18,1000,,,,\n";
        var path = folder.Write("claims.csv", Encoding.UTF8.GetBytes(content));

        var (_, issues) = Read(path, chunkSize: 64);

        // Header 1, LK1 2 (its quoted line break is not a row), two blank lines 3–4, LK2..LK41 5–44, LK99 45.
        Assert.Contains(issues, i => i.StartsWith("error claim.date dòng 45, cột NGAY_VAO", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_residence_is_MATINH_CU_TRU_or_else_the_province_that_issued_the_card()
    {
        using var folder = new TempFolder();
        var path = folder.Write("claims.csv", Encoding.UTF8.GetBytes("""
            MA_LK,MA_THE,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,T_TONGCHI,MATINH_CU_TRU
            A,HT2792397645941,68001,1,202403010800,1000,
            B,GD4010000090001,68001,1,202403010800,1000,68
            C,12345,68001,1,202403010800,1000,

            """.Replace("\n", "\r\n")));
        var reader = new ClaimsCsvReader(new CardPseudonymizer(new byte[32]));

        var provinces = reader.Read(path, () => new ClaimBatch())
            .SelectMany(b => b.Rows.Take(b.Count).Select(r => r.ResidenceProvince.IsNull ? null : Encoding.UTF8.GetString(b.Text(r.ResidenceProvince))))
            .ToList();

        Assert.Empty(reader.Errors);
        Assert.Equal(["79", "68", null], provinces);
    }
}
