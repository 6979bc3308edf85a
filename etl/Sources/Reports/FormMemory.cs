using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>
/// The forms the importer has recognised before (<c>etl.form_layout</c>): a table header's signature (its folded texts,
/// numbers masked) and the roles of its columns. The next document whose header has the same signature — next year's
/// copy of the same form — is read with these roles, even where the generic reader would hesitate (a year the scan
/// confused, a header that names no period the reader knows).
/// </summary>
public sealed class FormMemory
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };
    private readonly Dictionary<string, FormLayout> _forms;

    public FormMemory(IReadOnlyDictionary<string, FormLayout> forms) => _forms = new(forms);

    public static FormMemory Empty { get; } = new(new Dictionary<string, FormLayout>());

    public int Count => _forms.Count;

    public FormLayout? Find(string signature) => _forms.GetValueOrDefault(Hash(signature));

    /// <summary>The stable key of a header signature (SHA-256, hex).</summary>
    public static string Hash(string signature) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signature)));

    public static async Task<FormMemory> LoadAsync(IWarehouseEngine engine, DbConnection connection, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(string Hash, string Layout)>(new CommandDefinition(engine.Sql(
            "SELECT signature_hash, layout_json FROM etl.form_layout"), cancellationToken: ct));
        return new FormMemory(rows.ToDictionary(r => r.Hash.Trim(), r => JsonSerializer.Deserialize<FormLayout>(r.Layout, Json)!));
    }

    /// <summary>Remembers the forms of a loaded document: new signatures are added, known ones count one more use.</summary>
    public static async Task SaveAsync(IWarehouseEngine engine, DbConnection connection, IEnumerable<TableLayout> layouts, string fileName, long submissionId, CancellationToken ct)
    {
        foreach (var layout in layouts.Where(l => l.Form is not null && l.Signature.Length > 0).DistinctBy(l => l.Signature))
        {
            var hash = Hash(layout.Signature);
            var now = DateTime.UtcNow;
            var updated = await connection.ExecuteAsync(new CommandDefinition(engine.Sql(
                "UPDATE etl.form_layout SET uses = uses + 1, last_used_at = @now, last_file = @fileName WHERE signature_hash = @hash"),
                new { hash, now, fileName }, cancellationToken: ct));
            if (updated > 0) continue;
            await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
                INSERT INTO etl.form_layout (signature_hash, header_signature, orientation, column_count, header_rows, layout_json,
                                             first_file, first_submission_id, last_file, recognised_at, last_used_at, uses)
                VALUES (@hash, @signature, @orientation, @columns, @headerRows, @json, @fileName, @submissionId, @fileName, @now, @now, 1)
                """), new
            {
                hash, signature = Truncate(layout.Signature, 4000), orientation = Orientation(layout.Orientation), columns = layout.Columns.Count,
                headerRows = layout.Form!.HeaderRows, json = JsonSerializer.Serialize(layout.Form, Json), fileName, submissionId, now,
            }, cancellationToken: ct));
        }
    }

    /// <summary>The orientation as <c>etl.form_layout</c> and <c>--explain</c> name it.</summary>
    public static string Orientation(TableOrientation orientation) => orientation switch
    {
        TableOrientation.UnitRows => "unit_rows",
        TableOrientation.PeriodRows => "period_rows",
        _ => "indicator_rows",
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
