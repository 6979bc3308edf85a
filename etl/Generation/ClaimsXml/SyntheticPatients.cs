using Bhyt.Warehouse.Reference;

namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>
/// Derives a <see cref="SyntheticPatient"/> from a card alone (a hash of it, no table in memory): a Vietnamese name by
/// sex, a birth date that fits the card's group (TE children under six, HT/CC retirees, HS/SV pupils and students),
/// a 12-digit citizen id in the national layout (province, century and sex, year, serial), a mobile number and an
/// address in the commune or district of the facility the claim was made at, in the card's province.
/// </summary>
public sealed class SyntheticPatients(IReadOnlyDictionary<string, AdminUnitRecord> units, int firstClaimsYear)
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "K'"];
    private static readonly string[] MaleNames = ["Văn An", "Văn Bình", "Minh Châu", "Quốc Dũng", "Văn Hùng", "Đức Long", "Thanh Sơn", "Hữu Tài", "Văn Thắng", "Gia Bảo", "Đình Khoa", "Công Vinh"];
    private static readonly string[] FemaleNames = ["Thị Lan", "Thị Hoa", "Ngọc Anh", "Thu Trang", "Thị Mai", "Thanh Hương", "Bảo Ngọc", "Thị Hạnh", "Kim Liên", "Thị Nga", "Minh Thư", "Thị Yến"];
    private static readonly string[] Hamlets = ["Thôn", "Tổ dân phố", "Ấp", "Bon"];

    /// <summary>Builds the lookup from the generation scope's units.</summary>
    public static SyntheticPatients For(GenerationScope scope, int firstClaimsYear) =>
        new(scope.Provinces.Concat(scope.Districts).Concat(scope.Communes).ToDictionary(u => u.UnitCode), firstClaimsYear);

    public SyntheticPatient Of(string card, SyntheticFacility facility)
    {
        var hash = Hash(card);
        var sex = (int)(hash % 2) + 1;
        var given = sex == 1 ? MaleNames : FemaleNames;
        var name = $"{FamilyNames[(int)(hash / 2 % (ulong)FamilyNames.Length)]} {given[(int)(hash / 64 % (ulong)given.Length)]}";
        var birth = BirthDate(card, hash);
        var province = card.Substring(3, 2); // the card's province: MATINH_CU_TRU as claims.csv writes it
        var commune = units.TryGetValue(facility.UnitCode, out var unit) && unit.Level == "commune" ? unit : null;
        var district = units.GetValueOrDefault(facility.DistrictCode);
        var place = string.Join(", ", new[] { commune?.Name, district?.Name, units.GetValueOrDefault(province)?.Name }.Where(n => n is not null));
        var address = $"{Hamlets[(int)(hash / 1024 % (ulong)Hamlets.Length)]} {1 + hash / 4096 % 15}, {place}";
        var century = birth.Year >= 2000 ? 2 : 0;
        var citizen = $"0{province}{century + sex - 1}{birth.Year % 100:D2}{hash / 65_536 % 1_000_000:D6}";
        var phone = $"0{(hash / 7 % 3) switch { 0 => "9", 1 => "3", _ => "8" }}{hash / 131 % 100_000_000:D8}";
        var patientId = $"BN{hash / 17 % 100_000_000:D8}";
        return new SyntheticPatient(patientId, name, birth, hash % 11 != 0, sex, citizen, phone, address, province, facility.DistrictCode, commune?.UnitCode ?? "");
    }

    private DateOnly BirthDate(string card, ulong hash)
    {
        var (from, years) = card[..2] switch
        {
            "TE" => (firstClaimsYear - 6, 5),
            "HT" or "CC" => (1935, 30),
            "HS" => (firstClaimsYear - 17, 11),
            "SV" => (firstClaimsYear - 23, 5),
            _ => (1950, 50),
        };
        return new DateOnly(from + (int)(hash / 3 % (ulong)years), 1, 1).AddDays((int)(hash / 97 % 365));
    }

    /// <summary>FNV-1a of the card, then a SplitMix64 finaliser: stable per card, well spread.</summary>
    private static ulong Hash(string card)
    {
        var h = 14695981039346656037UL;
        foreach (var c in card) h = (h ^ c) * 1099511628211UL;
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }
}
