using Bhyt.Etl.Loading;
using Bhyt.Etl.Sources;
using Bhyt.Etl.Sources.Claims;
using Bhyt.Etl.Sources.Claims.Xml;
using Bhyt.Etl.Sources.Csv;

namespace Bhyt.Etl.Import;

/// <summary>
/// The registry of what <c>bhyt import</c>, the inbox and the dashboard's upload read, each kind once. Every extension
/// list, kind check, load order and message about them derives from it: a new report reader is registered in
/// <see cref="DocumentReaders"/>, a new kind here, and nowhere else.
/// </summary>
public sealed class ImportKinds
{
    public const string Auto = "auto";
    public const string Submission = "submission";
    public const string Report = "report";
    public const string Claims = "claims";
    public const string Facilities = "facilities";
    public const string Schedule = "schedule";

    /// <summary>The kinds this build reads, report documents by every reader of <see cref="DocumentReaders.All"/>.</summary>
    public static ImportKinds Registered { get; } = With(DocumentReaders.All);

    /// <summary>
    /// The kinds, report documents read by <paramref name="documentReaders"/>. Claims come before facilities because
    /// a claims header also names MA_CSKCB; a submission CSV is recognised first, as it always was.
    /// </summary>
    public static ImportKinds With(IEnumerable<IDocumentReader> documentReaders) => new([
        new(Submission, "CSV số liệu nộp có cột unit_code, period, indicator, value", [".csv"], 2,
            SubmissionCsvReader.LooksLikeSubmissionCsv),
        new(Report, "tài liệu báo cáo có bảng phụ lục", documentReaders.SelectMany(r => r.Extensions).Distinct().ToArray(), 2,
            _ => true),
        new(Claims, "hồ sơ KCB: CSV bảng XML1 có cột MA_LK, MA_CSKCB; tệp XML GIAMDINHHS hoặc TONG_HOP (QĐ 4210, QĐ 130); .zip các tệp XML đó",
            [".csv", ".xml", ".zip"], 1,
            path => IsCsv(path) ? ClaimsCsvReader.LooksLikeClaims(FirstLine(path)) : ClaimsXmlReader.LooksLikeClaimsXml(path)),
        new(Facilities, "CSV cơ sở KCB có cột MA_CSKCB, TUYEN", [".csv"], 0,
            path => FacilityStore.LooksLikeFacilities(FirstLine(path))),
        new(Schedule, "CSV lịch báo cáo có cột parent_code, level, period, forms, due", [".csv"], 3,
            path => Reporting.ReportingScheduleCsv.LooksLikeSchedule(FirstLine(path))),
    ]);

    public ImportKinds(IEnumerable<ImportKind> kinds)
    {
        Kinds = kinds.ToArray();
        Extensions = Kinds.SelectMany(k => k.Extensions).Distinct().ToArray();
    }

    /// <summary>Every kind, in the order auto detection tries them.</summary>
    public IReadOnlyList<ImportKind> Kinds { get; }

    /// <summary>Every importable extension once, lower case with the dot, in the order of the kinds.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The <c>--kind</c> values: <c>auto</c>, then every kind's name.</summary>
    public IReadOnlyList<string> Names => [Auto, .. Kinds.Select(k => k.Name)];

    /// <summary>The importable extensions as users read them: ".csv, .md, .txt, .docx, .xlsx".</summary>
    public string ExtensionList => string.Join(", ", Extensions);

    /// <summary>The importable extensions as an HTML <c>accept</c> attribute: ".csv,.md,.txt,.docx,.xlsx".</summary>
    public string Accept => string.Join(",", Extensions);

    /// <summary>Whether some kind takes the file's extension; the file is not opened.</summary>
    public bool IsImportable(string path) => Kinds.Any(k => k.TakesExtensionOf(path));

    /// <summary>The kind of that name.</summary>
    /// <exception cref="KeyNotFoundException">No kind has that name (<c>auto</c> is not a kind).</exception>
    public ImportKind Named(string name) =>
        Kinds.FirstOrDefault(k => k.Name == name) ?? throw new KeyNotFoundException($"No import kind '{name}'.");

    /// <summary>
    /// The first kind that takes the file's extension and recognises the file, or null. A folder is claims: what is
    /// imported of it as one is its claims XML files, one batch (<see cref="ImportService.ExpandPaths"/>).
    /// </summary>
    public ImportKind? Detect(string path) =>
        Directory.Exists(path) ? Named(Claims) : Kinds.FirstOrDefault(k => k.TakesExtensionOf(path) && k.Recognises(path));

    /// <summary>
    /// Facilities first, then the claims that name them (a folder's XML batch among them), then the rest (files of no kind
    /// last); by name within each.
    /// </summary>
    public IEnumerable<string> InLoadOrder(IEnumerable<string> files) =>
        files.OrderBy(f => Detect(f)?.LoadOrder ?? int.MaxValue).ThenBy(f => f, StringComparer.Ordinal);

    /// <summary>Whether a claims file is the CSV export (read by <see cref="ClaimsCsvReader"/>) rather than XML or a .zip.</summary>
    public static bool IsCsv(string path) => Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase);

    private static string FirstLine(string path) => File.ReadLines(path).FirstOrDefault() ?? "";
}
