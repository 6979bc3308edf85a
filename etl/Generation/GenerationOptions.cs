namespace Bhyt.Etl.Generation;

/// <summary>What <c>bhyt generate</c> was asked for: output folder, scope, year range, claim count and seed.</summary>
public sealed record GenerationOptions(string OutputDirectory, string Scale = "province", int FromYear = 2009, int ToYear = 2024, long Claims = 100_000, int Seed = 1, string Province = GenerationScope.DefaultProvince)
{
    /// <summary>The scales the generator understands.</summary>
    public static readonly string[] Scales = ["district", "province", "national"];

    /// <summary>First year that carries claims and fund figures (the last three years of the range).</summary>
    public int ClaimsFromYear => Math.Max(FromYear, ToYear - 2);

    /// <summary>Throws <see cref="ArgumentException"/> when the options cannot produce data.</summary>
    public void Validate()
    {
        if (!Scales.Contains(Scale)) throw new ArgumentException($"--scale phải là district, province hoặc national (nhận '{Scale}').");
        if (FromYear < 2000 || ToYear > 2100 || FromYear > ToYear) throw new ArgumentException($"Khoảng năm không hợp lệ: {FromYear}–{ToYear}.");
        if (ToYear < 2021 || FromYear > 2021) throw new ArgumentException("Khoảng năm phải chứa năm 2021 (số liệu tháng 2021).");
        if (Claims < 0) throw new ArgumentException("--claims phải không âm.");
    }
}
