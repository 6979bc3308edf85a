namespace Bhyt.Benchmarks;

/// <summary>
/// A facility of the facility-scan benchmark and how its months are drawn: volume by tier (commune stations a few
/// hundred visits, central hospitals tens of thousands), its own cost level, inpatient share and stay length, a trend,
/// winter volume and a July cost peak, an epidemic July 2023 shared by all, sampling noise that shrinks with volume;
/// 2 % open inside the window (ramp-up over six months, dear at first), 1 % close (run-down over four months).
/// </summary>
public sealed record SyntheticFacility(int Index, string Code, string Name, int Tier, string Ownership, string Province,
    double Volume, double ExamCost, double StayCost, double InpatientShare, double Stay, double DrugShare, double Trend, int Opens, int Closes)
{
    public static SyntheticFacility Draw(int index, Random random)
    {
        var draw = random.NextDouble();
        var tier = draw < 0.004 ? 1 : draw < 0.06 ? 2 : draw < 0.21 ? 3 : 4;
        var ownership = tier is 2 or 3 && random.NextDouble() < 0.25 ? "private" : "public";
        double Spread(double s) => Math.Exp(s * Normal(random));
        var (volume, exam, stay, inpatient) = tier switch
        {
            1 => (40_000.0, 900_000.0, 25_000_000.0, 0.25),
            2 => (12_000.0, 420_000.0, 9_000_000.0, 0.18),
            3 => (3_500.0, 260_000.0, 4_000_000.0, 0.09),
            _ => (280.0, 110_000.0, 1_500_000.0, 0.01),
        };
        var opens = random.NextDouble() < 0.02 ? 6 + random.Next(24) : 0;
        var closes = random.NextDouble() < 0.01 ? 12 + random.Next(22) : 36;
        return new SyntheticFacility(index, $"B{index:D6}", $"Cơ sở KCB {index}", tier, ownership, $"{1 + index % 63:D2}",
            volume * Spread(0.5), exam * Spread(0.25), stay * Spread(0.25), inpatient * Spread(0.3), 5 + 3 * random.NextDouble(),
            0.35 + 0.05 * Normal(random), 0.004 * Normal(random), opens, closes);
    }

    /// <summary>
    /// One month's profile values in the column order of dw.fct_facility_month from claims to supplies_cost; null before
    /// the facility opens or after it closes.
    /// </summary>
    public object?[]? Month(int m, bool jump, Random random)
    {
        if (m < Opens || m >= Closes) return null;
        var calendar = m % 12 + 1;
        var ramp = Opens > 0 ? Math.Min(1, (m - Opens + 1) / 6.0) : 1;
        var rundown = Closes < 36 ? Math.Min(1, (Closes - m) / 4.0) : 1;
        var season = calendar is 12 or 1 or 2 or 3 ? 1.15 : calendar is 6 or 7 or 8 ? 0.9 : 1;
        var claims = Math.Max(1, Math.Round(Volume * ramp * rundown * season * Math.Exp(Trend * m) * (1 + 0.05 * Normal(random))));
        var stays = Math.Round(claims * Math.Min(0.6, InpatientShare * (1 + 0.1 * Normal(random))));
        var outpatient = claims - stays;
        var peak = (calendar == 7 ? 1.08 : 1) * (m == 18 ? 1.2 : 1) * (Opens > 0 && m - Opens < 6 ? 1.4 - 0.06 * (m - Opens) : 1);
        var kind = jump ? Index % 2 : -1; // a planted jump raises cost (0) or the drug share (1)
        var examMean = ExamCost * peak * (kind == 0 ? 1.6 : 1) * Math.Exp(1.2 / Math.Sqrt(Math.Max(1, outpatient)) * Normal(random));
        var stayMean = StayCost * peak * (kind == 0 ? 1.6 : 1) * Math.Exp(1.5 / Math.Sqrt(Math.Max(1, stays)) * Normal(random));
        var outpatientCost = outpatient * examMean;
        var inpatientCost = stays * stayMean;
        var total = outpatientCost + inpatientCost;
        var drug = Math.Clamp(DrugShare + (kind == 1 ? 0.15 : 0) + 0.01 * Normal(random), 0.05, 0.9);
        var cards = Math.Max(1, Math.Round(claims / (1.15 + 0.05 * random.NextDouble())));
        return [(long)claims, (long)cards, (long)Math.Round(cards * 0.05 * random.NextDouble()), (long)stays, (long)Math.Round(stays * Stay),
            (decimal)Math.Round(total, 2), (decimal)Math.Round(inpatientCost, 2), outpatient * examMean * examMean * (1 + 1.2 * 1.2),
            stays * stayMean * stayMean * (1 + 1.5 * 1.5), (decimal)Math.Round(0.8 * total, 2), (decimal)Math.Round(drug * total, 2),
            (decimal)Math.Round(0.1 * total, 2)];
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
