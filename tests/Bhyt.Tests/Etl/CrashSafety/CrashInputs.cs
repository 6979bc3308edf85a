using Bhyt.Etl.Generation;
using Bhyt.Etl.Import;
using Bhyt.Tests.Etl.Sources;
using Bhyt.Tests.Etl.Sources.Claims.Xml;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Engines;
using static Bhyt.Tests.Etl.Sources.DocxBuilder;

namespace Bhyt.Tests.Etl.CrashSafety;

/// <summary>
/// The files the kill tests load, built once: generated claims (CSV) and submissions of one province, claims XML of a
/// facility of it, a Word and an Excel report; a template warehouse (initialised, facilities loaded) each test copies;
/// and the reference fingerprint of each file loaded cleanly into the template.
/// </summary>
public sealed class CrashInputs : IAsyncLifetime
{
    public const int ClaimRows = 4000;
    public const int SubmissionRows = 1500;

    public string Folder { get; } = Directory.CreateTempSubdirectory("bhyt-kill-").FullName;

    public string Template => Path.Combine(Folder, "template.duckdb");

    /// <summary>Each input by kind: claims CSV, claims XML, submission CSV, report .docx, report .xlsx.</summary>
    public IReadOnlyDictionary<string, string> Files { get; private set; } = new Dictionary<string, string>();

    /// <summary>A file the scheduler must quarantine: a submission with a value that is not a number.</summary>
    public string Refused => Path.Combine(Folder, "bc_loi_so.csv");

    private readonly Dictionary<string, WarehouseFingerprint> _references = [];

    public WarehouseFingerprint Reference(string kind) => _references[kind];

    /// <summary>Every good file loaded cleanly, in load order (what the inbox must end with).</summary>
    public WarehouseFingerprint ReferenceOfAll { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var generated = Path.Combine(Folder, "gen");
        SyntheticDataGenerator.Run(new GenerationOptions(generated, "province", 2009, 2024, ClaimRows, 23), TextWriter.Null);
        var claims = Path.Combine(Folder, "ho_so_68.csv");
        File.WriteAllLines(claims, File.ReadLines(Path.Combine(generated, "claims.csv")).Take(ClaimRows + 1));
        var submissions = Path.Combine(Folder, "bc_lam_dong.csv");
        File.WriteAllLines(submissions, File.ReadLines(Path.Combine(generated, "submissions.csv")).Take(SubmissionRows + 1));
        var xml = Path.Combine(Folder, "GIAMDINHHS_68001.xml");
        await File.WriteAllBytesAsync(xml, ClaimXml.WithBom(ClaimXml.Envelope(Enumerable.Range(1, 1500)
            .Select(i => ClaimXml.Hoso(XmlClaim(i), i % 2 == 0 ? Content.Base64Wrapped : Content.Inline)).ToList())));
        Files = new Dictionary<string, string>
        {
            ["claims-csv"] = claims, ["claims-xml"] = xml, ["submission-csv"] = submissions,
            ["report-docx"] = Docx(Path.Combine(Folder, "giao_chi_tieu_tuyen_quang.docx")), ["report-xlsx"] = Xlsx(Path.Combine(Folder, "bao_cao_672.xlsx")),
        };
        await File.WriteAllTextAsync(Refused, "unit_code,unit_name,period,indicator,value,value_kind\n672,,2022,cov_participants,abc,actual\n");

        await using (var template = await TempWarehouse.InitialisedAsync())
        {
            await ImportAsync(template.Engine, Path.Combine(generated, "facilities.csv"));
            File.Copy(template.Path, Template);
        }
        foreach (var (kind, file) in Files)
            _references[kind] = await LoadedCopyAsync(file);
        ReferenceOfAll = await LoadedCopyAsync([.. ImportKinds.Registered.InLoadOrder(Files.Values)]);
    }

    /// <summary>A copy of the template in a new folder (the caller deletes the folder).</summary>
    public string CopyTemplate(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "kho.duckdb");
        File.Copy(Template, path, overwrite: true);
        return path;
    }

    /// <summary>Imports as <c>bhyt import</c> does, in this process.</summary>
    public static async Task<ImportResult> ImportAsync(IWarehouseEngine engine, string file) =>
        await (await ImportService.CreateAsync(engine, CancellationToken.None)).ImportAsync(file, new ImportOptions(), null, CancellationToken.None);

    private async Task<WarehouseFingerprint> LoadedCopyAsync(params string[] files)
    {
        var folder = Path.Combine(Folder, "ref-" + Guid.NewGuid().ToString("N"));
        var engine = WarehouseEngine.For(WarehouseTarget.Parse(CopyTemplate(folder)));
        foreach (var file in files)
        {
            var result = await ImportAsync(engine, file);
            if (result.Submission.Status != "loaded") throw new InvalidOperationException($"reference load of {file}: {result.SummaryLine}");
        }
        var fingerprint = await WarehouseFingerprint.ReadAsync(engine);
        Directory.Delete(folder, recursive: true);
        return fingerprint;
    }

    private static Xml1Claim XmlClaim(int i) => new($"LK{i:00000}", Card: $"GD47968321{i:00000}", Facility: "68001",
        Admitted: $"202403{1 + i % 28:00}0800", Discharged: $"202403{1 + i % 28:00}1000", Days: "0", Qd130: i % 3 != 0,
        Total: $"{200_000 + i * 7}", Insurer: $"{180_000 + i}", CoPay: "20000", Drugs: $"{50_000 + i}", Supplies: "10000",
        Name: $"Người Bệnh {i}", CitizenId: $"0681{i:00000000}");

    private static string Docx(string path)
    {
        Import.OfficeReportImportTests.WriteTuyenQuangTargets(path);
        return path;
    }

    private static string Xlsx(string path)
    {
        string[] provinces = ["Tỉnh An Giang", "Tỉnh Lâm Đồng", "Tỉnh Tuyên Quang", "Thành phố Hà Nội"];
        var sheet = new XlsxBuilder().Sheet("Tinh")
            .Text("A1", "Tình hình tham gia BHYT theo tỉnh năm 2023")
            .Text("A2", "STT").Text("B2", "Tỉnh, thành phố").Text("C2", "Dân số").Text("D2", "Số người tham gia BHYT năm 2023").Text("E2", "Tỷ lệ bao phủ BHYT năm 2023 (%)")
            .Text("B3", "Cả nước").Text("C3", "100.300.000").Text("D3", "93.600.000").Text("E3", "93,35");
        for (var i = 0; i < provinces.Length; i++)
            sheet.Number($"A{4 + i}", i + 1).Text($"B{4 + i}", provinces[i]).Number($"C{4 + i}", 1_300_000 + 250_000 * i)
                .Number($"D{4 + i}", 1_200_000 + 230_000 * i).Text($"E{4 + i}", $"{92 + i * 0.5:0.0}".Replace('.', ','));
        sheet.Save(path);
        return path;
    }

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a child still closing a file */ }
        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashSafetyCollection : ICollectionFixture<CrashInputs>
{
    public const string Name = "Crash safety";
}
