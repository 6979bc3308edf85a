using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml;
using Bhyt.Etl.Import;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Sources.Claims;
using Bhyt.Etl.Sources.Claims.Xml;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Benchmarks;

/// <summary>
/// Claims XML ingest on generated batch envelopes (10,000 HOSO a file by default, XML1 + XML2 + XML3 in base64, QĐ 130 and
/// QĐ 4210 claims mixed), each phase in its own child process so that its peak resident memory (VmHWM) and CPU time are
/// its own: the bare streaming pass of the issue (one thread: XmlReader over every node, every NOIDUNGFILE
/// base64-decoded and read by a nested XmlReader — nothing else), the claims reader alone (XML1 only, and with a detail
/// sink so XML2/XML3 are parsed too), and <c>bhyt import</c> end to end into DuckDB (one file at a time, and one .zip).
/// Rounds interleave the phases, so a change of load on the shared machine touches them all; ratios are taken to the
/// bare pass of the same run.
/// </summary>
public static class ClaimsXmlBenchmark
{
    private static readonly (string Phase, string Name)[] Phases =
    [
        ("bare", "bare pass (1 thread, XmlReader + base64)"),
        ("read", "ClaimsXmlReader, XML1 only"),
        ("read-details", "ClaimsXmlReader + XML2/XML3 sink"),
        ("import", "bhyt import, one file at a time"),
        ("import-zip", "bhyt import of one .zip of them"),
    ];

