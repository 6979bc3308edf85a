using System.Globalization;

namespace Bhyt.Etl.Detection.Facilities;

/// <summary>One facility-month profile aggregated from <c>dw.fct_claim</c> (month of discharge), with the facility's tier and ownership.</summary>
public sealed class FacilityMonth
{
    public string facility_code { get; set; } = "";
    public string facility_name { get; set; } = "";
    public int tier { get; set; }
    public string ownership { get; set; } = "";
    public string? unit_code { get; set; }
    public string period_label { get; set; } = "";
    public DateTime period_start { get; set; }
    public DateTime period_end { get; set; }
    public double claims { get; set; }
    public double total_cost { get; set; }
    public double insurer_paid { get; set; }
    public double drug_cost { get; set; }
    public double supplies_cost { get; set; }
    public double inpatient { get; set; }
    public double inpatient_days { get; set; }
    public double cards { get; set; }

    /// <summary>Months since year 0: consecutive months differ by one.</summary>
    public int MonthIndex => period_start.Year * 12 + period_start.Month - 1;
}

/// <summary>A profile feature: its code, its Vietnamese name, how it is read from a facility-month and how it is written.</summary>
public sealed record FacilityFeature(string Code, string Name, Func<FacilityMonth, double?> Read, Func<double, string> Format, bool IsCost = false)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static string Money(double v) => (Math.Round(v / 100) * 100).ToString("N0", Vi) + " đ";
    private static string Share(double v) => Math.Round(100 * v).ToString("N0", Vi) + " %";
    private static string Number(double v) => v.ToString("N1", Vi);

    private static double? Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : null;

    /// <summary>The features of a facility-month profile; the cost features are the ones whose departure is a facility_cost_jump.</summary>
    public static readonly IReadOnlyList<FacilityFeature> All =
    [
        new("cost_per_claim", "Chi phí bình quân/lượt", m => Ratio(m.total_cost, m.claims), Money, IsCost: true),
        new("paid_per_claim", "Quỹ BHYT chi bình quân/lượt", m => Ratio(m.insurer_paid, m.claims), Money, IsCost: true),
        new("drug_share", "tỷ lệ thuốc", m => Ratio(m.drug_cost, m.total_cost), Share),
        new("supplies_share", "tỷ lệ vật tư y tế", m => Ratio(m.supplies_cost, m.total_cost), Share),
        new("inpatient_share", "tỷ lệ nội trú", m => Ratio(m.inpatient, m.claims), Share),
        new("mean_los", "số ngày điều trị nội trú bình quân", m => Ratio(m.inpatient_days, m.inpatient), Number),
        new("visits_per_card", "số lượt/thẻ", m => Ratio(m.claims, m.cards), Number),
        new("claims", "số lượt KCB", m => m.claims, v => Math.Round(v).ToString("N0", Vi)),
    ];
}
