using System.Xml;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Validation;
using Bhyt.Etl.Import.Progress;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Streams the claims files facilities send — a <c>GIAMDINHHS</c> envelope or a bare <c>TONG_HOP</c>, QĐ 4210 or QĐ 130,
/// or a batch of such files (a .zip, or the .xml files of a folder: <see cref="IClaimEntries"/>) — into the same
/// <see cref="ClaimRecord"/>s the CSV reader makes, card pseudonymised as it is read; personal fields are skipped unread.
/// Memory stays bounded whatever the file size (see <see cref="ClaimXmlDocument"/>).
/// </summary>
/// <remarks>
/// What is rejected: a file (a lone .xml, or one file of a .zip or a folder) is the unit. Any error in any of its HOSO
/// rejects that whole file, with every error named, as the CSV path rejects a file for one bad row: an envelope is signed and
/// counted (CHUKYDONVI, SOLUONGHOSO) as one submission, the facility resends it whole once corrected, and a file is
/// never half-loaded. A lone file's errors are <see cref="ClaimSource.Errors"/> (nothing of it loads). In a batch the
/// other files go on: a rejected file's errors are <see cref="Rejections"/>, its claims are held back until the file is
/// judged and dropped. A zip bomb or an unreadable archive is refused whole.
/// </remarks>
public sealed class ClaimsXmlReader(CardPseudonymizer pseudonymizer, ClaimArchiveLimits? limits = null) : ClaimSource
{
    private readonly ClaimArchiveLimits _limits = limits ?? ClaimArchiveLimits.Default;
    private long _bound = long.MaxValue;
    private Exception? _refusal;

    /// <summary>Errors of the files of a batch that were rejected while the others loaded (the first 1000).</summary>
    public List<ValidationIssue> Rejections { get; } = [];

    /// <summary>Every file of a batch that was rejected while the others loaded, with its first error, in reading order.</summary>
    public List<RejectedClaimFile> RejectedFiles { get; } = [];

    /// <summary>Every file of a batch (.zip entry or a folder's file) as read, in reading order.</summary>
    public List<ClaimBatchFile> BatchFiles { get; } = [];

    // The source row of the last claim read (rows run on across the files of a batch).
    private int _row;
    private int _entryFirstRow;

    /// <summary>What held the batch, as users read it ("tệp nén", "thư mục"); "tệp nén" before a batch is read.</summary>
    public string Container { get; private set; } = "tệp nén";

    public int RejectionCount { get; private set; }
    public int FilesRead { get; private set; }
    public int FilesRejected { get; private set; }

    /// <summary>HOSO of the rejected files of a batch.</summary>
    public int ClaimsRejected { get; private set; }

    /// <summary>What the user should know after reading: the batch's files and which spending categories XML1 gives.</summary>
    public string Note =>
        (FilesRead > 1 && FilesRejected == 0 ? $"{FilesRead:N0} tệp XML trong {Container}. " : "") +
        (EntriesSkipped > 0 ? $"Bỏ qua {EntriesSkipped:N0} mục không phải .xml trong tệp nén. " : "") +
        (Details is null
            ? "Danh mục chi từ XML1: thuốc (T_THUOC → spend_drugs), vật tư y tế (T_VTYT → spend_supplies); dịch vụ kỹ thuật, khám và ngày giường " +
              "cần bảng chi tiết XML2/XML3, chưa được đọc."
            : "Danh mục chi: thuốc (T_THUOC → spend_drugs), vật tư y tế (T_VTYT → spend_supplies) từ XML1; dịch vụ kỹ thuật (spend_services), " +
              "khám bệnh và ngày giường (spend_exam_bed) từ bảng chi tiết XML2/XML3 của những hồ sơ có gửi kèm.");

    /// <summary>
    /// Where the lines of the detail tables XML2 and XML3 go, in file order per claim, each with its MA_LK and
    /// <see cref="ClaimDetail.Source"/> (file, HOSO); null skips those tables undecoded. The loader sets it to store them.
    /// </summary>
    public Action<ClaimDetail>? Details { get; set; }

