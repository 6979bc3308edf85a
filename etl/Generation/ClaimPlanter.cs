namespace Bhyt.Etl.Generation;

/// <summary>
/// Builds the claim-level plants — duplicate exams of one card at two facilities on one day, overlapping stays at two
/// hospitals, a card with 20–40 visits in a month, a length of stay 1–10 days beyond its dates, a claim costing 4–20× its
/// peers' median — and decoys the rules must not flag: a same-day referral from an exam to an admission, a transfer
/// discharged and admitted on the same day, a dialysis patient's thirteen visits a month, a heavy but normal long stay.
/// Several of each, scaled with the claim count.
/// </summary>
public sealed class ClaimPlanter(ClaimFactory factory, InsuredPeople people, Random random, GenerationOptions options)
{
    /// <summary>One plant of each kind per this many claims (at least <see cref="MinPerKind"/>, at most <see cref="MaxPerKind"/>).</summary>
    public const long ClaimsPerPlant = 20_000;
    public const int MinPerKind = 5;
    public const int MaxPerKind = 2_500;

    /// <summary>The plants; empty when the file is too small to hide them among ordinary rows.</summary>
    public IReadOnlyList<ClaimPlant> Build()
    {
        var perKind = (int)Math.Clamp(options.Claims / ClaimsPerPlant, MinPerKind, MaxPerKind);
        var plants = new List<ClaimPlant>();
        for (var i = 0; i < perKind; i++)
        {
            plants.Add(Duplicate());
            plants.Add(Overlap());
            plants.Add(Overuse());
            plants.Add(StayMismatch());
            plants.Add(CostOutlier(i));
            plants.Add(Referral());
            plants.Add(Transfer());
            if (i % 2 == 0) plants.Add(Dialysis());
            if (i % 2 == 0) plants.Add(LongStay());
        }
        return plants.Sum(p => p.Rows.Count) * 5L > options.Claims ? [] : plants;
    }

    private ClaimPlant Duplicate()
    {
        var person = Person();
        var primary = people.PrimaryOf(person);
        var day = factory.RandomAdmission();
        var other = people.OtherExamFacility(person, primary, random);
        var plant = new ClaimPlant("duplicate_claim", false, new() { ["facilities"] = new[] { primary.Code, other.Code }, ["date"] = day.ToString("yyyy-MM-dd") });
        plant.Rows.Add(factory.Create("", people.CardOf(person), primary, 1, day));
        plant.Rows.Add(factory.Create("", people.CardOf(person), other, 1, day.Date.AddHours(13 + random.Next(4)).AddMinutes(random.Next(60))));
        return plant;
    }

    private ClaimPlant Overlap()
    {
        var person = Person();
        var hospital = people.HospitalOf(person);
        var admitted = factory.RandomAdmission();
        var stay = 4 + random.Next(9);
        var other = people.OtherHospital(person, hospital, random);
        var second = admitted.Date.AddDays(1 + random.Next(stay - 1)).AddHours(8 + random.Next(8));
        var plant = new ClaimPlant("overlapping_stay", false, new() { ["hospitals"] = new[] { hospital.Code, other.Code } });
        plant.Rows.Add(factory.Create("", people.CardOf(person), hospital, 3, admitted, stay));
        plant.Rows.Add(factory.Create("", people.CardOf(person), other, 3, second, 2 + random.Next(8)));
        return plant;
    }

    private ClaimPlant Overuse()
    {
        var person = Person();
        var primary = people.PrimaryOf(person);
        var month = factory.RandomAdmission();
        var visits = 20 + random.Next(21);
        var plant = new ClaimPlant("card_overuse", false, new() { ["visits"] = visits, ["facility"] = primary.Code, ["month"] = month.ToString("yyyy-MM") });
        for (var v = 0; v < visits; v++)
            plant.Rows.Add(factory.Create("", people.CardOf(person), primary, random.Next(5) == 0 ? 2 : 1, factory.RandomMoment(month.Year, month.Month), 1));
        return plant;
    }

