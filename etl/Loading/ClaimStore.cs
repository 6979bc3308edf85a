using System.Data.Common;
using System.Threading.Channels;
using Bhyt.Etl.Import.Progress;
using Bhyt.Etl.Loading.Details;
using Bhyt.Etl.Sources.Claims;
using Bhyt.Etl.Sources.Claims.Xml;
using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Loading;

/// <summary>What loading one claims file did.</summary>
/// <remarks><c>AlreadyLoaded</c> counts rows not loaded (repeated later in the file, or identical to the claim in the warehouse);
/// <c>Replaced</c> counts claims whose earlier version this file replaced.</remarks>
public sealed record ClaimLoad(int RowsRead, int Loaded, int AlreadyLoaded, IReadOnlyList<ValidationIssue> Errors, int ErrorCount, int Replaced = 0);

/// <summary>
/// Loads a claims file in one transaction: rows are read and pseudonymised on one thread and stream, typed and in
/// batches, through the Appender (SqlBulkCopy) straight into <c>dw.fct_claim</c> on another, with facilities resolved
/// in memory; the file's claims are then resolved against those already loaded (same MA_LK at the same facility,
/// <see cref="ClaimVersions"/>: the last row of a repeated claim in the file, a changed claim replaces the earlier version,
/// which moves to history, an identical one is dropped), and the aggregates are rebuilt for the (month, facility) groups the
/// file touched and those of the versions it replaced (<see cref="ClaimAggregates"/>), and the claims-derived indicators
/// for the units holding those facilities, over the groups' years (<see cref="ClaimIndicatorDeriver"/>). The detail lines of an XML file
/// (XML2/XML3) wait in a temporary file while the claims stream, then join their claims in the same transaction
/// (<see cref="ClaimDetailStore"/>) before the resubmissions are resolved, and XML1's totals are reconciled with them.
/// Any error rolls everything back: nothing of a rejected file stays.
/// </summary>
public sealed class ClaimStore(IWarehouseEngine engine, SubmissionStore submissions, ClaimIndicatorDeriver indicators)
{
    private static readonly string[] FactColumns =
    [
        "claim_key", "claim_id", "card_pseudonym", "facility_key", "facility_code", "residence_province", "visit_type", "visit_type_code",
        "admitted_at", "discharged_at", "month_key", "length_of_stay", "primary_icd", "total_cost", "insurer_paid", "patient_paid",
        "drug_cost", "supplies_cost", "submission_id", "source_row", "sex", "age_band",
    ];

    private readonly ClaimVersions _versions = new(engine);
    private readonly ClaimDetailStore _details = new(engine);
    private readonly ClaimAggregates _aggregates = new(engine);

    /// <summary>Where the load's rows and phases are reported for the progress display, when there is one.</summary>
    public LoadMeter? Meter { get; init; }

    /// <summary>
    /// What the caller records with a load that keeps claims, in its transaction, just before it commits: a batch's rejected
    /// files and the SHA-256 of its files, so that no crash can leave the claims without them. Given the submission as
    /// saved so far, returns it as the caller left it.
    /// </summary>
    public Func<DbTransaction, SubmissionRecord, Task<SubmissionRecord>>? Completing { get; init; }

