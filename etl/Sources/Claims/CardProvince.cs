namespace Bhyt.Etl.Sources.Claims;

/// <summary>
/// The province that issued a health insurance card: characters 4–5 of its 15-character number (two letters of the
/// contributor group, one digit of the benefit level, two digits of the province, ten of the person). A claim's residence
/// province is its MATINH_CU_TRU; a claim without one (QĐ 4210 has no such field) takes the card's province, which is
/// where the card holder was enrolled.
/// </summary>
internal static class CardProvince
{
    /// <summary>The two digits of the issuing province, or empty when <paramref name="card"/> is not in the card's shape.</summary>
    public static ReadOnlySpan<byte> Of(ReadOnlySpan<byte> card) =>
        card.Length >= 15 && char.IsAsciiLetter((char)card[0]) && char.IsAsciiLetter((char)card[1])
            && char.IsAsciiDigit((char)card[2]) && char.IsAsciiDigit((char)card[3]) && char.IsAsciiDigit((char)card[4])
            ? card.Slice(3, 2) : default;

    /// <summary>The claim's residence province: <paramref name="stated"/> (MATINH_CU_TRU) when there is one, else the card's.</summary>
    public static ReadOnlySpan<byte> Residence(ReadOnlySpan<byte> stated, ReadOnlySpan<byte> card) => stated.IsEmpty ? Of(card) : stated;
}