    /// <summary>
    /// Whether envelopes and the documents in their NOIDUNGFILE are read by the span scanner first
    /// (<see cref="FastEnvelopeWalker"/>, <see cref="FastInnerDocument"/>), XmlReader reading what it declines; false
    /// reads everything with XmlReader (the reference the tests compare the fast path to).
    /// </summary>
    internal bool FastScanning { get; init; } = true;

    /// <summary>Envelopes the span scanner read to their end, and those it gave up on (read again by XmlReader from there).</summary>
    internal int EnvelopesScanned { get; private set; }
    internal int EnvelopesReread { get; private set; }

    /// <summary>Entries of a .zip that are not .xml, skipped.</summary>
    public int EntriesSkipped { get; private set; }

    /// <summary>Whether the file is a claims XML (root GIAMDINHHS or TONG_HOP) or a .zip whose first .xml is one.</summary>
    public static bool LooksLikeClaimsXml(string path) => ClaimXmlSniffer.LooksLikeClaims(path);

    /// <summary>Whether <paramref name="path"/> is read as a batch of files: a .zip, or a folder (its .xml files).</summary>
    public static bool IsBatch(string path) => ClaimArchive.IsZip(path) || Directory.Exists(path);

    /// <summary>
    /// A lone file: every HOSO and TONG_HOP tag in its bytes (each written claim has one, base64 or not), counted at
    /// disk speed. A batch: its files' (declared inflated) sizes over the smallest claim that can be written (a TONG_HOP
    /// with MA_LK, card, MA_CSKCB, MA_LOAI_KCB, a 12-digit NGAY_VAO and a total is over 150 bytes) — no second reading.
    /// </summary>
    public override long RowBound(string path)
    {
        if (!IsBatch(path))
        {
            using var file = File.OpenRead(path);
            return _bound = TagCounter.Count(file) + 1;
        }
        try
        {
            using var entries = EntriesOf(path, null);
            return _bound = entries.XmlEntries().Sum(e => e.Length / SmallestClaimBytes + 1) + 1;
        }
        catch (Exception e) when (e is ArchiveRefusedException or InvalidDataException)
        {
            _refusal = e; // Read reports it, before any claim.
            return 1;
        }
    }

    private const int SmallestClaimBytes = 128;

    /// <summary>The files of a folder's batch as its import listed them (<see cref="ClaimFolder"/>); listed here when not given.</summary>
    internal IReadOnlyList<string>? FolderFiles { get; init; }

    private IClaimEntries EntriesOf(string path, LoadMeter? meter) =>
        Directory.Exists(path) ? new ClaimFolder(path, meter, FolderFiles) : new ClaimArchive(path, _limits, meter);

    internal override IEnumerable<ClaimBatch> Read(string path, Func<ClaimBatch> rent)
    {
        using var workers = new InnerDocumentWorkers(FastScanning);
        var output = new ClaimBatchOutput(rent);
        var writer = new Xml1ClaimWriter(pseudonymizer, AddWarning);
        _row = 0;
        int NextRow() => ++_row <= _bound ? _row : throw new InvalidOperationException($"{Path.GetFileName(path)}: nhiều hồ sơ hơn số thẻ HOSO đã đếm.");
        if (!IsBatch(path))
        {
            var issues = new ClaimXmlIssues(null);
            using (var file = File.OpenRead(path).CountedBy(Meter))
                foreach (var _ in ReadFile(file, () => File.OpenRead(path), writer, issues, output, NextRow, workers))
                    foreach (var batch in output.TakeReady()) yield return batch;
            Close(issues, output, inArchive: false);
        }
        else
        {
            foreach (var batch in ReadBatch(path, writer, output, NextRow, workers)) yield return batch;
        }
        if (output.Rest() is { } rest) yield return rest;
    }

