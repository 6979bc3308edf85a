using Bhyt.Dashboard.Charts;
using Bhyt.Warehouse.Queries;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bhyt.Etl.Generation;
using Bhyt.Etl.Import;
using Bhyt.Etl.Loading;
using Bhyt.Warehouse.Engines;
using CsvHelper;
using Dapper;

namespace Bhyt.Dashboard.SampleData;

/// <summary>What the first start loads (configuration section <c>Sample</c>).</summary>
public sealed record SampleDataOptions(bool Enabled = true, string Province = SampleDataOptions.DefaultProvince, long Claims = 300_000, int Seed = 2024)
{
    /// <summary>Kon Tum: a province none of the seed documents is about, so synthetic and real figures never mix.</summary>
    public const string DefaultProvince = "62";

    /// <summary>File-name prefix of every synthetic submission, for people reading the submissions list (pages recognise synthetic data by its source, <c>rpt.sources</c>).</summary>
    public const string SyntheticPrefix = "mo-phong-tinh-";

    /// <summary>File-name prefix of the published national figures, one file per source: <c>mau-cong-bo-&lt;source_id&gt;.csv</c>.</summary>
    public const string PublishedPrefix = "mau-cong-bo-";

    /// <summary>The id in <c>rpt.sources</c> of the synthetic dataset of <paramref name="province"/>.</summary>
    public static string SyntheticSourceId(string province) => SyntheticPrefix + province;
}

/// <summary>The state of the first start's sample load, shown as a banner while it runs.</summary>
public sealed class SampleLoadState
{
    private volatile string? _message;

    public string? Message => _message;
    public bool Running { get; private set; }

    public event Action? Changed;

    internal void Report(string? message, bool running)
    {
        _message = message;
        Running = running;
        Changed?.Invoke();
    }
}

/// <summary>
/// On the first start (a warehouse without any submission) loads, through the product's own import path:
/// the published national figures 2009–2024 (one file per source, every row as published, conflicts kept),
/// the figures read from the seed documents (bundled as submission CSV, figures only), and a generated
/// province-scale dataset for <see cref="SampleDataOptions.Province"/>, labelled synthetic in every file name.
/// </summary>
public sealed class SampleDataLoader(IWarehouseEngine engine, SampleDataOptions options, SampleLoadState state, ILogger<SampleDataLoader> log)
{
    public static string DataFolder => Path.Combine(AppContext.BaseDirectory, "SampleData", "Data");

