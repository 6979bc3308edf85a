using System.Globalization;

namespace Bhyt.Etl.Detection.Facilities;

/// <summary>
/// A facility-month profile feature: its code, its Vietnamese name (as it starts a sentence), how it is read from a
/// facility-month, how many claims (visits, stays, cards) the value rests on, the sampling error of that value on the log scale (how much a month of that few claims moves by
/// chance), how it is written, whether an upward departure can make a <c>facility_cost_jump</c> (<see cref="Triggers"/>),
/// whether it is a share (its rise is told in percentage points) and whether it enters the multivariate model (<see cref="InPca"/>).
/// </summary>
public sealed record FacilityFeature(
    string Code, string Name, Func<FacilityMonth, double?> Read, Func<FacilityMonth, double> Observations, Func<FacilityMonth, double> SamplingError, Func<double, string> Format,
    bool Triggers, bool IsShare, bool InPca)
{
    /// <summary>
    /// Whether one month's rise can trigger alone (confirmed by peers or the model); otherwise the rise must be sustained
    /// over adjacent months. The case-mix index is precise enough that one month beyond 3.5 of its spreads happens by
    /// chance somewhere among tens of thousands of facility-months; two adjacent months beyond 2.5 do not.
    /// </summary>
    public bool SingleMonth { get; init; } = true;

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Money(double v) => (Math.Round(v / 100) * 100).ToString("N0", Vi) + " đ";
    public static string Share(double v) => Math.Round(100 * v).ToString("N0", Vi) + " %";
    private static string Number(double v) => v.ToString("N1", Vi);
    private static string Count(double v) => Math.Round(v).ToString("N0", Vi);

    private static double? Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : null;

    /// <summary>Relative standard error of a mean or rate over <paramref name="n"/> observations whose coefficient of variation is <paramref name="cv"/>.</summary>
    private static double Noise(double cv, double n) => cv / Math.Sqrt(Math.Max(1, n));

    /// <summary>The coefficient of variation of claim costs from their count, total and sum of squares; 1 when unknown.</summary>
    private static double Cv(double n, double total, double squares)
    {
        if (n <= 1 || squares <= 0 || total <= 0) return 1;
        var mean = total / n;
        return Math.Sqrt(Math.Max(0, squares / n - mean * mean)) / mean;
    }

    /// <summary>The geometric mean of claim costs from their count and sum of logs; null without a costed claim.</summary>
    private static double? Typical(double n, double logs) => n > 0 ? Math.Exp(logs / n) : null;

    /// <summary>The standard error of a mean of logs from their count, sum and sum of squares (a spread of 1 when unknown).</summary>
    private static double LogNoise(double n, double logs, double squares)
    {
        if (n <= 1) return 1;
        var mean = logs / n;
        return Math.Sqrt(Math.Max(0, squares / n - mean * mean) * n / (n - 1)) / Math.Sqrt(n);
    }

    private static double CostCv(FacilityMonth m) => Cv(m.claims, m.total_cost, m.outpatient_cost_squares + m.inpatient_cost_squares);

    /// <summary>The name inside a sentence ("tỷ lệ thuốc").</summary>
    public string LowerName => char.ToLower(Name[0], Vi) + Name[1..];

    /// <summary>
    /// The features, in the order a trigger is preferred when several depart at once. First the case-mix cost index
    /// (<see cref="CaseMixIndex"/>): each claim's cost against the median of claims of its tier, visit type and length of
    /// stay, averaged on the log scale over the facility's month — what the facility bills for what it treats, untouched by
    /// how many exams, treatments and long stays the month happened to hold, and with a standard error that shrinks with
    /// the claims (a ten-claim month of a district centre is still judged, on its own noise). Then cost triggers per visit type (an
    /// outpatient visit, an inpatient stay), on the typical (geometric mean) cost: the cost per claim of all visits also
    /// moves with the case mix, and a month with more and longer stays by chance is not a cost jump; an arithmetic mean
    /// over heavy-tailed claim costs moves so much with one dear claim (a claim outlier, a kind of its own) that a facility
    /// doubling its prices for months hides in its noise, while the mean of log costs is steady to a few percent. The
    /// arithmetic means, the cost per claim, insurer-paid per claim and claims are shown but neither trigger nor enter the
    /// multivariate model: on the log scale they are near-duplicates or functions of other features, and a near-duplicate
    /// pair would span a principal component of its own and hide a jump of either inside the model's subspace.
    /// </summary>
    public static readonly IReadOnlyList<FacilityFeature> All =
    [
        new("case_mix_cost_index", "Chi phí/lượt so với hồ sơ cùng tuyến, cùng loại, cùng số ngày điều trị", m => Typical(m.case_mix_costed, m.case_mix_log),
            m => m.case_mix_costed, m => LogNoise(m.case_mix_costed, m.case_mix_log, m.case_mix_squares), v => v.ToString("N2", Vi) + " lần trung vị cùng loại",
            Triggers: true, IsShare: false, InPca: false) { SingleMonth = false },
        new("outpatient_typical_cost", "Chi phí điển hình/lượt khám, điều trị ngoại trú", m => Typical(m.outpatient_costed, m.outpatient_log_cost),
            m => m.outpatient_costed, m => LogNoise(m.outpatient_costed, m.outpatient_log_cost, m.outpatient_log_squares), Money, Triggers: true, IsShare: false, InPca: true),
        new("inpatient_typical_cost", "Chi phí điển hình/đợt điều trị nội trú", m => Typical(m.inpatient_costed, m.inpatient_log_cost),
            m => m.inpatient_costed, m => LogNoise(m.inpatient_costed, m.inpatient_log_cost, m.inpatient_log_squares), Money, Triggers: true, IsShare: false, InPca: true),
        new("drug_share", "Tỷ lệ thuốc", m => Ratio(m.drug_cost, m.total_cost), m => m.claims, m => Noise(CostCv(m) / 3, m.claims), Share, Triggers: true, IsShare: true, InPca: true),
        new("supplies_share", "Tỷ lệ vật tư y tế", m => Ratio(m.supplies_cost, m.total_cost), m => m.claims, m => Noise(CostCv(m) / 3, m.claims), Share, Triggers: true, IsShare: true, InPca: true),
        new("outpatient_cost", "Chi phí bình quân/lượt khám, điều trị ngoại trú", m => Ratio(m.outpatient_cost, m.outpatient), m => m.outpatient,
            m => Noise(Cv(m.outpatient, m.outpatient_cost, m.outpatient_cost_squares), m.outpatient), Money, Triggers: false, IsShare: false, InPca: false),
        new("inpatient_cost", "Chi phí bình quân/đợt điều trị nội trú", m => Ratio(m.inpatient_cost, m.inpatient), m => m.inpatient,
            m => Noise(Cv(m.inpatient, m.inpatient_cost, m.inpatient_cost_squares), m.inpatient), Money, Triggers: false, IsShare: false, InPca: false),
        new("cost_per_claim", "Chi phí bình quân/lượt", m => Ratio(m.total_cost, m.claims), m => m.claims, m => Noise(CostCv(m), m.claims), Money, Triggers: false, IsShare: false, InPca: false),
        new("paid_per_claim", "Quỹ BHYT chi bình quân/lượt", m => Ratio(m.insurer_paid, m.claims), m => m.claims, m => Noise(CostCv(m), m.claims), Money, Triggers: false, IsShare: false, InPca: false),
        new("inpatient_share", "Tỷ lệ nội trú", m => Ratio(m.inpatient, m.claims), m => m.inpatient, m => Noise(1, m.inpatient), Share, Triggers: false, IsShare: true, InPca: true),
        new("mean_los", "Số ngày điều trị nội trú bình quân", m => Ratio(m.inpatient_days, m.inpatient), m => m.inpatient, m => Noise(0.8, m.inpatient), Number, Triggers: false, IsShare: false, InPca: true),
        new("visits_per_card", "Số lượt KCB/thẻ", m => Ratio(m.claims, m.cards), m => m.cards, m => Noise(0.3, m.cards), Number, Triggers: false, IsShare: false, InPca: true),
        new("out_of_province_share", "Tỷ lệ thẻ ngoại tỉnh", m => Ratio(m.out_of_province_cards, m.cards), m => m.out_of_province_cards, m => Noise(1, m.out_of_province_cards), Share, Triggers: false, IsShare: true, InPca: true),
        new("cards", "Số thẻ đến KCB", m => m.cards, m => m.cards, m => Noise(1, m.cards), Count, Triggers: false, IsShare: false, InPca: true),
        new("claims", "Số lượt KCB", m => m.claims, m => m.claims, m => Noise(1, m.claims), Count, Triggers: false, IsShare: false, InPca: false),
    ];

    /// <summary>The feature's position in <see cref="All"/> (and in a month's z-scores).</summary>
    public static int Index(FacilityFeature feature)
    {
        for (var i = 0; i < All.Count; i++)
            if (ReferenceEquals(All[i], feature)) return i;
        throw new ArgumentException($"'{feature.Code}' is not a facility feature.", nameof(feature));
    }
}
