using System.Data.Common;
using Bhyt.Etl.Sources.Claims.Xml;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Loading;

/// <summary>
/// Records the files of a claims batch (a .zip, a folder's XML files) that were rejected while the others loaded: their errors in
/// <c>etl.validation_issue</c> (file, HOSO, MA_LK, field), their HOSO as the submission's rejected rows, and the
/// submission as rejected when no file of the batch loaded.
/// </summary>
public static class ClaimArchiveRejections
{
    private static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Records them in <paramref name="transaction"/>, the batch's own (<see cref="ClaimStore.Completing"/>).</summary>
    public static async Task<SubmissionRecord> RecordAsync(IWarehouseEngine engine, DbConnection connection, DbTransaction transaction, SubmissionStore store,
        SubmissionRecord saved, ClaimsXmlReader reader, CancellationToken ct)
    {
        // Rejected only when no file of the batch passed; files whose claims were all loaded before still passed.
        var status = reader.RowsRead == 0 ? "rejected" : saved.Status;
        var message = string.Format(Vi, "{0:N0}/{1:N0} tệp trong {2} bị từ chối ({3:N0} lỗi); ", reader.FilesRejected, reader.FilesRead, reader.Container, reader.RejectionCount) +
            (status == "rejected" ? "không hồ sơ nào được nạp." : "các tệp khác đã nạp.") + (saved.Message is null ? "" : " " + saved.Message);
        await store.SaveIssuesAsync(connection, transaction, saved.SubmissionId, reader.Rejections, ct);
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql(
                "UPDATE etl.submission SET status = @status, rows_rejected = @rejected, message = @message WHERE submission_id = @id"),
            new { id = saved.SubmissionId, status, rejected = reader.ClaimsRejected, message }, transaction, cancellationToken: ct));
        return saved with { Status = status, RowsRejected = reader.ClaimsRejected, Message = message };
    }
}
