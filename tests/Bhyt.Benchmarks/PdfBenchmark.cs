using System.Diagnostics;
using System.Globalization;
using Bhyt.Etl.Sources.Pdf;
using Bhyt.Tests.Etl.Sources.Pdf;

namespace Bhyt.Benchmarks;

/// <summary>
/// Reads a generated text PDF of <c>pages</c> pages of annex tables (ruled and borderless in turn, 40 rows each) through
/// <see cref="PdfDocumentReader"/>: pages per second, seconds and peak working set. Target: 100 pages ≤ 5 s, &lt; 1 GiB.
/// </summary>
public static class PdfBenchmark
{
    public static void Run(int pages)
    {
        var folder = Directory.CreateTempSubdirectory("bhyt-pdf-bench-").FullName;
        try
        {
            var path = Path.Combine(folder, "phu_luc.pdf");
            Write(path, pages);
            var clock = Stopwatch.StartNew();
            var text = PdfDocumentReader.ReadPages(path);
            var layer = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var document = Bhyt.Etl.Sources.Layout.WordTables.Build(Path.GetFileName(path), text.Pages);
            var seconds = layer + clock.Elapsed.TotalSeconds;
            var rows = document.Tables.Sum(t => t.Rows.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pdf read ({pages} pages, {document.Tables.Count} tables, {rows} rows)  {seconds:N2} s (text layer {layer:N2} s)  {pages / seconds:N1} pages/s  " +
                $"peak_ws={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Write(string path, int pages)
    {
        var random = new Random(15);
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var pdf = new PdfBuilder(9);
        string?[][] header = [["STT", "Xã, phường, thị trấn", "Năm 2023", null, "Năm 2024", null], ["^", "^", "Số người", "Tỷ lệ (%)", "Số người", "Tỷ lệ (%)"]];
        for (var p = 0; p < pages; p++)
        {
            if (p > 0) pdf.NewPage();
            pdf.Paragraph($"Biểu {p + 1}. Người tham gia bảo hiểm y tế theo xã, huyện số {p + 1}");
            var body = Enumerable.Range(1, 40).Select(i => (string?[])[$"{i}", $"Xã Phú Lộc {p}-{i}", random.Next(1_000, 90_000).ToString("N0", vi),
                (80 + random.NextDouble() * 20).ToString("0.00", vi), random.Next(1_000, 90_000).ToString("N0", vi), (80 + random.NextDouble() * 20).ToString("0.00", vi)]).ToList();
            pdf.Table([30, 150, 80, 70, 80, 70], header, body, ruled: p % 2 == 0);
        }
        pdf.Save(path);
    }
}
