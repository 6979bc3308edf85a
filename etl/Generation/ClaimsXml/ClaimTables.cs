namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>
/// Everything one HOSO is written from: the generated claim (its XML1 figures), the made-up patient, the style it is
/// written in and its detail lines. Reused from claim to claim, so that writing millions allocates per claim only what
/// the text needs.
/// </summary>
public sealed class ClaimTables
{
    public SyntheticClaim Claim { get; private set; } = null!;
    public SyntheticPatient Patient { get; private set; } = null!;
    public ClaimXmlStyle Style { get; private set; }
    public List<ClaimLine> Lines { get; } = [];

    /// <summary>Drug lines (XML2).</summary>
    public IEnumerable<ClaimLine> DrugLines => Lines.Where(l => l.IsDrug);

    /// <summary>Service and supply lines (XML3).</summary>
    public IEnumerable<ClaimLine> ServiceLines => Lines.Where(l => !l.IsDrug);

    public bool IsQd130 => Style.Standard == ClaimStandard.Qd130;

    /// <summary>Insurer's benefit level on the card (MUC_HUONG, %), as <see cref="ClaimFactory"/> priced the claim.</summary>
    public int BenefitPercent => Claim.Card[2] switch { '1' or '2' => 100, '3' => 95, _ => 80 };

    /// <summary>Sets the claim to write; the lines are built by the caller into <see cref="Lines"/>.</summary>
    public void Set(SyntheticClaim claim, SyntheticPatient patient, ClaimXmlStyle style)
    {
        Claim = claim;
        Patient = patient;
        Style = style;
    }
}
