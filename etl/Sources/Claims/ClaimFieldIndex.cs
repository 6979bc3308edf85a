namespace Bhyt.Etl.Sources.Claims;

/// <summary>
/// Where each column <see cref="ClaimColumns"/> found sits in a row (-1 when the file lacks it), resolved once from
/// the header: a lookup by name per field was a third of the read time. A column read is never repeated (the reader
/// rejects such a header), and <see cref="Names"/> keeps the header for a row whose fields do not match it.
/// </summary>
internal sealed class ClaimFieldIndex
{
    public ClaimFieldIndex(IReadOnlyList<string> header, ClaimColumns c)
    {
        Names = header.Select(h => h.Trim()).ToArray();
        var index = header.Select((h, i) => (Name: h.Trim().ToUpperInvariant(), i)).GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.First().i);
        int At(string? name) => name is null ? -1 : index[name];
        (ClaimId, Card, Facility, VisitType, Admitted, Discharged, Days) =
            (At(c.ClaimId), At(c.Card), At(c.Facility), At(c.VisitType), At(c.Admitted), At(c.Discharged), At(c.Days));
        (Diagnosis, Total, InsurerPaid, PatientPaid, Drugs, Supplies, Province) =
            (At(c.Diagnosis), At(c.Total), At(c.InsurerPaid), At(c.PatientPaid), At(c.Drugs), At(c.Supplies), At(c.Province));
        (BirthDate, Sex) = (At(c.BirthDate), At(c.Sex));
    }

    /// <summary>The header's column names, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    public int ClaimId { get; }
    public int Card { get; }
    public int Facility { get; }
    public int VisitType { get; }
    public int Admitted { get; }
    public int Discharged { get; }
    public int Days { get; }
    public int Diagnosis { get; }
    public int Total { get; }
    public int InsurerPaid { get; }
    public int PatientPaid { get; }
    public int Drugs { get; }
    public int Supplies { get; }
    public int Province { get; }
    public int BirthDate { get; }
    public int Sex { get; }
}