    private IEnumerable<ClaimBatch> ReadBatch(string path, Xml1ClaimWriter writer, ClaimBatchOutput output, Func<int> nextRow,
        InnerDocumentWorkers workers)
    {
        IClaimEntries? files = null;
        IReadOnlyList<ClaimEntry> entries;
        try
        {
            if (_refusal is not null) throw _refusal;
            files = EntriesOf(path, Meter);
            Container = files.Container;
            entries = files.XmlEntries();
        }
        catch (Exception e) when (e is ArchiveRefusedException or InvalidDataException)
        {
            files?.Dispose();
            Refuse(e);
            yield break;
        }
        using (files)
        {
            EntriesSkipped = files.Skipped;
            foreach (var entry in entries)
            {
                var issues = new ClaimXmlIssues(entry.Name);
                _entryFirstRow = _row + 1;
                output.Open();
                var refused = false;
                using (var stream = entry.Open())
                using (var claims = ReadFile(stream, () => entry.Reopen(stream), writer, issues, output, nextRow, workers).GetEnumerator())
                    while (true)
                    {
                        try
                        {
                            if (!claims.MoveNext()) break;
                        }
                        catch (ArchiveRefusedException e)
                        {
                            refused = true;
                            Refuse(e);
                            break;
                        }
                        catch (InvalidDataException e)
                        {
                            issues.Error(null, "zip.entry_corrupt", $"Không giải nén được tệp này: {e.Message}");
                            break;
                        }
                    }
                if (refused)
                {
                    output.Reject();
                    yield break;
                }
                Close(issues, output, inArchive: true);
                foreach (var batch in output.TakeReady()) yield return batch;
            }
        }
    }

    /// <summary>One document's claims, one step per claim; what breaks the document becomes an error of its file.</summary>
    private IEnumerable<int> ReadFile(Stream stream, Func<Stream> reopen, Xml1ClaimWriter writer, ClaimXmlIssues issues, ClaimBatchOutput output,
        Func<int> nextRow, InnerDocumentWorkers workers)
    {
        var document = new ClaimXmlDocument(writer, issues, output, nextRow, Details, workers, FastScanning);
        using var steps = document.Read(stream, reopen).GetEnumerator();
        while (true)
        {
            try
            {
                if (!steps.MoveNext()) break;
            }
            catch (XmlException e)
            {
                issues.Error($"dòng {e.LineNumber}, cột {e.LinePosition}", "xml.malformed", $"Tệp không đúng cú pháp XML: {e.Message}");
                break;
            }
            catch (InvalidBase64Exception e)
            {
                issues.Error("NOIDUNGFILE", "xml.base64", $"NOIDUNGFILE không giải mã được base64: {e.Message}");
                break;
            }
            yield return document.Written;
        }
        issues.Written = document.Written;
        if (document.How == ClaimXmlDocument.ReadBy.Scanner) EnvelopesScanned++;
        if (document.How == ClaimXmlDocument.ReadBy.ScannerThenXmlReader) EnvelopesReread++;
    }

    private void Close(ClaimXmlIssues issues, ClaimBatchOutput output, bool inArchive)
    {
        FilesRead++;
        if (inArchive)
            BatchFiles.Add(new ClaimBatchFile(issues.Entry!, issues.Count == 0 ? 0 : Math.Max(issues.Seen, 1), issues.Count, _entryFirstRow, _row));
        if (issues.Count == 0)
        {
            if (inArchive) output.Accept();
            RowsRead += issues.Written;
            return;
        }
        FilesRejected++;
        if (!inArchive)
        {
            foreach (var issue in issues.Kept) AddError(issue);
            ErrorCount += issues.Count - issues.Kept.Count;
            return;
        }
        output.Reject();
        ClaimsRejected += issues.Seen;
        RejectionCount += issues.Count;
        RejectedFiles.Add(new RejectedClaimFile(issues.Entry!, issues.Count, issues.Kept[0]));
        Rejections.AddRange(issues.Kept.Take(MaxErrorsKept - Rejections.Count));
    }

    private void Refuse(Exception e) => AddError(ValidationIssue.ErrorAt("zip.refused",
        $"Tệp nén bị từ chối, không hồ sơ nào được nạp: {e.Message}", e is ArchiveRefusedException { Entry.Length: > 0 } r ? $"tệp {r.Entry}" : "tệp nén"));
}
