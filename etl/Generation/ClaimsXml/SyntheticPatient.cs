namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>
/// The personal fields a real XML1 carries (MA_BN, HO_TEN, NGAY_SINH, GIOI_TINH, SO_CCCD, DIEN_THOAI, DIA_CHI and the
/// residence codes) — made up, stable per card, so that an importer has them to drop exactly as in real files.
/// </summary>
public sealed record SyntheticPatient(string PatientId, string Name, DateOnly BirthDate, bool BirthDayKnown, int Sex, string CitizenId, string Phone,
    string Address, string ProvinceCode, string DistrictCode, string CommuneCode);