    public async Task LoadIfEmptyAsync(CancellationToken ct)
    {
        if (!options.Enabled) { Console.WriteLine("Không nạp dữ liệu mẫu (Sample:Enabled=false)."); return; }
        await using (var connection = await engine.OpenAsync(ct))
        {
            var submissions = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM rpt.submissions", cancellationToken: ct));
            if (submissions > 0) { Console.WriteLine("Không nạp dữ liệu mẫu: kho đã có báo cáo."); return; }
        }

        var clock = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("bhyt-mau-").FullName;
        try
        {
            Step("Đang chuẩn bị số liệu toàn quốc đã công bố…");
            var publications = FigureSource.ReadPublications(Path.Combine(DataFolder, "national_sources.csv"));
            var files = new List<(string Path, string SourceId)>(WriteNationalFigures(folder, publications));
            var sources = publications.ToList();
            foreach (var seed in Directory.GetFiles(DataFolder, "seed_*_figures.csv").Order(StringComparer.Ordinal))
            {
                var target = Path.Combine(folder, "mau-tai-lieu-" + Path.GetFileName(seed));
                File.Copy(seed, target);
                var id = "tai-lieu-" + Path.GetFileNameWithoutExtension(seed);
                sources.Add(new FigureSource(id, FigureSource.Document, $"Tài liệu của địa phương (số liệu trích từ {Path.GetFileName(seed)})",
                    Note: "Số liệu đọc từ tài liệu mẫu của địa phương bằng bộ trích xuất của BhytAnalytics."));
                files.Add((target, id));
            }

            Step($"Đang tạo dữ liệu mô phỏng tỉnh mã {options.Province} ({options.Claims.ToString("N0", Format.Vi)} hồ sơ KCB)…");
            var generated = Path.Combine(folder, "generated");
            await Task.Run(() => SyntheticDataGenerator.Run(
                new GenerationOptions(generated, "province", 2009, 2024, options.Claims, options.Seed, options.Province), TextWriter.Null), ct);
            var syntheticId = SampleDataOptions.SyntheticSourceId(options.Province);
            sources.Add(new FigureSource(syntheticId, FigureSource.Synthetic, $"Dữ liệu mô phỏng (tổng hợp) tỉnh mã {options.Province}",
                "BhytAnalytics (bhyt generate)", UnitCode: options.Province,
                Note: $"Sinh bởi bhyt generate --scale province --province {options.Province} --claims {options.Claims} --seed {options.Seed}; không phải số liệu thật."));
            var synthetic = ImportService.ExpandPaths([generated])
                .Select(f =>
                {
                    var target = Path.Combine(folder, $"{SampleDataOptions.SyntheticPrefix}{options.Province}-{Path.GetFileName(f)}");
                    File.Move(f, target);
                    return (Path: target, SourceId: syntheticId);
                }).ToList();

            await new SourceStore(engine).SaveAsync(sources, ct);
            var import = await ImportService.CreateAsync(engine, ct);
            var all = files.Concat(synthetic).ToList();
            for (var i = 0; i < all.Count; i++)
            {
                Step($"Đang nạp dữ liệu mẫu {i + 1}/{all.Count}: {Path.GetFileName(all[i].Path)}");
                var result = await import.ImportAsync(all[i].Path, new ImportOptions(SourceId: all[i].SourceId), null, ct);
                log.LogInformation("Sample {Line}", result.SummaryLine);
                if (result.IsRejected) log.LogWarning("Sample file {File} was rejected: {Issues}", all[i].Path, string.Join("; ", result.Issues.Take(3).Select(x => x.Message)));
            }
            var done = $"Dữ liệu mẫu đã nạp: {all.Count} tệp ({synthetic.Count} tệp mô phỏng tỉnh mã {options.Province}) trong {clock.Elapsed.TotalSeconds.ToString("0.0", Format.Vi)} s.";
            Console.WriteLine(done);
            state.Report(null, false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Sample data load failed");
            Console.WriteLine("Không nạp dữ liệu mẫu: " + e.Message);
            state.Report("Nạp dữ liệu mẫu thất bại: " + e.Message, false);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }

        void Step(string message)
        {
            Console.WriteLine(message);
            state.Report(message, true);
        }
    }

    /// <summary>
    /// One submission CSV per source of <c>national_figures.csv</c>, imported naming that source (so each figure's
    /// source is its submission's, <c>rpt.sources</c>), rows as published, in the order the sources were published: where two sources disagree both are
    /// loaded and the later publication is current.
    /// </summary>
    private static IEnumerable<(string Path, string SourceId)> WriteNationalFigures(string folder, IReadOnlyList<FigureSource> publications)
    {
        using var reader = new CsvReader(new StreamReader(Path.Combine(DataFolder, "national_figures.csv"), Encoding.UTF8), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<NationalFigure>().ToList();
        var published = publications.ToDictionary(p => p.Id, p => p.PublishedKey);
        foreach (var source in rows.GroupBy(r => r.source_id).OrderBy(g => published.GetValueOrDefault(g.Key, ""), StringComparer.Ordinal).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, $"{SampleDataOptions.PublishedPrefix}{source.Key}.csv");
            using var writer = new CsvWriter(new StreamWriter(path, false, new UTF8Encoding(false)), CultureInfo.InvariantCulture);
            writer.WriteField("unit_code"); writer.WriteField("unit_name"); writer.WriteField("period"); writer.WriteField("indicator"); writer.WriteField("value"); writer.WriteField("value_kind");
            writer.NextRecord();
            foreach (var row in source)
            {
                writer.WriteField("VN"); writer.WriteField(""); writer.WriteField(row.period); writer.WriteField(row.indicator);
                writer.WriteField(decimal.Parse(row.value, CultureInfo.InvariantCulture).ToString(CultureInfo.GetCultureInfo("vi-VN"))); writer.WriteField(row.value_kind);
                writer.NextRecord();
            }
            yield return (path, source.Key);
        }
    }

    // Column names as in the published CSV.
#pragma warning disable IDE1006
    private sealed record NationalFigure(string indicator, string period, string value, string value_kind, string unit, string source_id, string quote, string notes);
#pragma warning restore IDE1006
}
