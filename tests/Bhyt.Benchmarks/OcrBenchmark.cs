using System.Diagnostics;
using Bhyt.Etl.Sources.Ocr;
using Bhyt.Tests.Etl.Sources.Ocr;

namespace Bhyt.Benchmarks;

/// <summary>
/// A scanned PDF of <c>pages</c> table pages (drawn, rasterised at 300 dpi, tilted, specked, gathered as images) read
/// end to end by <see cref="OcrDocumentReader"/>: seconds, pages per second, and peak memory of this process and of
/// the OCR programs (the children's peak is the kernel's RUSAGE_CHILDREN maximum, read through /usr/bin/time on Linux
/// when available — otherwise only this process's own peak is printed).
/// </summary>
public static class OcrBenchmark
{
    public static void Run(int pages)
    {
        var folder = Directory.CreateTempSubdirectory("bhyt-ocr-bench-").FullName;
        try
        {
            var scan = MakeScan(folder, pages);
            Console.WriteLine($"OCR benchmark — {pages}-page scanned PDF, {Environment.ProcessorCount} cores");
            var watch = Stopwatch.StartNew();
            var document = new OcrDocumentReader().ReadScannedPdf(scan);
            var seconds = watch.Elapsed.TotalSeconds;
            var cells = document.Tables.Sum(t => t.Rows.Sum(r => r.Cells.Count));
            Console.WriteLine($"  read: {seconds:0.0} s, {pages / seconds:0.00} pages/s, {document.Tables.Count} tables, {cells} cells");
            Console.WriteLine($"  peak RSS: this process {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB; " +
                              $"largest child {ChildPeakMiB():0} MiB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string MakeScan(string folder, int pages)
    {
        var random = new Random(15);
        var pdf = new TablePdf();
        for (var p = 0; p < pages; p++)
        {
            var rows = new List<IReadOnlyList<string>> { new[] { "TT", "Đơn vị", "Người tham gia", "Dân số", "Tỷ lệ (%)" } };
            for (var r = 1; r <= 25; r++)
            {
                var people = random.Next(20_000, 2_000_000);
                var population = (int)(people / (0.8 + random.NextDouble() * 0.19));
                rows.Add([r.ToString(), $"Huyện số {p * 25 + r}", people.ToString("N0", Vi), population.ToString("N0", Vi), (100.0 * people / population).ToString("0.00", Vi) + "%"]);
            }
            pdf.Page([$"PHỤ LỤC 4 — trang {p + 1}", "Tỷ lệ bao phủ BHYT"], rows, 30, 170, 120, 120, 80);
        }
        var clean = pdf.Save(Path.Combine(folder, "clean.pdf"));
        var images = ScanImage.Rasterise(clean, 300)
            .Select((page, i) => page.Rotate(i % 2 == 0 ? 1.2 : -0.8).Noise(0.003, i).SavePng(Path.Combine(folder, $"page{i}.png")))
            .ToList();
        return ScanImage.SaveScannedPdf(Path.Combine(folder, "scan.pdf"), images);
    }

    private static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The largest resident set of any waited-for child (getrusage RUSAGE_CHILDREN, ru_maxrss in KiB).</summary>
    private static double ChildPeakMiB()
    {
        var usage = new long[18];
        return GetRusage(-1, usage) == 0 ? usage[4] / 1024.0 : double.NaN;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, long[] usage);
}
