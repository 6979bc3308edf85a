namespace Bhyt.Etl.Generation;

/// <summary>
/// Draws realistic claims: visit type shares (~85/8/7 %), winter/spring seasonality every facility shares, skewed
/// inpatient stays, lognormal VND costs around a tier- and type-specific median (a heavy right tail, so that a planted
/// outlier is not trivially separable), and insurer shares by card benefit level.
/// </summary>
public sealed class ClaimFactory(Random random, int fromYear, int toYear)
{
    private static readonly double[] MonthWeights = [1.15, 1.10, 1.12, 1.05, 0.95, 0.90, 0.88, 0.90, 0.95, 1.00, 1.05, 1.12];
    private static readonly double MonthWeightSum = MonthWeights.Sum();
    private static readonly string[] Diagnoses = ["J06.9", "I10", "E11.9", "K29.7", "J20.9", "M54.5", "A09", "J18.9", "K21.0", "N39.0", "E78.5", "I25.1", "J44.9", "O80", "S52.5", "R50.9", "B34.9", "H10.9", "L30.9", "K30"];

    /// <summary>Spread (σ of the natural log) of a claim's cost around its median, by visit type.</summary>
    private const double ExamSigma = 0.30, TreatmentSigma = 0.40, InpatientSigma = 0.30;

    /// <summary>A random visit type: 1 exam, 2 outpatient treatment, 3 inpatient.</summary>
    public int RandomVisitType() => random.NextDouble() switch { < 0.85 => 1, < 0.93 => 2, _ => 3 };

    /// <summary>A random admission moment in the claims years, weighted towards winter and spring.</summary>
    public DateTime RandomAdmission()
    {
        var year = random.Next(fromYear, toYear + 1);
        var pick = random.NextDouble() * MonthWeightSum;
        var month = 1;
        for (; month < 12 && pick >= MonthWeights[month - 1]; month++) pick -= MonthWeights[month - 1];
        return RandomMoment(year, month);
    }

    /// <summary>A random working-hours moment of a month.</summary>
    public DateTime RandomMoment(int year, int month) =>
        new(year, month, random.Next(1, DateTime.DaysInMonth(year, month) + 1), random.Next(7, 17), random.Next(60), 0);

    /// <summary>A length of stay of 1–15 days, skewed to short stays.</summary>
    public int RandomStay() => Math.Min(15, 1 + (int)(-Math.Log(1 - random.NextDouble()) * 3.5));

    /// <summary>The median cost (VND) of a claim of this type at this facility, before the claim's own spread.</summary>
    public static double MedianCost(SyntheticFacility facility, int visitType, int stayDays) => visitType switch
    {
        1 => facility.Tier switch { 4 => 150_000, 2 => 350_000, _ => facility.Ownership == "private" ? 300_000 : 230_000 },
        2 => (facility.Tier == 2 ? 1_200_000 : facility.Tier == 4 ? 400_000 : 800_000) * (0.8 + 0.1 * stayDays),
        _ => (facility.Tier == 2 ? 1_600_000 : facility.Ownership == "private" ? 1_300_000 : 1_000_000) * stayDays + 500_000,
    };

    /// <summary>
    /// Builds one claim. <paramref name="costFactor"/> multiplies the cost (a facility's jump, a planted outlier),
    /// <paramref name="drugFactor"/> the drug share; <paramref name="recordedDays"/> overrides the length of stay written
    /// (a planted mismatch with the dates).
    /// </summary>
    public SyntheticClaim Create(string claimId, string card, SyntheticFacility facility, int visitType, DateTime admitted,
        int? stayDays = null, double costFactor = 1, double drugFactor = 1, int? recordedDays = null)
    {
        var days = visitType switch { 1 => 0, 2 => stayDays ?? random.Next(1, 8), _ => stayDays ?? RandomStay() };
        var discharged = visitType switch
        {
            1 => admitted.AddMinutes(random.Next(20, 180)),
            2 => admitted.AddDays(days - 1).AddHours(2),
            _ => admitted.Date.AddDays(days).AddHours(random.Next(8, 12)),
        };
        var sigma = visitType switch { 1 => ExamSigma, 2 => TreatmentSigma, _ => InpatientSigma };
        var total = MedianCost(facility, visitType, days) * Math.Exp(sigma * Normal()) * costFactor;
        var totalVnd = Math.Max(100, (long)Math.Round(total / 100) * 100);
        var drugShare = Math.Min(0.8, Spread(0.25, 0.45) * drugFactor);
        var suppliesShare = Math.Min(1 - drugShare, visitType == 3 ? Spread(0.08, 0.20) : Spread(0.02, 0.10));
        var insurerShare = card[2] switch { '1' or '2' => 1.0, '3' => 0.95, _ => 0.80 };
        return new SyntheticClaim(claimId, card, facility, visitType, admitted, discharged, recordedDays ?? days, Diagnoses[random.Next(Diagnoses.Length)],
            totalVnd, (long)Math.Round(totalVnd * insurerShare), (long)Math.Round(totalVnd * drugShare), (long)Math.Round(totalVnd * suppliesShare));
    }

    private double Spread(double low, double high) => low + random.NextDouble() * (high - low);

    private double? _spareNormal;

    /// <summary>A standard normal draw (Box–Muller, both values of each pair used).</summary>
    private double Normal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }
        var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
        var (sin, cos) = Math.SinCos(2 * Math.PI * random.NextDouble());
        _spareNormal = radius * sin;
        return radius * cos;
    }
}
