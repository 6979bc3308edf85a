namespace Bhyt.Etl.Generation;

/// <summary>
/// What <c>bhyt generate</c> was asked for: output folder, scope, year range, claim count and seed, and how the claims
/// are written — <c>csv</c> (<c>claims.csv</c>, one XML1 row a line) or <c>xml</c> (the files facilities send, at most
/// <paramref name="ClaimsPerFile"/> HOSO per batch envelope).
/// </summary>
public sealed record GenerationOptions(string OutputDirectory, string Scale = "province", int FromYear = 2009, int ToYear = 2024, long Claims = 100_000, int Seed = 1,
    string Province = GenerationScope.DefaultProvince, string Format = GenerationOptions.Csv, int ClaimsPerFile = 10_000)
{
    /// <summary>The scales the generator understands.</summary>
    public static readonly string[] Scales = ["district", "province", "national"];

    public const string Csv = "csv", Xml = "xml";

    /// <summary>The claims formats the generator writes.</summary>
    public static readonly string[] Formats = [Csv, Xml];

    /// <summary>First year that carries claims and fund figures (the last three years of the range).</summary>
    public int ClaimsFromYear => Math.Max(FromYear, ToYear - 2);

    /// <summary>Throws <see cref="ArgumentException"/> when the options cannot produce data.</summary>
    public void Validate()
    {
        if (!Scales.Contains(Scale)) throw new ArgumentException($"--scale phải là district, province hoặc national (nhận '{Scale}').");
        if (FromYear < 2000 || ToYear > 2100 || FromYear > ToYear) throw new ArgumentException($"Khoảng năm không hợp lệ: {FromYear}–{ToYear}.");
        if (ToYear < 2021 || FromYear > 2021) throw new ArgumentException("Khoảng năm phải chứa năm 2021 (số liệu tháng 2021).");
        if (Claims < 0) throw new ArgumentException("--claims phải không âm.");
        if (!Formats.Contains(Format)) throw new ArgumentException($"--format phải là csv hoặc xml (nhận '{Format}').");
        if (ClaimsPerFile < 1) throw new ArgumentException("--claims-per-file phải lớn hơn 0.");
    }
}
