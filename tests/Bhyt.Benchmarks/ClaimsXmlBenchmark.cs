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
/// XML2 + XML3 base64 or inline, QĐ 130 and QĐ 4210 claims mixed): a bare streaming pass (XmlReader over every node, every NOIDUNGFILE base64-decoded into a
/// nested XmlReader over every node — nothing else), the claims reader alone, and <c>bhyt import</c> end to end into
/// DuckDB. Each phase runs in a child process so that its peak resident memory (VmHWM) is its own.
/// </summary>
public static class ClaimsXmlBenchmark
{
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
                $"{Environment.ProcessorCount} cores; {runs} runs each (median)"));
            var bare = Median(runs, () => Child("bare", folder));
            var read = Median(runs, () => Child("read", folder));
            var import = Median(runs, () => Child("import", folder));
            var zipped = Median(runs, () => Child("import-zip", folder));
            Print("bare pass (XmlReader + base64)", claims, megabytes, bare);
            Print("ClaimsXmlReader (no warehouse)", claims, megabytes, read);
            Print($"bhyt import, one file at a time", claims, megabytes, import);
            Print("bhyt import of one .zip of them", claims, megabytes, zipped);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratios to the bare pass: import {bare.Seconds / import.Seconds:P0}, import of the .zip {bare.Seconds / zipped.Seconds:P0}, reader {bare.Seconds / read.Seconds:P0}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One phase in this process (called in the child): prints "seconds peak_kib".</summary>
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
            var clock = Stopwatch.StartNew();
            long claims = 0;
            foreach (var file in files)
                claims += phase switch
                {
                    "bare" => BarePass(file),
                    "read" => ReadOnly(file),
                    _ => await ImportAsync(service!, file),
                };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds} {PeakKib()} {claims}"));
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

    private static long ReadOnly(string file)
    {
        var reader = new ClaimsXmlReader(new CardPseudonymizer(new byte[32]));
        reader.RowBound(file);
        var pool = new Stack<ClaimBatch>();
        long claims = 0;
        foreach (var batch in reader.Read(file, () => pool.TryPop(out var b) ? b : new ClaimBatch()))
        {
            claims += batch.Count;
            batch.Clear();
            pool.Push(batch);
        }
        return reader.ErrorCount == 0 ? claims : throw new InvalidOperationException(reader.Errors[0].Message);
    }

    /// <summary>The bytes of a UTF-8 BOM, CR, LF, space and tab.</summary>
    private static readonly byte[] LeadingBlank = [0xEF, 0xBB, 0xBF, (byte)'\r', (byte)'\n', (byte)' ', (byte)'\t'];

    // The reference: what any streaming reader of these files must do at least.
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

    private static (double Seconds, long PeakKib) Median(int runs, Func<(double, long)> run)
    {
        var results = Enumerable.Range(0, runs).Select(_ => run()).OrderBy(r => r.Item1).ToList();
        return results[results.Count / 2];
    }

    private static (double, long) Child(string phase, string folder)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") info.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        foreach (var arg in new[] { "claimsxml-phase", phase, folder }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd().Trim().Split('\n')[^1].Split(' ');
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"phase {phase} failed: {string.Join(' ', output)}");
        return (double.Parse(output[0], CultureInfo.InvariantCulture), long.Parse(output[1], CultureInfo.InvariantCulture));
    }

    private static long PeakKib() => System.IO.File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:"))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault();

    private static void Print(string name, long claims, double megabytes, (double Seconds, long PeakKib) r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {r.Seconds,8:N1} s  {claims / r.Seconds,10:N0} claims/s  {megabytes / r.Seconds,7:N1} MB/s  peak RSS {r.PeakKib / 1024.0,7:N0} MiB"));
}
