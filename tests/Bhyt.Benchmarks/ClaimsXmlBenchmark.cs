using System.Diagnostics;
using System.Globalization;
using System.Xml;
using Bhyt.Etl.Generation;
using Bhyt.Etl.Generation.ClaimsXml;
using Bhyt.Etl.Import;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Sources.Claims;
using Bhyt.Etl.Sources.Claims.Xml;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Benchmarks;

/// <summary>
/// Claims XML ingest on the batch envelopes of <c>bhyt generate --format xml</c> (10,000 HOSO a file by default, XML1 +
/// XML2 + XML3 base64 or inline, QĐ 130 and QĐ 4210 claims mixed), each phase in its own child process so that its peak resident memory (VmHWM) and CPU time are
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
        ("read-details-xmlreader", "same, all by XmlReader (before)"),
        ("import", "bhyt import, one file at a time"),
        ("import-zip", "bhyt import of one .zip of them"),
    ];

    public static void Run(int requested, int runs, int claimsPerFile = 10_000)
    {
        var folder = Directory.CreateTempSubdirectory("bhyt-claimsxml-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            var claims = Generate(folder, requested, claimsPerFile);
            var megabytes = Batches(folder).Sum(f => new FileInfo(f).Length) / 1048576.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"claims XML: {claims:N0} claims in {Batches(folder).Length} envelopes, {megabytes:N0} MB (generated in {clock.Elapsed.TotalSeconds:N0} s); " +
                $"{Environment.ProcessorCount} cores; {runs} rounds (median); load average {LoadAverage()}"));
            var results = Phases.ToDictionary(p => p.Phase, _ => new List<PhaseResult>());
            for (var round = 0; round < runs; round++)
                foreach (var (phase, _) in Phases)
                    results[phase].Add(Child(phase, folder));
            var median = results.ToDictionary(r => r.Key, r => r.Value.OrderBy(x => x.Seconds).ElementAt(r.Value.Count / 2));
            foreach (var (phase, name) in Phases) Print(name, claims, megabytes, median[phase]);
            var bare = median["bare"].Seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratios to the bare pass (claims/s): reader {bare / median["read"].Seconds:P0}, reader + details {bare / median["read-details"].Seconds:P0} " +
                $"(all by XmlReader {bare / median["read-details-xmlreader"].Seconds:P0}), " +
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
        var files = Batches(folder).Order(StringComparer.Ordinal).ToList();
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
                    "read-details-xmlreader" => ReadOnly(file, details: true, fastInner: false),
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

    private static long ReadOnly(string file, bool details, bool fastInner = true)
    {
        long lines = 0;
        var reader = new ClaimsXmlReader(new CardPseudonymizer(new byte[32])) { Details = details ? _ => lines++ : null, FastScanning = fastInner };
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
        if (fastInner && reader.EnvelopesReread > 0) Console.Error.WriteLine($"{file}: the span scanner gave up, read again by XmlReader");
        return reader.ErrorCount == 0 ? claims : throw new InvalidOperationException(reader.Errors[0].Message);
    }

    /// <summary>The bytes of a UTF-8 BOM, CR, LF, space and tab.</summary>
    private static readonly byte[] LeadingBlank = [0xEF, 0xBB, 0xBF, (byte)'\r', (byte)'\n', (byte)' ', (byte)'\t'];

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
            if (reader.LocalName != "NOIDUNGFILE" || reader.IsEmptyElement) continue;
            reader.Read();
            if (reader.NodeType != XmlNodeType.Text) continue; // inline content: its nodes are read by this loop
            using var decoded = new MemoryStream();
            for (int n; (n = reader.ReadContentAsBase64(buffer, 0, buffer.Length)) > 0;) decoded.Write(buffer, 0, n);
            // What real decoded documents put before their declaration (BOM, CR/LF) has to be stepped over by any reader.
            decoded.Position = Math.Max(0, decoded.GetBuffer().AsSpan(0, (int)decoded.Length).IndexOfAnyExcept(LeadingBlank));
            using var inner = XmlReader.Create(decoded, settings);
            while (inner.Read()) { }
        }
        return hosos;
    }

    /// <summary>
    /// The province generator's claims as XML (<c>bhyt generate --format xml</c>): the batch envelopes are measured; its
    /// one-claim files and zips are left aside. Returns the claims in the batches.
    /// </summary>
    private static long Generate(string folder, int claims, int claimsPerFile)
    {
        var summary = SyntheticDataGenerator.Run(new GenerationOptions(folder, "province", 2009, 2024, claims, 42, Format: GenerationOptions.Xml,
            ClaimsPerFile: claimsPerFile), TextWriter.Null);
        return summary.Rows.Where(r => r.Key.StartsWith(ClaimsXmlOutput.BatchPrefix, StringComparison.Ordinal)).Sum(r => r.Value);
    }

    private static string[] Batches(string folder) => Directory.GetFiles(folder, ClaimsXmlOutput.BatchPrefix + "*.xml");

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
