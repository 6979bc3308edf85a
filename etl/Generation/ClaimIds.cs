namespace Bhyt.Etl.Generation;

/// <summary>
/// MA_LK values shaped like facilities' own (admission date, facility code, an opaque serial): the serial is the row's
/// position through a bijective scramble, so every id is unique, and no sequence tells a planted row from an ordinary one.
/// </summary>
public sealed class ClaimIds(Random random)
{
    private const long Space = 2_821_109_907_456L; // 36^8
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // A factor divisible by neither 2 nor 3 is coprime with 36^8, so position → serial is a bijection.
    private readonly long _factor = PickFactor(random);
    private readonly long _offset = random.NextInt64(Space);

    /// <summary>The id of the claim written at <paramref name="position"/> (0-based row).</summary>
    public string For(long position, SyntheticClaimKey key)
    {
        var serial = (long)(((UInt128)(ulong)position * (ulong)_factor + (ulong)_offset) % (ulong)Space);
        Span<char> text = stackalloc char[8];
        for (var i = 7; i >= 0; i--, serial /= 36) text[i] = Digits[(int)(serial % 36)];
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{key.Admitted:yyMMdd}{key.FacilityCode}{text}");
    }

    private static long PickFactor(Random random)
    {
        while (true)
        {
            var factor = random.NextInt64(1L << 36, 1L << 40);
            if (factor % 2 != 0 && factor % 3 != 0) return factor;
        }
    }
}

/// <summary>What a claim id is built from: the admission moment and the facility code.</summary>
public readonly record struct SyntheticClaimKey(DateTime Admitted, string FacilityCode);
