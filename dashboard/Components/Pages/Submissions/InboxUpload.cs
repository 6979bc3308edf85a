using Bhyt.Dashboard.Audit;
using Bhyt.Dashboard.Security;
using Bhyt.Etl.Audit;
using Bhyt.Etl.Import;
using Bhyt.Etl.Import.Progress;
using Bhyt.Etl.Scheduling;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace Bhyt.Dashboard.Components.Pages.Submissions;

/// <summary>
/// Puts an uploaded file into the ETL inbox, where the scheduler imports it within a minute. Checked on the server:
/// only analysts and administrators may upload, only the extensions of <see cref="ImportKinds.Registered"/>, at most 200 MB.
/// The file is written under a temporary name and renamed when complete, so the scheduler never reads half a file. An account
/// limited to a unit scope puts in only files of units in its scope (<see cref="UploadScope"/>), checked before the rename.
/// Every upload, refused ones too, is recorded in the audit log (its import is recorded again when the inbox loads it).
/// </summary>
public sealed class InboxUpload(InboxOptions inbox, AuthenticationStateProvider authentication, IUnitAccessSource access, UploadScope scope,
    IAuditLog audit, ILogger<InboxUpload> log)
{
    public const long MaxBytes = 200L * 1024 * 1024;

    /// <summary>Saves the upload into the inbox; its bytes received, MB/s and time left go to <paramref name="progress"/>.</summary>
    public Task<string> SaveAsync(IBrowserFile file, IProgress<LoadProgress>? progress, CancellationToken ct) =>
        audit.RecordingAsync(AuditActions.Upload, Path.GetFileName(file.Name), () => StoreAsync(file, progress, ct),
            stored => $"lưu vào hộp thư: {stored}; {file.Size} byte");

    private async Task<string> StoreAsync(IBrowserFile file, IProgress<LoadProgress>? progress, CancellationToken ct)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (!user.IsInRole(Roles.Analyst) && !user.IsInRole(Roles.Admin))
            throw new UnauthorizedAccessException("Chỉ tài khoản phân tích hoặc quản trị được tải tệp lên.");
        var name = Path.GetFileName(file.Name);
        if (!ImportKinds.Registered.IsImportable(name))
            throw new InvalidOperationException($"Tệp '{name}' không thuộc loại nạp được ({ImportKinds.Registered.ExtensionList}).");
        if (file.Size > MaxBytes) throw new InvalidOperationException($"Tệp '{name}' lớn hơn {MaxBytes / 1024 / 1024} MB.");

        Directory.CreateDirectory(inbox.Inbox);
        var target = Path.Combine(inbox.Inbox, $"{DateTime.Now:yyyyMMdd-HHmmss}-{name}");
        // The partial file keeps the extension: the scope check reads it as the import will.
        var partial = Path.Combine(Path.GetDirectoryName(inbox.Inbox.TrimEnd(Path.DirectorySeparatorChar))!, $".upload-{Guid.NewGuid():N}{Path.GetExtension(name)}");
        await using (var meter = LoadMeter.Start(name, file.Size, progress, LoadPhase.Uploading))
        {
            await using (var output = File.Create(partial))
            await using (var input = file.OpenReadStream(MaxBytes, ct).CountedBy(meter))
                await input.CopyToAsync(output, ct);
            meter?.Enter(LoadPhase.Done);
        }
        string? refusal;
        try
        {
            refusal = await RefusalAsync(partial, name, ct);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        if (refusal is not null)
        {
            File.Delete(partial);
            log.LogWarning("{User} was refused uploading {File}: {Refusal}", user.Identity?.Name, name, refusal);
            throw new UnauthorizedAccessException(refusal);
        }
        File.Move(partial, target);
        log.LogInformation("{User} uploaded {File} ({Bytes} bytes) into the inbox", user.Identity?.Name, target, file.Size);
        return Path.GetFileName(target);
    }

    private async Task<string?> RefusalAsync(string partial, string name, CancellationToken ct)
    {
        var units = await access.CurrentAsync(ct);
        if (units.IsCountry) return null;
        try
        {
            return await scope.RefusalAsync(partial, name, units, ct);
        }
        catch (UnusableInputException e)
        {
            return e.Message;
        }
    }
}
