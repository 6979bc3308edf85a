using System.Text;

namespace Bhyt.Etl.Generation;

/// <summary>
/// Streams <c>claims.csv</c> line by line (memory bounded by the plants, never by the claims): ordinary visits of the
/// insured people at their own facilities, with the planted claim-level anomalies and decoys placed at random rows among
/// them, and the facility-level effects (cost jumps, a clinic's ramp-up, a station's run-down) applied as rows are drawn.
/// </summary>
public sealed class ClaimsWriter(ClaimFactory factory, InsuredPeople people, FacilityEffects effects, IReadOnlyList<ClaimPlant> plants, Random random, GenerationOptions options)
{
    /// <summary>Claims between progress lines on standard error.</summary>
    public const long ProgressEvery = 1_000_000;

    /// <summary>Writes the file; the plants' rows get their ids and positions.</summary>
    public void Write(string path, TextWriter progress)
    {
        var ids = new ClaimIds(random);
        var placed = Place(ids);
        var next = 0;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine(SyntheticClaim.Header);
        for (long row = 0; row < options.Claims; row++)
        {
            if (next < placed.Length && placed[next].Position == row)
                writer.WriteLine(placed[next++].Claim.ToCsvLine());
            else
                writer.WriteLine(Ordinary(row, ids).ToCsvLine());
            if ((row + 1) % ProgressEvery == 0) progress.WriteLine($"claims: {row + 1:N0} / {options.Claims:N0}");
        }
    }

    private SyntheticClaim Ordinary(long row, ClaimIds ids)
    {
        var person = random.NextInt64(people.Count);
        var type = factory.RandomVisitType();
        var admitted = factory.RandomAdmission();
        var facility = effects.Serving(type == 3 ? people.HospitalOf(person) : people.PrimaryOf(person), admitted, people.RankOf(person));
        var (cost, drug) = effects.Factors(facility, admitted);
        return factory.Create(ids.For(row, new SyntheticClaimKey(admitted, facility.Code)), people.CardOf(person), facility, type, admitted, costFactor: cost, drugFactor: drug);
    }

    /// <summary>Draws a distinct random row for every planted row (a pair's two claims land far apart) and gives each its id.</summary>
    private (long Position, SyntheticClaim Claim)[] Place(ClaimIds ids)
    {
        var rows = plants.SelectMany(p => p.Rows.Select((_, i) => (Plant: p, Index: i))).ToArray();
        random.Shuffle(rows);
        var positions = new HashSet<long>();
        while (positions.Count < rows.Length) positions.Add(random.NextInt64(options.Claims));
        var ordered = positions.Order().ToArray();
        var placed = new (long, SyntheticClaim)[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var (plant, index) = rows[i];
            var claim = plant.Rows[index];
            plant.Rows[index] = claim with { ClaimId = ids.For(ordered[i], new SyntheticClaimKey(claim.Admitted, claim.Facility.Code)) };
            placed[i] = (ordered[i], plant.Rows[index]);
        }
        return placed;
    }
}
