using System.Data.Common;
using System.Globalization;
using System.Text;
using Bhyt.Etl.Parsing.Encodings;
using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Units;
using CsvHelper;
using CsvHelper.Configuration;
using Dapper;

namespace Bhyt.Etl.Loading;

/// <summary>
/// Reads the facilities CSV (<c>MA_CSKCB, TEN_CSKCB, TUYEN, LOAI, unit_code</c>) and feeds <c>dw.dim_facility</c>:
/// new codes are added, known codes updated (keys kept). Tier 1 central … 4 commune; LOAI public|private (or
/// "công lập"/"tư nhân"); the unit must be a known commune or district. Any error rejects the whole file.
/// </summary>
public sealed class FacilityStore(IWarehouseEngine engine, UnitDirectory units)
{
    private static readonly string[] Columns = ["facility_key", "facility_code", "name", "tier", "ownership", "unit_key", "unit_code", "province_code", "submission_id"];
    private static readonly DateOnly AsOf = new(2024, 12, 31);

    public static bool LooksLikeFacilities(string header) =>
        header.Contains("MA_CSKCB", StringComparison.OrdinalIgnoreCase) && header.Contains("TUYEN", StringComparison.OrdinalIgnoreCase);

    public sealed record Facility(string Code, string Name, int Tier, string Ownership, UnitRecord Unit);

    public (List<Facility> Facilities, List<ValidationIssue> Errors) Read(string path)
    {
        var facilities = new List<Facility>();
        var errors = new List<ValidationIssue>();
        using var decoded = VietnameseTextFile.Open(path);
        if (decoded.Decision.Rejection is { } reason) return (facilities, [ValidationIssue.ErrorAt(EncodingIssue.Undecided, reason, "toàn tệp")]);
        using var reader = new StreamReader(decoded.Path, Encoding.UTF8, true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true, TrimOptions = TrimOptions.Trim, PrepareHeaderForMatch = a => a.Header.Trim().ToUpperInvariant(), MissingFieldFound = null,
        });
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var row = csv.Parser.Row;
            ValidationIssue Error(string column, string rule, string message) => new(ValidationIssue.Error, rule, message, $"dòng {row}, cột {column}");
            var code = csv.GetField("MA_CSKCB") ?? "";
            var tierText = csv.GetField("TUYEN") ?? "";
            var ownership = (csv.GetField("LOAI") ?? "").ToLowerInvariant() switch
            {
                "public" or "công lập" or "nhà nước" => "public",
                "private" or "tư nhân" or "ngoài công lập" => "private",
                var other => other,
            };
            var unitCode = csv.GetField("UNIT_CODE") ?? "";
            var unit = units.FindByCode(unitCode, AsOf) ?? units.Units.FirstOrDefault(u => u.UnitCode == unitCode);
            var rowErrors = new List<ValidationIssue>();
            if (code.Length == 0) rowErrors.Add(Error("MA_CSKCB", "facility.missing_code", "Thiếu mã cơ sở KCB."));
            if (!int.TryParse(tierText, out var tier) || tier is < 1 or > 4)
                rowErrors.Add(Error("TUYEN", "facility.tier", $"Tuyến '{tierText}' không hợp lệ (1 trung ương, 2 tỉnh, 3 huyện, 4 xã)."));
            if (ownership is not ("public" or "private")) rowErrors.Add(Error("LOAI", "facility.ownership", $"Loại hình '{ownership}' không hợp lệ (public hoặc private)."));
            if (unit is null) rowErrors.Add(Error("unit_code", "unit.unknown", $"Mã đơn vị '{unitCode}' không có trong danh mục."));
            if (rowErrors.Count > 0) errors.AddRange(rowErrors);
            else facilities.Add(new Facility(code, csv.GetField("TEN_CSKCB") ?? code, tier, ownership, unit!));
        }
        return (facilities, errors);
    }

    public async Task<int> SaveAsync(DbConnection connection, DbTransaction transaction, long submissionId, IReadOnlyList<Facility> facilities, CancellationToken ct)
    {
        var existing = (await connection.QueryAsync<string>(new CommandDefinition("SELECT facility_code FROM dw.dim_facility",
            transaction: transaction, cancellationToken: ct))).ToHashSet();
        var added = facilities.Where(f => !existing.Contains(f.Code)).DistinctBy(f => f.Code).ToList();
        var first = await engine.ReserveKeysAsync(connection, transaction, "dw.seq_facility", added.Count, ct);
        await engine.BulkInsertAsync(connection, transaction, "dw.dim_facility", Columns, added.Select((f, i) => new object?[]
        {
            (int)(first + i), f.Code, f.Name, f.Tier, f.Ownership, f.Unit.UnitKey, f.Unit.UnitCode, f.Unit.ProvinceCode, submissionId,
        }), ct);
        var updated = facilities.Where(f => existing.Contains(f.Code)).Select(f => new
        {
            f.Code, f.Name, f.Tier, f.Ownership, UnitKey = f.Unit.UnitKey, UnitCode = f.Unit.UnitCode, f.Unit.ProvinceCode, submissionId,
        }).ToList();
        if (updated.Count > 0)
            await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
                UPDATE dw.dim_facility SET name = @Name, tier = @Tier, ownership = @Ownership, unit_key = @UnitKey, unit_code = @UnitCode,
                    province_code = @ProvinceCode, submission_id = @submissionId
                WHERE facility_code = @Code
                """), updated, transaction, cancellationToken: ct));
        return facilities.Count;
    }
}
