using System.Globalization;

namespace Bhyt.Etl.Generation;

/// <summary>
/// What happens to whole facilities over the claims months: planted jumps of cost per claim or of the drug share (1.3–2.5×,
/// lasting 1–6 months, some a drug-share jump with no cost change) and, as decoys, a clinic that opens and ramps up and a
/// commune station that runs down and closes (its patients go to the district hospital). Every facility shares the winter
/// respiratory season (more visits, more drugs), which is no anomaly either.
/// </summary>
public sealed class FacilityEffects
{
    private sealed record Jump(SyntheticFacility Facility, DateTime From, DateTime Until, double CostFactor, double DrugFactor);

    private sealed record Lifetime(SyntheticFacility Facility, DateTime Opens, DateTime Closes);

    /// <summary>Ramp-up or run-down months during which only part of a facility's patients come.</summary>
    public const int RampMonths = 4;

    private readonly Dictionary<SyntheticFacility, Jump> _jumps = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SyntheticFacility, Lifetime> _lifetimes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, SyntheticFacility> _districtHospitals;

    public FacilityEffects(Random random, IReadOnlyList<SyntheticFacility> facilities, GenerationOptions options, List<PlantedAnomaly> planted, List<PlantedAnomaly> decoys)
    {
        _districtHospitals = facilities.Where(f => f.Tier == 3 && f.IsHospital).ToDictionary(f => f.DistrictCode);
        var firstMonth = new DateTime(options.ClaimsFromYear, 1, 1);
        var months = (options.ToYear - options.ClaimsFromYear + 1) * 12;
        var hospitals = facilities.Where(f => f.IsHospital).OrderBy(_ => random.Next()).ToList();
        var jumps = Math.Clamp(hospitals.Count / 4, 3, 40);
        foreach (var (facility, index) in hospitals.Take(jumps).Select((f, i) => (f, i)))
        {
            // A jump starts after a year of history and lasts 1–6 months; one in three moves only the drug share.
            var from = firstMonth.AddMonths(12 + random.Next(months - 18));
            var until = from.AddMonths(random.Next(1, 7)).AddDays(-1);
            var drugOnly = index % 3 == 2;
            var cost = drugOnly ? 1.0 : Math.Round(1.3 + random.NextDouble() * 1.2, 2);
            var drug = drugOnly ? Math.Round(1.5 + random.NextDouble() * 0.5, 2) : Math.Round(1 + random.NextDouble() * 0.5, 2);
            _jumps[facility] = new Jump(facility, from, until, cost, drug);
            planted.Add(new PlantedAnomaly("facility_cost_jump", facility.Code, Month(from), new Dictionary<string, object>
            {
                ["facility_name"] = facility.Name, ["until"] = Month(until), ["cost_factor"] = cost, ["drug_share_factor"] = drug,
                ["pattern"] = drugOnly ? "drug share only" : "cost per claim",
            }));
        }
        AddLifetimes(random, facilities, firstMonth, months, decoys);
        foreach (var hospital in hospitals.Skip(jumps).Take(3))
            decoys.Add(new PlantedAnomaly("facility_cost_jump", hospital.Code, $"{options.ToYear}-01", new Dictionary<string, object>
            {
                ["facility_name"] = hospital.Name, ["until"] = $"{options.ToYear}-02", ["decoy"] = "mùa bệnh hô hấp mùa đông, mọi cơ sở cùng tăng",
            }));
    }

    /// <summary>
    /// The facility that actually sees a patient of <paramref name="facility"/> this month: a closed or not yet opened one
    /// sends them to the district hospital. <paramref name="patientRank"/> (0..1, stable per person) decides when each
    /// patient moves, so that one person is never seen at both on one day.
    /// </summary>
    public SyntheticFacility Serving(SyntheticFacility facility, DateTime admitted, double patientRank)
    {
        if (!_lifetimes.TryGetValue(facility, out var life)) return facility;
        var open = admitted >= life.Opens && admitted < life.Closes;
        var rampIn = (admitted.Year - life.Opens.Year) * 12 + admitted.Month - life.Opens.Month;
        var rampOut = (life.Closes.Year - admitted.Year) * 12 + life.Closes.Month - admitted.Month - 1;
        var share = Math.Min(1.0, (Math.Min(rampIn, rampOut) + 1.0) / (RampMonths + 1));
        return open && patientRank < share ? facility : _districtHospitals[facility.DistrictCode];
    }

    /// <summary>The cost and drug-share factors of a claim at this facility and moment.</summary>
    public (double Cost, double Drug) Factors(SyntheticFacility facility, DateTime admitted)
    {
        var winterDrugs = admitted.Month is 12 or 1 or 2 ? 1.12 : 1.0;
        if (_jumps.TryGetValue(facility, out var jump) && admitted >= jump.From && admitted <= jump.Until.AddDays(1))
            return (jump.CostFactor, jump.DrugFactor * winterDrugs);
        return (1, winterDrugs);
    }

    private void AddLifetimes(Random random, IReadOnlyList<SyntheticFacility> facilities, DateTime firstMonth, int months, List<PlantedAnomaly> decoys)
    {
        var clinic = facilities.Where(f => f.Ownership == "private" && _districtHospitals.ContainsKey(f.DistrictCode)).OrderBy(_ => random.Next()).FirstOrDefault();
        if (clinic is not null)
        {
            var opens = firstMonth.AddMonths(12 + random.Next(months / 3));
            _lifetimes[clinic] = new Lifetime(clinic, opens, DateTime.MaxValue);
            decoys.Add(new PlantedAnomaly("facility_cost_jump", clinic.Code, Month(opens), new Dictionary<string, object>
            {
                ["facility_name"] = clinic.Name, ["until"] = Month(opens.AddMonths(RampMonths)), ["decoy"] = "cơ sở mới mở, số lượt tăng dần",
            }));
        }
        var station = facilities.Where(f => f.Tier == 4 && _districtHospitals.ContainsKey(f.DistrictCode)).OrderBy(_ => random.Next()).FirstOrDefault();
        if (station is null) return;
        var closes = firstMonth.AddMonths(months - 1 - random.Next(months / 3));
        _lifetimes[station] = new Lifetime(station, DateTime.MinValue, closes);
        decoys.Add(new PlantedAnomaly("facility_cost_jump", station.Code, Month(closes.AddMonths(-RampMonths)), new Dictionary<string, object>
        {
            ["facility_name"] = station.Name, ["until"] = Month(closes), ["decoy"] = "cơ sở sáp nhập, số lượt giảm dần rồi ngừng",
        }));
    }

    private static string Month(DateTime month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
