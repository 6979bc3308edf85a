using System.Text;

namespace Bhyt.Etl.Generation;

/// <summary>
/// Streams <c>claims.csv</c> line by line (constant memory) and plants a facility cost jump, duplicate claims of one
/// card on one day at two facilities and overlapping inpatient stays of one card.
/// </summary>
public sealed class ClaimsWriter(ClaimFactory factory, Random random, IReadOnlyList<SyntheticFacility> facilities, GenerationOptions options)
{
    /// <summary>How many duplicate pairs and overlapping pairs are planted at most.</summary>
    public const int PlantedPairs = 30;

    /// <summary>Claims between progress lines on standard error.</summary>
    public const long ProgressEvery = 1_000_000;

    private long _nextId;

    /// <summary>Writes the file; returns the anomalies planted in it.</summary>
    public IReadOnlyList<PlantedAnomaly> Write(string path, TextWriter progress)
    {
        var planted = new List<PlantedAnomaly>();
        var pairs = (int)Math.Min(PlantedPairs, options.Claims / 20);
        var ordinary = options.Claims - 4L * pairs;
        var jumpFacility = facilities.Where(f => f.Tier == 3 && f.Ownership == "public").OrderBy(_ => random.Next()).First();
        var jumpFrom = new DateTime(options.ClaimsFromYear < options.ToYear ? options.ToYear - 1 : options.ToYear, 7, 1);
        planted.Add(new PlantedAnomaly("facility_cost_jump", jumpFacility.Code, jumpFrom.ToString("yyyy-MM"),
            new Dictionary<string, object> { ["cost_factor"] = 1.7, ["drug_share_factor"] = 1.5, ["facility_name"] = jumpFacility.Name }));

        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine(SyntheticClaim.Header);
        for (long i = 0; i < ordinary; i++)
        {
            var card = factory.RandomCard();
            var type = factory.RandomVisitType();
            var facility = factory.RandomFacility(card, type);
            var admitted = factory.RandomAdmission();
            var jump = facility == jumpFacility && admitted >= jumpFrom;
            writer.WriteLine(factory.Create(NextId(), card, facility, type, admitted, costFactor: jump ? 1.7 : 1, drugFactor: jump ? 1.5 : 1).ToCsvLine());
            if ((i + 1) % ProgressEvery == 0) progress.WriteLine($"claims: {i + 1:N0} / {options.Claims:N0}");
        }
        for (var p = 0; p < pairs; p++) planted.Add(WriteDuplicatePair(writer));
        for (var p = 0; p < pairs; p++) planted.Add(WriteOverlappingStays(writer));
        return planted;
    }

    private PlantedAnomaly WriteDuplicatePair(StreamWriter writer)
    {
        var card = factory.RandomCard();
        var admitted = factory.RandomAdmission();
        var first = factory.Create(NextId(), card, factory.RandomFacility(card, 1), 1, admitted);
        var second = factory.Create(NextId(), card, factory.RandomFacility(card, 1, first.Facility), 1, admitted.Date.AddHours(15).AddMinutes(random.Next(60)));
        writer.WriteLine(first.ToCsvLine());
        writer.WriteLine(second.ToCsvLine());
        return new PlantedAnomaly("duplicate_claim", $"{first.ClaimId}|{second.ClaimId}", admitted.ToString("yyyy-MM"), new Dictionary<string, object>
        {
            ["claim_ids"] = new[] { first.ClaimId, second.ClaimId }, ["card"] = card, ["date"] = admitted.ToString("yyyy-MM-dd"),
            ["facilities"] = new[] { first.Facility.Code, second.Facility.Code },
        });
    }

    private PlantedAnomaly WriteOverlappingStays(StreamWriter writer)
    {
        var card = factory.RandomCard();
        var admitted = factory.RandomAdmission();
        var stay = 4 + random.Next(8);
        var first = factory.Create(NextId(), card, factory.RandomFacility(card, 3), 3, admitted, stay);
        var secondAdmitted = admitted.Date.AddDays(1 + random.Next(stay - 1)).AddHours(9);
        var second = factory.Create(NextId(), card, factory.RandomFacility(card, 3, first.Facility), 3, secondAdmitted, factory.RandomStay());
        writer.WriteLine(first.ToCsvLine());
        writer.WriteLine(second.ToCsvLine());
        return new PlantedAnomaly("overlapping_stay", $"{first.ClaimId}|{second.ClaimId}", admitted.ToString("yyyy-MM"), new Dictionary<string, object>
        {
            ["claim_ids"] = new[] { first.ClaimId, second.ClaimId }, ["card"] = card,
            ["first_stay"] = $"{first.Admitted:yyyy-MM-dd}..{first.Discharged:yyyy-MM-dd}", ["second_stay"] = $"{second.Admitted:yyyy-MM-dd}..{second.Discharged:yyyy-MM-dd}",
        });
    }

    private string NextId() => $"LK{++_nextId:D10}";
}