    public async Task<(SubmissionRecord Submission, ClaimLoad Load)> LoadAsync(DbConnection connection, SubmissionRecord submission,
        ClaimSource reader, string path, CancellationToken ct)
    {
        var months = (await connection.QueryAsync<(string Label, int Key)>(new CommandDefinition(
            "SELECT label, period_key FROM dw.dim_period WHERE kind = 'month'", cancellationToken: ct))).ToDictionary(r => r.Label, r => r.Key);
        var facilities = (await connection.QueryAsync<(string Code, int Key)>(new CommandDefinition(
            "SELECT facility_code, facility_key FROM dw.dim_facility", cancellationToken: ct))).ToDictionary(r => r.Code, r => r.Key);
        // Keys are first + source row: an upper bound of the rows reserves them before the stream starts.
        var lines = reader.RowBound(path);
        using var spill = DetailSpillFor(reader);

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var saved = await submissions.InsertSubmissionAsync(connection, transaction, submission, ct);
        var id = saved.SubmissionId;
        var first = await engine.ReserveKeysAsync(connection, transaction, "dw.seq_claim", checked((int)lines + 2), ct);
        var facts = new ClaimFacts(first, id, months, facilities);
        Meter?.Enter(LoadPhase.Reading);
        var appended = await AppendAsync(connection, transaction, reader.Read(path, facts.Rent), facts, ct);
        var unknown = facts.UnknownFacilities;

        var errors = reader.Errors.ToList();
        errors.AddRange(unknown.Select(u => new ValidationIssue(ValidationIssue.Error, "claim.unknown_facility",
            $"Cơ sở KCB '{u.Key}' chưa có trong danh mục cơ sở ({u.Value.Rows} hồ sơ); hãy nạp tệp cơ sở KCB trước.", $"dòng {u.Value.FirstRow}, cột MA_CSKCB")));
        var errorCount = reader.ErrorCount + unknown.Sum(u => u.Value.Rows);
        if (errorCount > 0)
        {
            await transaction.RollbackAsync(ct);
            var rejected = await submissions.SaveAsync(connection, submission with
            {
                Status = "rejected", RowsLoaded = 0, RowsRejected = errorCount, Message = $"Bị từ chối: {errorCount} lỗi; không hồ sơ nào được nạp.",
            }, [], errors, ct);
            return (rejected, new ClaimLoad(reader.RowsRead, 0, 0, errors, errorCount));
        }

        Meter?.Enter(LoadPhase.Versions);
        var details = spill is null ? null : await _details.LoadAsync(connection, transaction, id, spill, ct);
        var resolution = await _versions.ResolveAsync(connection, transaction, id, ct);
        var loaded = (int)appended - resolution.RepeatedInFile - resolution.Unchanged;
        Meter?.Enter(LoadPhase.Monthly);
        var touched = await _aggregates.RefreshAsync(connection, transaction, id, ct);
        Meter?.Enter(LoadPhase.Indicators);
        await indicators.DeriveAsync(connection, transaction, touched, $"SELECT t.facility_code FROM ({ClaimAggregates.TouchedGroupsSql}) t", new { id }, ct);
        await _aggregates.ForgetAsync(connection, transaction, id, ct);
        if (details is not null) details = await _details.FinishAsync(connection, transaction, id, details, ct);
        var message = string.Join(" ", new[] { MessageOf(resolution), details?.Note }.Where(m => m is not null)) is { Length: > 0 } m ? m : null;
        // Warnings (an unusable birth date, an unknown cost group, totals that differ from the lines) load with the claims
        // and are recorded with the file.
        var warnings = reader.WarningCount + (details?.WarningCount ?? 0);
        await submissions.SaveIssuesAsync(connection, transaction, id, [.. reader.Warnings, .. details?.Warnings ?? []], ct);
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql(
                "UPDATE etl.submission SET rows_loaded = @loaded, warnings = @warnings, message = @message WHERE submission_id = @id"),
            new { id, loaded, warnings, message }, transaction, cancellationToken: ct));
        saved = saved with { RowsLoaded = loaded, Warnings = warnings, Message = message };
        if (Completing is not null) saved = await Completing(transaction, saved);
        await transaction.CommitAsync(ct);
        return (saved, new ClaimLoad(reader.RowsRead, loaded, reader.RowsRead - loaded, [], 0, resolution.Replaced));
    }

    /// <summary>The spill of an XML reader's detail lines; the CSV export has none.</summary>
    private static ClaimDetailSpill? DetailSpillFor(ClaimSource reader)
    {
        if (reader is not ClaimsXmlReader xml) return null;
        var spill = new ClaimDetailSpill(reader.AddWarning);
        var earlier = xml.Details;
        xml.Details = earlier is null ? spill.Add : line => { earlier(line); spill.Add(line); };
        return spill;
    }

    /// <summary>
    /// Reads (and pseudonymises) on one thread while the engine appends on another: a bounded channel of reused
    /// batches between them keeps memory constant. A failure on either side stops both.
    /// </summary>
    private async Task<long> AppendAsync(DbConnection connection, DbTransaction transaction, IEnumerable<ClaimBatch> batches, ClaimFacts facts,
        CancellationToken ct)
    {
        var channel = Channel.CreateBounded<ClaimBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var batch in batches)
                {
                    facts.Resolve(batch);
                    Meter?.AddRows(batch.Count);
                    await channel.Writer.WriteAsync(batch, stop.Token);
                }
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        });
        try
        {
            return await engine.BulkInsertAsync(connection, transaction, "dw.fct_claim", FactColumns, facts.Consume(channel.Reader, stop.Token), ct);
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }

    private static string? MessageOf(ClaimResolution resolution)
    {
        var parts = new List<string>();
        if (resolution.RepeatedInFile > 0)
            parts.Add($"{resolution.RepeatedInFile} dòng lặp MA_LK tại cùng cơ sở trong tệp: giữ dòng sau cùng.");
        if (resolution.Unchanged > 0)
            parts.Add($"{resolution.Unchanged} hồ sơ đã có trong kho với cùng nội dung (trùng MA_LK tại cùng cơ sở), bỏ qua.");
        if (resolution.Replaced > 0)
            parts.Add($"{resolution.Replaced} hồ sơ gửi lại thay thế bản đã nạp; bản cũ được lưu trong lịch sử (rpt.claim_versions).");
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }
}
