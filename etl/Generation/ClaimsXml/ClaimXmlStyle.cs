namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>
/// How one claim is written: its standard, how NOIDUNGFILE holds its tables, what precedes a base64-decoded document
/// (UTF-8 BOM, XML declaration, a CR/LF), the decimal mark of its money, and whether its codes are zero-padded.
/// </summary>
public readonly record struct ClaimXmlStyle(ClaimStandard Standard, NoiDungFile Content, bool Bom, bool Declaration, bool LeadingNewLine,
    bool CommaDecimals, bool TwoDecimals, bool PaddedCodes, bool Namespaces)
{
    /// <summary>Sending under QĐ 130 could start on 31/03/2023 (test period) and was the basis of payment from 01/09/2023.</summary>
    private static readonly DateTime Qd130Trial = new(2023, 4, 1), Qd130Binding = new(2023, 9, 1);

    public bool IsBase64 => Content is NoiDungFile.Base64 or NoiDungFile.Base64Wrapped76 or NoiDungFile.Base64Wrapped64;

    /// <summary>
    /// Draws a claim's style. The standard follows the discharge date: QĐ 4210 before the trial, either during it, mostly
    /// QĐ 130 after it with a tenth of 4210 exports still sent (hospitals produced both well past 09/2023).
    /// </summary>
    public static ClaimXmlStyle Draw(Random random, DateTime discharged)
    {
        var qd130Share = discharged < Qd130Trial ? 0 : discharged < Qd130Binding ? 0.5 : 0.9;
        var standard = random.NextDouble() < qd130Share ? ClaimStandard.Qd130 : ClaimStandard.Qd4210;
        var content = random.NextDouble() switch
        {
            < 0.60 => NoiDungFile.Base64,
            < 0.70 => NoiDungFile.Base64Wrapped76,
            < 0.75 => NoiDungFile.Base64Wrapped64,
            < 0.93 => NoiDungFile.Inline,
            _ => NoiDungFile.InlineCData,
        };
        var qd4210 = standard == ClaimStandard.Qd4210;
        return new ClaimXmlStyle(standard, content, Bom: random.NextDouble() < 0.3, Declaration: random.NextDouble() < 0.7,
            LeadingNewLine: random.NextDouble() < (qd4210 ? 0.3 : 0.1), CommaDecimals: qd4210 && random.NextDouble() < 0.5,
            TwoDecimals: random.NextDouble() < 0.4, PaddedCodes: random.NextDouble() < 0.85, Namespaces: random.NextDouble() < 0.2);
    }
}
