namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>
/// Breaks a claim's XML1 totals into detail lines that add up to them exactly: drugs (MA_NHOM 4) to T_THUOC, supplies
/// (10) to T_VTYT, and the rest of the total into an examination (13), bed-days (15, quantity = the recorded treatment
/// days) for an inpatient stay, and technical services (1, 2, 3, 8). The insurer's payment is spread over the lines in
/// proportion to their amounts, rounded so that the lines' shares add up to T_BHTT.
/// </summary>
public sealed class ClaimLines(Random random)
{
    /// <summary>Fills <paramref name="lines"/> (cleared first) with the claim's lines: XML2's, then XML3's.</summary>
    public void Build(SyntheticClaim claim, List<ClaimLine> lines)
    {
        lines.Clear();
        var drugs = claim.Drugs > 0 ? 1 + random.Next(claim.VisitType == 3 ? 5 : 3) : 0;
        Split(lines, claim, claim.Drugs, ClaimCatalog.Drugs, drugs, maxQuantity: 30);
        var supplies = claim.Supplies > 0 ? 1 + random.Next(3) : 0;
        Split(lines, claim, claim.Supplies, ClaimCatalog.Supplies, supplies, maxQuantity: 5);
        Services(lines, claim, Math.Max(0, claim.Total - claim.Drugs - claim.Supplies));
        ShareInsurerPayment(lines, claim.InsurerPaid, claim.Total);
    }

    private void Services(List<ClaimLine> lines, SyntheticClaim claim, long amount)
    {
        var exam = Math.Min(amount, ClaimCatalog.ExaminationPrice(claim.Facility.Tier));
        lines.Add(new ClaimLine(ClaimCatalog.Examination, 1, exam, claim.Admitted));
        amount -= exam;
        if (claim.VisitType == 3)
        {
            var days = Math.Max(1, claim.TreatmentDays);
            var price = (long)(amount * (0.35 + 0.3 * random.NextDouble())) / days;
            lines.Add(new ClaimLine(ClaimCatalog.BedDay, days, price, claim.Admitted));
            amount -= price * days;
        }
        if (amount > 0) Split(lines, claim, amount, ClaimCatalog.TechnicalServices, 1 + random.Next(3), maxQuantity: claim.VisitType == 1 ? 1 : 3);
    }

    /// <summary>
    /// <paramref name="count"/> lines of distinct items adding up to <paramref name="amount"/>: each but the last takes a
    /// random part at a whole unit price, the last takes what is left with a quantity that divides it.
    /// </summary>
    private void Split(List<ClaimLine> lines, SyntheticClaim claim, long amount, ClaimItem[] items, int count, int maxQuantity)
    {
        if (count == 0) return;
        var first = random.Next(items.Length);
        count = Math.Min(count, items.Length);
        for (var i = 0; i < count; i++)
        {
            var item = items[(first + i) % items.Length];
            var ordered = Ordered(claim);
            if (i == count - 1)
            {
                if (amount == 0) return;
                var quantity = maxQuantity;
                while (amount % quantity != 0) quantity--;
                lines.Add(new ClaimLine(item, quantity, amount / quantity, ordered));
                return;
            }
            var part = (long)(amount * random.NextDouble() / (count - i));
            var q = 1 + random.Next(maxQuantity);
            var price = part / q;
            if (price == 0) continue;
            lines.Add(new ClaimLine(item, q, price, ordered));
            amount -= price * q;
        }
    }

    private DateTime Ordered(SyntheticClaim claim)
    {
        var minutes = Math.Max(1, (int)(claim.Discharged - claim.Admitted).TotalMinutes);
        return claim.Admitted.AddMinutes(random.Next(minutes));
    }

    /// <summary>Line i pays ⌊cumulative amount × paid / total⌋ less the same for the lines before it: each line within its amount, all of them exactly <paramref name="paid"/>.</summary>
    private static void ShareInsurerPayment(List<ClaimLine> lines, long paid, long total)
    {
        Int128 cumulative = 0;
        long before = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            cumulative += lines[i].Amount;
            var upTo = total == 0 ? 0 : (long)(cumulative * paid / total);
            lines[i] = lines[i] with { InsurerPaid = upTo - before };
            before = upTo;
        }
    }
}
