namespace Bhyt.Etl.Generation;

/// <summary>
/// Draws the claims in file order and hands each to an <see cref="IClaimsOutput"/> (<c>claims.csv</c> or the XML files;
/// memory bounded by the plants, never by the claims): ordinary visits of the insured people at their own facilities,
/// with the planted claim-level anomalies and decoys placed at random rows among them, and the facility-level effects
/// (cost jumps, a clinic's ramp-up, a station's run-down) applied as rows are drawn.
/// </summary>
public sealed class ClaimsWriter(ClaimFactory factory, InsuredPeople people, FacilityEffects effects, IReadOnlyList<ClaimPlant> plants, Random random, GenerationOptions options)
{
    /// <summary>Claims between progress lines on standard error.</summary>
    public const long ProgressEvery = 1_000_000;

    /// <summary>Writes every claim to <paramref name="output"/>; the plants' rows get their ids and positions.</summary>
    public void Write(IClaimsOutput output, TextWriter progress)
    {
        var ids = new ClaimIds(random);
        var placed = Place(ids);
        var next = 0;
        for (long row = 0; row < options.Claims; row++)
        {
            if (next < placed.Length && placed[next].Position == row)
                output.Add(placed[next++].Claim);
            else
                output.Add(Ordinary(row, ids));
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
