namespace Bhyt.Etl.Generation;

/// <summary>
/// The insured people of a generation run, each derived from its index alone (no table in memory): a card, a registered
/// primary-care facility (nơi đăng ký KCB ban đầu) in a home district where every exam and outpatient treatment happens,
/// and the one district or province hospital where inpatient care happens. Ordinary claims therefore never put one card at
/// two facilities on one day nor in two hospitals at once: those are left to the planted anomalies.
/// </summary>
public sealed class InsuredPeople
{
    private static readonly string[] CardPrefixes = ["DN", "HC", "HT", "CC", "TE", "HN", "GD", "HS", "SV", "NO", "CN", "XN", "BT"];

    private readonly long _cardSalt;
    private readonly ulong _hashSalt;
    private readonly IReadOnlyList<string> _provinces;
    private readonly Dictionary<string, DistrictCare[]> _districtsByProvince;
    private readonly DistrictCare[][] _districtsByProvinceIndex;

    private sealed record DistrictCare(SyntheticFacility[] Stations, SyntheticFacility[] Clinics, SyntheticFacility DistrictHospital, SyntheticFacility ProvinceHospital);

    /// <summary>Creates <paramref name="count"/> people over the facilities; <paramref name="random"/> only draws the salts.</summary>
    public InsuredPeople(Random random, IReadOnlyList<SyntheticFacility> facilities, long count)
    {
        Count = Math.Max(1, count);
        _cardSalt = random.NextInt64(1_000_000_000L, 9_000_000_000L);
        _hashSalt = (ulong)random.NextInt64();
        _provinces = facilities.Select(f => f.ProvinceCode).Distinct().ToList();
        _districtsByProvince = facilities.GroupBy(f => f.ProvinceCode).ToDictionary(p => p.Key, p =>
        {
            var provinceHospital = p.First(f => f.Tier == 2);
            return p.Where(f => f.Tier == 3 && f.IsHospital).Select(h => new DistrictCare(
                p.Where(f => f.Tier == 4 && f.DistrictCode == h.DistrictCode).ToArray(),
                p.Where(f => f.Ownership == "private" && f.DistrictCode == h.DistrictCode).ToArray(), h, provinceHospital)).ToArray();
        });
        _districtsByProvinceIndex = _provinces.Select(p => _districtsByProvince[p]).ToArray();
    }

    /// <summary>How many people the pool holds.</summary>
    public long Count { get; }

    /// <summary>The card of person <paramref name="person"/>: 2-letter group, benefit level, province, 10 digits (bijective in the index).</summary>
    public string CardOf(long person)
    {
        var number = (person * 7_919_000_003L + _cardSalt) % 10_000_000_000L;
        var prefix = CardPrefixes[(int)(number % CardPrefixes.Length)];
        var level = (number / 13 % 20) switch { < 2 => 1, < 5 => 2, < 10 => 3, _ => 4 };
        return $"{prefix}{level}{ProvinceOf(person)}{number:D10}";
    }

    /// <summary>The registered primary-care facility: mostly the commune station, else the district hospital, a private clinic or the province hospital.</summary>
    public SyntheticFacility PrimaryOf(long person)
    {
        var care = CareOf(person);
        var u = Unit(person, 2);
        if (u < 0.05) return care.ProvinceHospital;
        if (u < 0.15 && care.Clinics.Length > 0) return care.Clinics[(int)(Hash(person, 3) % (ulong)care.Clinics.Length)];
        if (u < 0.40 || care.Stations.Length == 0) return care.DistrictHospital;
        return care.Stations[(int)(Hash(person, 4) % (ulong)care.Stations.Length)];
    }

    /// <summary>The hospital of the person's inpatient stays: the district hospital, or the province hospital for one in five.</summary>
    public SyntheticFacility HospitalOf(long person)
    {
        var care = CareOf(person);
        return Unit(person, 5) < 0.2 ? care.ProvinceHospital : care.DistrictHospital;
    }

    /// <summary>A hospital of the person's province other than <paramref name="except"/> (a second hospital for a planted stay).</summary>
    public SyntheticFacility OtherHospital(long person, SyntheticFacility except, Random random)
    {
        var hospitals = _districtsByProvince[ProvinceOf(person)].SelectMany(d => new[] { d.DistrictHospital, d.ProvinceHospital })
            .Distinct().Where(h => h != except).ToArray();
        return hospitals.Length == 0 ? except : hospitals[random.Next(hospitals.Length)];
    }

    /// <summary>A facility of the person's province other than <paramref name="except"/> where an exam can be claimed.</summary>
    public SyntheticFacility OtherExamFacility(long person, SyntheticFacility except, Random random)
    {
        var care = CareOf(person);
        SyntheticFacility[] candidates = [.. care.Stations, .. care.Clinics, care.DistrictHospital, care.ProvinceHospital];
        var others = candidates.Where(f => f != except).ToArray();
        return others[random.Next(others.Length)];
    }

    /// <summary>A stable number in [0, 1) per person: who among a facility's patients moves first when it opens or closes.</summary>
    public double RankOf(long person) => Unit(person, 6);

    private string ProvinceOf(long person) => _provinces[(int)(person % _provinces.Count)];

    private DistrictCare CareOf(long person)
    {
        var districts = _districtsByProvinceIndex[(int)(person % _provinces.Count)];
        return districts[(int)(Hash(person, 1) % (ulong)districts.Length)];
    }

    private double Unit(long person, int stream) => (Hash(person, stream) >> 11) * (1.0 / (1UL << 53));

    /// <summary>SplitMix64 of the person, the stream and the run's salt: a stable, well-spread attribute per person.</summary>
    private ulong Hash(long person, int stream)
    {
        var z = (ulong)person * 0x9E3779B97F4A7C15UL + (ulong)stream * 0xBF58476D1CE4E5B9UL + _hashSalt;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
