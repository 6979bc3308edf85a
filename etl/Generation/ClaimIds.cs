namespace Bhyt.Etl.Generation;

/// <summary>
/// MA_LK values shaped like facilities' own (admission date, facility code, an opaque serial): the serial is the row's
/// position through a bijective scramble (positions up to 2^40), so every id is unique, and no sequence tells a planted row from an ordinary one.
/// </summary>
public sealed class ClaimIds(Random random)
{
    private const int Bits = 40; // 2^40 < 36^8: every serial fits eight base-36 digits
    private const ulong Mask = (1UL << Bits) - 1;
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // Odd multipliers and xor-shifts are each invertible modulo 2^40, so position → serial is a bijection that scatters neighbours.
    private readonly ulong _first = (ulong)random.NextInt64(1L << 20, 1L << 39) | 1;
    private readonly ulong _second = (ulong)random.NextInt64(1L << 20, 1L << 39) | 1;
    private readonly ulong _offset = (ulong)random.NextInt64(1L << Bits);

    /// <summary>The id of the claim written at <paramref name="position"/> (0-based row).</summary>
    public string For(long position, SyntheticClaimKey key)
    {
        var x = ((ulong)position + _offset) & Mask;
        x = (x * _first) & Mask;
        x ^= x >> 21;
        x = (x * _second) & Mask;
        x ^= x >> 19;
        return string.Create(6 + key.FacilityCode.Length + 8, (key, x), static (text, state) =>
        {
            var (key, serial) = state;
            var date = key.Admitted.Year % 100 * 10_000 + key.Admitted.Month * 100 + key.Admitted.Day;
            for (var i = 5; i >= 0; i--, date /= 10) text[i] = (char)('0' + date % 10);
            key.FacilityCode.CopyTo(text[6..]);
            for (var i = text.Length - 1; i >= text.Length - 8; i--, serial /= 36) text[i] = Digits[(int)(serial % 36)];
        });
    }
}

/// <summary>What a claim id is built from: the admission moment and the facility code.</summary>
public readonly record struct SyntheticClaimKey(DateTime Admitted, string FacilityCode);