    private ClaimPlant StayMismatch()
    {
        var person = Person();
        var stay = factory.RandomStay();
        var excess = 1 + random.Next(10);
        // Beyond the generous convention (discharge − admission + 1): the excess cannot be a counting habit.
        var recorded = stay + 1 + excess;
        var plant = new ClaimPlant("stay_length_mismatch", false, new() { ["stay_days_by_dates"] = stay, ["recorded_days"] = recorded, ["excess_days"] = excess });
        plant.Rows.Add(factory.Create("", people.CardOf(person), people.HospitalOf(person), 3, factory.RandomAdmission(), stay, recordedDays: recorded));
        return plant;
    }

    private ClaimPlant CostOutlier(int index)
    {
        var person = Person();
        var type = index % 4 == 3 ? 3 : index % 4 == 2 ? 2 : 1;
        var facility = type == 3 ? people.HospitalOf(person) : people.PrimaryOf(person);
        var ratio = Math.Round(4 + random.NextDouble() * 16, 1);
        var plant = new ClaimPlant("claim_cost_outlier", false, new() { ["cost_factor"] = ratio, ["visit_type"] = type, ["tier"] = facility.Tier });
        plant.Rows.Add(factory.Create("", people.CardOf(person), facility, type, factory.RandomAdmission(), type == 1 ? null : 1 + random.Next(4), costFactor: ratio));
        return plant;
    }

    /// <summary>Exam at the commune station, referred and admitted to the hospital the same day: an exam and an admission are not two exams.</summary>
    private ClaimPlant Referral()
    {
        var person = Person();
        var primary = people.PrimaryOf(person);
        var hospital = people.HospitalOf(person);
        if (primary == hospital) hospital = people.OtherHospital(person, primary, random);
        var day = factory.RandomAdmission();
        var plant = new ClaimPlant("duplicate_claim", true, new() { ["decoy"] = "khám ở trạm y tế, chuyển tuyến và nhập viện cùng ngày (khám + nội trú, không phải hai lần khám)" });
        plant.Rows.Add(factory.Create("", people.CardOf(person), primary, 1, day.Date.AddHours(7).AddMinutes(random.Next(60))));
        plant.Rows.Add(factory.Create("", people.CardOf(person), hospital, 3, day.Date.AddHours(11 + random.Next(5))));
        return plant;
    }

    /// <summary>Discharged from the district hospital and admitted to the province hospital the same day: a transfer, not an overlap.</summary>
    private ClaimPlant Transfer()
    {
        var person = Person();
        var hospital = people.HospitalOf(person);
        var other = people.OtherHospital(person, hospital, random);
        var admitted = factory.RandomAdmission();
        var first = factory.Create("", people.CardOf(person), hospital, 3, admitted, 1 + random.Next(6));
        var plant = new ClaimPlant("overlapping_stay", true, new() { ["decoy"] = "chuyển viện: ra viện và nhập viện nơi khác trong cùng ngày" });
        plant.Rows.Add(first);
        plant.Rows.Add(factory.Create("", people.CardOf(person), other, 3, first.Discharged.AddHours(3)));
        return plant;
    }

    /// <summary>Hemodialysis three times a week at the hospital: twelve to fourteen visits a month, every month, is care.</summary>
    private ClaimPlant Dialysis()
    {
        var person = Person();
        var hospital = people.HospitalOf(person);
        var month = factory.RandomAdmission();
        var first = new DateTime(month.Year, month.Month, 1);
        var plant = new ClaimPlant("card_overuse", true, new() { ["decoy"] = "chạy thận nhân tạo 3 lần/tuần" });
        for (var day = first.AddDays(random.Next(2)); day.Month == first.Month; day = day.AddDays(day.DayOfWeek == DayOfWeek.Friday ? 3 : 2))
            plant.Rows.Add(factory.Create("", people.CardOf(person), hospital, 2, day.AddHours(7), 1));
        return plant;
    }

    /// <summary>A 20–40 day stay at the province hospital costing what so many bed-days cost: heavy, but priced like its peers per day.</summary>
    private ClaimPlant LongStay()
    {
        var person = Person();
        var stay = 20 + random.Next(21);
        var plant = new ClaimPlant("claim_cost_outlier", true, new() { ["decoy"] = "điều trị nội trú dài ngày, chi phí tương ứng số ngày", ["stay_days"] = stay });
        plant.Rows.Add(factory.Create("", people.CardOf(person), people.HospitalOf(person), 3, factory.RandomAdmission(), stay));
        return plant;
    }

    private long Person() => random.NextInt64(people.Count);
}