    public static void Run(int claims, int runs, int claimsPerFile = 10_000)
    {
        var folder = Directory.CreateTempSubdirectory("bhyt-claimsxml-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            Generate(folder, claims, claimsPerFile);
            var megabytes = Directory.GetFiles(folder, "*.xml").Sum(f => new FileInfo(f).Length) / 1048576.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"claims XML: {claims:N0} claims in {Directory.GetFiles(folder, "*.xml").Length} envelopes, {megabytes:N0} MB (generated in {clock.Elapsed.TotalSeconds:N0} s); " +
                $"{Environment.ProcessorCount} cores; {runs} rounds (median); load average {LoadAverage()}"));
            var results = Phases.ToDictionary(p => p.Phase, _ => new List<PhaseResult>());
            for (var round = 0; round < runs; round++)
                foreach (var (phase, _) in Phases)
                    results[phase].Add(Child(phase, folder));
            var median = results.ToDictionary(r => r.Key, r => r.Value.OrderBy(x => x.Seconds).ElementAt(r.Value.Count / 2));
            foreach (var (phase, name) in Phases) Print(name, claims, megabytes, median[phase]);
            var bare = median["bare"].Seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratios to the bare pass (claims/s): reader {bare / median["read"].Seconds:P0}, reader + details {bare / median["read-details"].Seconds:P0}, " +
                $"import {bare / median["import"].Seconds:P0}, import of the .zip {bare / median["import-zip"].Seconds:P0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bare pass: {megabytes / bare:N0} MB/s, {median["bare"].CpuSeconds * 1e6 / claims:N1} µs CPU a claim; load average at the end {LoadAverage()}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One phase in this process (called in the child): prints "seconds peak_kib claims cpu_seconds".</summary>
    public static async Task PhaseAsync(string phase, string folder)
    {
        var files = Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).ToList();
        var warehouse = Path.Combine(folder, $"bench-{Environment.ProcessId}.duckdb");
        try
        {
            ImportService? service = null;
            if (phase.StartsWith("import", StringComparison.Ordinal))
            {
                var engine = WarehouseEngine.For(WarehouseTarget.Parse(warehouse));
                await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
                service = await ImportService.CreateAsync(engine, CancellationToken.None);
                await service.ImportAsync(Path.Combine(folder, "facilities.csv"), new ImportOptions(ImportKinds.Facilities), null, CancellationToken.None);
            }
            if (phase == "import-zip")
            {
                var zip = Path.Combine(folder, $"bench-{Environment.ProcessId}.zip");
                using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
                    foreach (var file in files)
                        System.IO.Compression.ZipFileExtensions.CreateEntryFromFile(archive, file, Path.GetFileName(file), System.IO.Compression.CompressionLevel.Fastest);
                (files, phase) = ([zip], "import");
            }
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            long claims = 0;
            foreach (var file in files)
                claims += phase switch
                {
                    "bare" => BarePass(file),
                    "read" => ReadOnly(file, details: false),
                    "read-details" => ReadOnly(file, details: true),
                    _ => await ImportAsync(service!, file),
                };
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds} {PeakKib()} {claims} {cpuSeconds}"));
        }
        finally
        {
            foreach (var file in Directory.GetFiles(folder, $"bench-{Environment.ProcessId}*")) System.IO.File.Delete(file);
        }
    }

    private static async Task<long> ImportAsync(ImportService service, string file)
    {
        var result = await service.ImportAsync(file, new ImportOptions(ImportKinds.Claims), null, CancellationToken.None);
        if (result.IsRejected) throw new InvalidOperationException(result.Issues.FirstOrDefault()?.Location + ": " + result.Issues.FirstOrDefault()?.Message);
        return result.Submission.RowsLoaded;
    }

    private static long ReadOnly(string file, bool details)
    {
        long lines = 0;
        var reader = new ClaimsXmlReader(new CardPseudonymizer(new byte[32])) { Details = details ? _ => lines++ : null };
        reader.RowBound(file);
        var pool = new Stack<ClaimBatch>();
        long claims = 0;
        foreach (var batch in reader.Read(file, () => pool.TryPop(out var b) ? b : new ClaimBatch()))
        {
            claims += batch.Count;
            batch.Clear();
            pool.Push(batch);
        }
        if (details && lines < claims) throw new InvalidOperationException($"{lines} detail lines for {claims} claims");
        return reader.ErrorCount == 0 ? claims : throw new InvalidOperationException(reader.Errors[0].Message);
    }

    // The reference of the issue: what any streaming reader of these files must do at least, on one thread.
    private static long BarePass(string file)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(file, settings);
        var buffer = new byte[16 * 1024];
        long hosos = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "HOSO") hosos++;
            if (reader.LocalName != "NOIDUNGFILE") continue;
            using var decoded = new MemoryStream();
            for (int n; (n = reader.ReadElementContentAsBase64(buffer, 0, buffer.Length)) > 0;) decoded.Write(buffer, 0, n);
            decoded.Position = 0;
            using var inner = XmlReader.Create(decoded, settings);
            while (inner.Read()) { }
        }
        return hosos;
    }

    private static void Generate(string folder, int claims, int claimsPerFile)
    {
        var facilities = new StringBuilder("MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code\n");
        for (var f = 0; f < 20; f++) facilities.Append(CultureInfo.InvariantCulture, $"680{f:00},Cơ sở {f},3,public,672\n");
        File.WriteAllText(Path.Combine(folder, "facilities.csv"), facilities.ToString());
        var random = new Random(42);
        for (var start = 0; start < claims; start += claimsPerFile)
        {
            using var writer = new StreamWriter(Path.Combine(folder, $"batch-{start / claimsPerFile:0000}.xml"), false, new UTF8Encoding(true));
            var count = Math.Min(claimsPerFile, claims - start);
            writer.Write($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<GIAMDINHHS><THONGTINDONVI><MACSKCB>68000</MACSKCB></THONGTINDONVI><THONGTINHOSO><NGAYLAP>20240402</NGAYLAP><SOLUONGHOSO>{count}</SOLUONGHOSO><DANHSACHHOSO>");
            for (var i = start; i < start + count; i++)
            {
                var id = $"LK{i:D9}";
                writer.Write("<HOSO>");
                WriteFile(writer, "XML1", Xml1(random, id, i));
                WriteFile(writer, "XML2", Details(random, id, "CHITIEU_CHITIET_THUOC", "DSACH_CHI_TIET_THUOC", "CHI_TIET_THUOC", "MA_THUOC", 3));
                WriteFile(writer, "XML3", Details(random, id, "CHITIEU_CHITIET_DVKT_VTYT", "DSACH_CHI_TIET_DVKT", "CHI_TIET_DVKT", "MA_DICH_VU", 4));
                writer.Write("</HOSO>\r\n");
            }
            writer.Write("</DANHSACHHOSO></THONGTINHOSO><CHUKYDONVI/></GIAMDINHHS>");
        }
    }

    private static void WriteFile(StreamWriter writer, string type, string xml) =>
        writer.Write($"<FILEHOSO><LOAIHOSO>{type}</LOAIHOSO><NOIDUNGFILE>{Convert.ToBase64String(Encoding.UTF8.GetBytes(xml))}</NOIDUNGFILE></FILEHOSO>");

    private static string Xml1(Random random, string id, int i)
    {
        var qd130 = i % 4 != 0;
        var day = 1 + random.Next(28);
        var total = 100_000 + random.Next(5_000_000);
        var drugs = total / 3;
        var money = (decimal)total + 0.5m;
        var text = qd130 ? money.ToString("0.00", CultureInfo.InvariantCulture) : money.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
        var type = random.Next(3) switch { 0 => "1", 1 => "2", _ => "3" };
        return "<TONG_HOP>" +
            $"<MA_LK>{id}</MA_LK><STT>1</STT><MA_BN>BN{i}</MA_BN><HO_TEN>Nguyễn Văn {i}</HO_TEN>" + (qd130 ? $"<SO_CCCD>0681{i:D8}</SO_CCCD>" : "") +
            $"<NGAY_SINH>{(qd130 ? "198001010000" : "19800101")}</NGAY_SINH><GIOI_TINH>{1 + i % 2}</GIOI_TINH><DIA_CHI>Thôn {i % 50}, Đức Trọng, Lâm Đồng</DIA_CHI>" +
            (qd130 ? "<MATINH_CU_TRU>68</MATINH_CU_TRU><MA_THE_BHYT>" : "<MA_THE>") + $"GD4{68 + i % 3:00}{i:D10}" + (qd130 ? "</MA_THE_BHYT>" : "</MA_THE>") +
            $"<MA_DKBD>680{i % 20:00}</MA_DKBD><GT_THE_TU>20240101</GT_THE_TU><GT_THE_DEN>20241231</GT_THE_DEN>" +
            (qd130 ? "<MA_BENH_CHINH>J18</MA_BENH_CHINH><MA_DOITUONG_KCB>1.1</MA_DOITUONG_KCB>" : "<MA_BENH>J18</MA_BENH><MA_LYDO_VVIEN>1</MA_LYDO_VVIEN>") +
            $"<NGAY_VAO>202403{day:00}0800</NGAY_VAO><NGAY_RA>202403{day:00}1100</NGAY_RA><SO_NGAY_DTRI>{(type == "3" ? 1 : 0)}</SO_NGAY_DTRI><KET_QUA_DTRI>1</KET_QUA_DTRI>" +
            $"<T_THUOC>{drugs}</T_THUOC><T_VTYT>0</T_VTYT>" +
            (qd130 ? $"<T_TONGCHI_BV>{text}</T_TONGCHI_BV><T_TONGCHI_BH>{text}</T_TONGCHI_BH>" : $"<T_TONGCHI>{text}</T_TONGCHI>") +
            $"<T_BNTT>0</T_BNTT><T_BNCCT>{total / 10}</T_BNCCT><T_BHTT>{total - total / 10}</T_BHTT><NAM_QT>2024</NAM_QT><THANG_QT>3</THANG_QT>" +
            $"<MA_LOAI_KCB>{(qd130 ? "0" + type : type)}</MA_LOAI_KCB><MA_KHOA>K01</MA_KHOA><MA_CSKCB>680{i % 20:00}</MA_CSKCB>" + (qd130 ? "" : "<MATINH_CU_TRU>68</MATINH_CU_TRU>") +
            "</TONG_HOP>";
    }

    private static string Details(Random random, string id, string root, string list, string item, string code, int lines)
    {
        var b = new StringBuilder($"<{root}><{list}>");
        for (var l = 1; l <= lines; l++)
            b.Append(CultureInfo.InvariantCulture,
                $"<{item}><MA_LK>{id}</MA_LK><STT>{l}</STT><{code}>40.{random.Next(1000)}</{code}><TEN>Mục {l}</TEN><SO_LUONG>{1 + random.Next(10)}</SO_LUONG>" +
                $"<DON_GIA>{1000 + random.Next(100000)}</DON_GIA><THANH_TIEN_BV>{random.Next(1000000)}</THANH_TIEN_BV><THANH_TIEN_BH>{random.Next(1000000)}</THANH_TIEN_BH>" +
                $"<NGAY_YL>202403010900</NGAY_YL></{item}>");
        return b.Append($"</{list}></{root}>").ToString();
    }

    private sealed record PhaseResult(double Seconds, long PeakKib, double CpuSeconds);

    private static PhaseResult Child(string phase, string folder)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") info.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        foreach (var arg in new[] { "claimsxml-phase", phase, folder }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd().Trim().Split('\n')[^1].Split(' ');
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"phase {phase} failed: {string.Join(' ', output)}");
        return new PhaseResult(double.Parse(output[0], CultureInfo.InvariantCulture), long.Parse(output[1], CultureInfo.InvariantCulture),
            double.Parse(output[3], CultureInfo.InvariantCulture));
    }

    private static long PeakKib() => System.IO.File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:"))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault();

    private static string LoadAverage() => System.IO.File.Exists("/proc/loadavg") ? string.Join(' ', System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";

    private static void Print(string name, long claims, double megabytes, PhaseResult r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-42} {r.Seconds,7:N1} s  {claims / r.Seconds,9:N0} claims/s  {megabytes / r.Seconds,6:N1} MB/s  " +
            $"CPU {r.CpuSeconds,6:N1} s ({r.CpuSeconds / r.Seconds,4:N2} cores, {r.CpuSeconds * 1e6 / claims,5:N1} µs a claim)  peak RSS {r.PeakKib / 1024.0,5:N0} MiB"));
}
