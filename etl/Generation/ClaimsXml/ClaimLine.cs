namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>
/// One detail line of a generated claim: a drug (XML2) or a service or supply (XML3), billed at a whole-VND unit price,
/// so that <see cref="Amount"/> is exactly quantity × price, with the insurer's share of it.
/// </summary>
public readonly record struct ClaimLine(ClaimItem Item, int Quantity, long UnitPrice, DateTime Ordered, long InsurerPaid = 0)
{
    public bool IsDrug => Item.Group == CostGroups.Drugs;

    public long Amount => Quantity * UnitPrice;

    /// <summary>Patient's co-payment on the line (T_BNCCT): the line within insurance scope less what the insurer pays.</summary>
    public long CoPayment => Amount - InsurerPaid;
}
