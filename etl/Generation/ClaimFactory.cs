namespace Bhyt.Etl.Generation;

/// <summary>
/// Draws realistic claims: visit type shares (~85/8/7 %), tiers by visit type, winter/spring seasonality,
/// skewed inpatient stays, VND costs by tier and type, insurer shares by card benefit level.
/// </summary>
public sealed class ClaimFactory
{
    private static readonly string[] CardPrefixes = ["DN", "HC", "HT", "CC", "TE", "HN", "GD", "HS", "SV", "NO", "CN", "XN", "BT"];
    private static readonly double[] MonthWeights = [1.15, 1.10, 1.12, 1.05, 0.95, 0.90, 0.88, 0.90, 0.95, 1.00, 1.05, 1.12];
    private static readonly string[] Diagnoses = ["J06.9", "I10", "E11.9", "K29.7", "J20.9", "M54.5", "A09", "J18.9", "K21.0", "N39.0", "E78.5", "I25.1", "J44.9", "O80", "S52.5", "R50.9", "B34.9", "H10.9", "L30.9", "K30"];

    private readonly Random _random;
    private readonly int _fromYear;
    private readonly int _toYear;
    private readonly long _persons;
    private readonly long _cardSalt;
    private readonly IReadOnlyList<string> _provinces;
    private readonly Dictionary<string, SyntheticFacility[][]> _byProvinceAndTier;

    /// <summary>Creates a factory over the facilities, for claims in <paramref name="fromYear"/>..<paramref name="toYear"/>.</summary>
    public ClaimFactory(Random random, IReadOnlyList<SyntheticFacility> facilities, int fromYear, int toYear, long persons)
    {
        _random = random;
        _fromYear = fromYear;
        _toYear = toYear;
        _persons = Math.Max(1, persons);
        _cardSalt = random.NextInt64(1_000_000_000L, 9_000_000_000L);
        _provinces = facilities.Select(f => f.ProvinceCode).Distinct().ToList();
        _byProvinceAndTier = facilities.GroupBy(f => f.ProvinceCode).ToDictionary(g => g.Key, g => new[]
        {
            g.Where(f => f.Tier == 2).ToArray(),
            g.Where(f => f.Tier == 3 && f.Ownership == "public").ToArray(),
            g.Where(f => f.Tier == 4).ToArray(),
            g.Where(f => f.Ownership == "private").ToArray(),
        });
    }

    /// <summary>The card of person <paramref name="person"/>: 2-letter group, benefit level, province, 10 digits (bijective in the index).</summary>
    public string CardOf(long person)
    {
        var number = (person * 7_919_000_003L + _cardSalt) % 10_000_000_000L;
        var prefix = CardPrefixes[(int)(number % CardPrefixes.Length)];
        var level = (number / 13 % 20) switch { < 2 => 1, < 5 => 2, < 10 => 3, _ => 4 };
        return $"{prefix}{level}{_provinces[(int)(person % _provinces.Count)]}{number:D10}";
    }

    /// <summary>A random insured person of the pool (repeat visits come from the pool being smaller than the claim count).</summary>
    public string RandomCard() => CardOf(_random.NextInt64(_persons));

    /// <summary>A random visit type: 1 exam, 2 outpatient treatment, 3 inpatient.</summary>
    public int RandomVisitType() => _random.NextDouble() switch { < 0.85 => 1, < 0.93 => 2, _ => 3 };

    /// <summary>A random admission moment in the claims years, weighted towards winter and spring.</summary>
    public DateTime RandomAdmission()
    {
        var year = _random.Next(_fromYear, _toYear + 1);
        var pick = _random.NextDouble() * MonthWeights.Sum();
        var month = 1;
        for (; month < 12 && pick >= MonthWeights[month - 1]; month++) pick -= MonthWeights[month - 1];
        var day = _random.Next(1, DateTime.DaysInMonth(year, month) + 1);
        return new DateTime(year, month, day, _random.Next(7, 17), _random.Next(60), 0);
    }

    /// <summary>A facility in the card's province of a tier suited to the visit type, optionally not <paramref name="except"/>.</summary>
    public SyntheticFacility RandomFacility(string card, int visitType, SyntheticFacility? except = null)
    {
        var tiers = _byProvinceAndTier[card.Substring(3, 2)];
        var u = _random.NextDouble();
        var tier = visitType == 1
            ? u switch { < 0.30 => 2, < 0.75 => 1, < 0.90 => 0, _ => 3 }
            : u switch { < 0.55 => 1, < 0.93 => 0, _ => 3 };
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var pool = tiers[tier].Length > 0 ? tiers[tier] : tiers[1];
            var facility = pool[_random.Next(pool.Length)];
            if (facility != except) return facility;
            tier = (tier + 1) % tiers.Length;
        }
        return tiers.SelectMany(t => t).First(f => f != except);
    }

    /// <summary>Builds one claim; <paramref name="costFactor"/> and <paramref name="drugFactor"/> are 1 except for a planted jump.</summary>
    public SyntheticClaim Create(string claimId, string card, SyntheticFacility facility, int visitType, DateTime admitted, int? stayDays = null, double costFactor = 1, double drugFactor = 1)
    {
        var (discharged, days, total) = visitType switch
        {
            1 => (admitted.AddMinutes(_random.Next(20, 180)), 0, ExamBase(facility) * Spread(0.7, 1.3)),
            2 => OutpatientTreatment(admitted, facility),
            _ => Inpatient(admitted, facility, stayDays ?? RandomStay()),
        };
        var totalVnd = (long)Math.Round(total * costFactor / 100) * 100;
        var drugShare = Math.Min(0.8, Spread(0.25, 0.45) * drugFactor);
        var suppliesShare = Math.Min(1 - drugShare, visitType == 3 ? Spread(0.08, 0.20) : Spread(0.02, 0.10));
        var insurerShare = card[2] switch { '1' or '2' => 1.0, '3' => 0.95, _ => 0.80 };
        return new SyntheticClaim(claimId, card, facility, visitType, admitted, discharged, days, Diagnoses[_random.Next(Diagnoses.Length)],
            totalVnd, (long)Math.Round(totalVnd * insurerShare), (long)Math.Round(totalVnd * drugShare), (long)Math.Round(totalVnd * suppliesShare));
    }

    /// <summary>A length of stay of 1–15 days, skewed to short stays.</summary>
    public int RandomStay() => Math.Min(15, 1 + (int)(-Math.Log(1 - _random.NextDouble()) * 3.5));

    private (DateTime, int, double) OutpatientTreatment(DateTime admitted, SyntheticFacility facility)
    {
        var days = _random.Next(1, 8);
        var baseCost = facility.Tier == 2 ? 1_500_000 : 900_000;
        return (admitted.AddDays(days - 1).AddHours(2), days, baseCost * Spread(0.6, 1.6));
    }

    private (DateTime, int, double) Inpatient(DateTime admitted, SyntheticFacility facility, int stay)
    {
        var perDay = facility.Tier == 2 ? 1_600_000 : facility.Ownership == "private" ? 1_300_000 : 1_000_000;
        return (admitted.Date.AddDays(stay).AddHours(_random.Next(8, 12)), stay, (perDay * stay + 500_000) * Spread(0.8, 1.3));
    }

    private static double ExamBase(SyntheticFacility f) => f.Tier switch { 4 => 150_000, 2 => 350_000, _ => f.Ownership == "private" ? 300_000 : 230_000 };

    private double Spread(double low, double high) => low + _random.NextDouble() * (high - low);
}
