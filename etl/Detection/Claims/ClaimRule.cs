using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace Bhyt.Etl.Detection.Claims;

/// <summary>
/// One claim rule, read from a rules file (<c>claim_rules.csv</c>): its code (the finding's method), the anomaly kind it
/// reports, its threshold (what it means depends on the kind — see <see cref="ClaimRulesDetector"/>), the minimum number
/// of peers a comparison needs (cost outliers), the severity of what it flags and the Vietnamese reason template whose
/// <c>{placeholders}</c> are filled with the figures of each finding. Several rules may share a kind with rising
/// thresholds: a subject gets one finding, from the highest-threshold rule it breaks.
/// </summary>
public sealed record ClaimRule(string Code, string Kind, double Threshold, int MinPeers, string Severity, string Reason)
{
    /// <summary>
    /// Cost outliers: the least multiple of the peers' median cost a claim must reach besides its robust score (the
    /// optional column <c>min_ratio</c>; 1 when absent). Where peers' costs are tightly bunched — a commune station's
    /// exams at the set fee — a claim at twice the median has a large score without being far beyond its peers.
    /// </summary>
    public double MinRatio { get; init; } = 1;

    /// <summary>The rules shipped with the program (embedded <c>claim_rules.csv</c>).</summary>
    public static IReadOnlyList<ClaimRule> Defaults()
    {
        using var stream = typeof(ClaimRule).Assembly.GetManifestResourceStream("Bhyt.Etl.Detection.Claims.claim_rules.csv")
            ?? throw new InvalidOperationException("claim_rules.csv is not embedded in the program.");
        return Read(new StreamReader(stream, Encoding.UTF8), "claim_rules.csv");
    }

    /// <summary>Reads a rules file: header <c>code,kind,threshold,min_peers,severity,reason</c> and optionally <c>min_ratio</c>, UTF-8.</summary>
    public static IReadOnlyList<ClaimRule> Load(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, Path.GetFileName(path));
    }

    public static IReadOnlyList<ClaimRule> Read(TextReader reader, string name)
    {
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,   // a row may stop before the optional trailing column min_ratio
        });
        csv.Read();
        csv.ReadHeader();
        var rules = new List<ClaimRule>();
        while (csv.Read())
        {
            var line = csv.Parser.Row;
            string Field(string column) => csv.GetField(column)?.Trim() ?? "";
            var code = Field("code");
            var kind = Field("kind");
            if (code.Length == 0) throw new FormatException($"{name}, dòng {line}: thiếu mã quy tắc (code).");
            if (!ClaimRulesDetector.SupportedKinds.Contains(kind))
                throw new FormatException($"{name}, dòng {line}: loại '{kind}' không phải loại quy tắc hồ sơ KCB ({string.Join(", ", ClaimRulesDetector.SupportedKinds)}).");
            if (!double.TryParse(Field("threshold"), NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) || threshold <= 0)
                throw new FormatException($"{name}, dòng {line}: ngưỡng '{Field("threshold")}' phải là số dương.");
            var minPeers = Field("min_peers") is { Length: > 0 } peers ? int.Parse(peers, CultureInfo.InvariantCulture) : 30;
            var severity = Field("severity");
            if (severity is not (AnomalyFinding.Low or AnomalyFinding.Medium or AnomalyFinding.High))
                throw new FormatException($"{name}, dòng {line}: mức độ '{severity}' phải là low, medium hoặc high.");
            var reason = Field("reason");
            if (reason.Length == 0) throw new FormatException($"{name}, dòng {line}: thiếu lý do (reason).");
            var minRatio = 1.0;
            if (Field("min_ratio") is { Length: > 0 } ratio
                && (!double.TryParse(ratio, NumberStyles.Float, CultureInfo.InvariantCulture, out minRatio) || minRatio < 1))
                throw new FormatException($"{name}, dòng {line}: tỷ lệ tối thiểu (min_ratio) '{ratio}' phải là số ≥ 1.");
            rules.Add(new ClaimRule(code, kind, threshold, minPeers, severity, reason) { MinRatio = minRatio });
        }
        if (rules.Select(r => r.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count() != rules.Count)
            throw new FormatException($"{name}: mã quy tắc bị trùng.");
        return rules;
    }

    /// <summary>The reason with each <c>{name}</c> replaced by its figure; an unknown placeholder stays as written.</summary>
    public string Explain(IReadOnlyDictionary<string, string> figures) =>
        Regex.Replace(Reason, @"\{(\w+)\}", m => figures.TryGetValue(m.Groups[1].Value, out var v) ? v
            : m.Groups[1].Value == "threshold" ? ClaimText.Number(Threshold) : m.Value);
}

/// <summary>How figures read in Vietnamese sentences: 1.234.567; 2,5; 06/05/2024; 05/2024.</summary>
internal static class ClaimText
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Number(double value) => value == Math.Floor(value) && Math.Abs(value) < 1e15
        ? value.ToString("#,##0", Vi) : value.ToString("#,##0.0", Vi);

    public static string Number(decimal value) => Number((double)value);

    public static string Date(DateTime value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Month(DateOnly start) => start.ToString("MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The start of a pseudonym — enough to find the card in the warehouse, not a card number.</summary>
    public static string Card(string pseudonym) => pseudonym.Length > 12 ? pseudonym[..12] + "…" : pseudonym;

    public static string VisitType(string visitType) => visitType switch
    {
        "exam" => "khám bệnh",
        "outpatient" => "điều trị ngoại trú",
        "inpatient" => "điều trị nội trú",
        _ => visitType,
    };
}
