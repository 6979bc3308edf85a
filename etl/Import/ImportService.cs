using System.Security.Cryptography;
using Bhyt.Etl.Import.Progress;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Parsing.Encodings;
using Bhyt.Etl.Sources;
using System.Data.Common;
using Bhyt.Etl.Sources.Claims;
using Bhyt.Etl.Sources.Claims.Xml;
using Bhyt.Etl.Sources.Csv;
using Bhyt.Etl.Sources.Prose;
using Bhyt.Etl.Reporting.Annex;
using Bhyt.Etl.Sources.Annex;
using Bhyt.Etl.Sources.Reports;
using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;
using Dapper;

namespace Bhyt.Etl.Import;

/// <summary>
/// Imports files into the warehouse: reads, validates (errors reject the whole file, warnings are recorded), and
/// loads each file in one transaction. An identical file already loaded is a no-op recorded as <c>duplicate</c>.
/// </summary>
public sealed class ImportService(IWarehouseEngine engine, UnitDirectory units)
{
    private static readonly ImportKinds Kinds = ImportKinds.Registered;
    private readonly IndicatorCatalog _catalog = IndicatorCatalog.Bundled;
    private readonly UnitNameResolver _names = new(units);
    private readonly SubmissionStore _store = new(engine);

    public static async Task<ImportService> CreateAsync(IWarehouseEngine engine, CancellationToken ct) =>
        new(engine, await UnitDirectory.LoadAsync(engine, ct));

    /// <summary>
    /// The files a list of paths names: files as given, folders expanded to the files of a registered kind they hold,
    /// in load order (<see cref="ImportKinds.InLoadOrder"/>); other files (truth.json, reports) are passed to
    /// <paramref name="skipped"/>. With <paramref name="xmlBatches"/>, a folder's claims XML files, when there are more
    /// than one, are named by the folder itself, imported as one submission (<see cref="ClaimFolderBatch"/>) in the place
    /// of claims in the load order; its other files stay files of their own.
    /// </summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths, Action<string>? skipped = null, bool xmlBatches = false) =>
        paths.SelectMany(path =>
            Directory.Exists(path) ? FilesOf(path, skipped, xmlBatches)
            : File.Exists(path) ? [Path.GetFullPath(path)]
            : throw new UnusableInputException($"Không tìm thấy tệp hoặc thư mục '{path}'. [input.not_found]")).ToList();

    private static IEnumerable<string> FilesOf(string folder, Action<string>? skipped, bool xmlBatches)
    {
        var files = Directory.GetFiles(folder).Where(f => Kinds.IsImportable(f) || Skip(f, skipped)).ToList();
        var xml = xmlBatches ? ClaimFolder.XmlFiles(folder) : [];
        return Kinds.InLoadOrder(ClaimFolderBatch.IsBatch(xml)
            ? [.. files.Where(f => !ClaimFolder.IsXml(f)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))]
            : files);
    }

    private static bool Skip(string path, Action<string>? skipped)
    {
        skipped?.Invoke(path);
        return false;
    }

    /// <summary>
    /// Imports one file; where its load stands (phase, bytes read, rows, MB/s, time left) goes to <paramref name="progress"/>
    /// a few times a second and at each change of phase, ending with <see cref="LoadPhase.Done"/> (loaded, rejected or a
    /// duplicate) or <see cref="LoadPhase.Failed"/> (an exception, thrown on). Traced and measured by <see cref="Telemetry.ImportTelemetry"/>.
    /// </summary>
    public async Task<ImportResult> ImportAsync(string path, ImportOptions options, IProgress<LoadProgress>? progress, CancellationToken ct)
    {
        var kind = KindOf(path, options.Kind);
        using var telemetry = new Telemetry.ImportTelemetry(path, kind);
        var rowsAre = kind == ImportKinds.Claims ? "hồ sơ" : "dòng";
        // A folder's batch is listed once: its name, size, hashes and reading all cover the same files.
        var folderFiles = Directory.Exists(path) ? ClaimFolder.XmlFiles(path) : null;
        await using var meter = folderFiles is not null
            ? LoadMeter.Start(ClaimFolderBatch.NameOf(path, folderFiles, options.BatchName), ClaimFolderBatch.Bytes(folderFiles), progress, LoadPhase.Hashing, rowsAre)
            : LoadMeter.Start(path, rowsAre, progress);
        try
        {
            var result = await ImportAsync(path, folderFiles, kind, options, meter, ct);
            meter?.Enter(LoadPhase.Done);
            telemetry.Succeeded(result);
            return result;
        }
        catch (Exception e)
        {
            meter?.Enter(LoadPhase.Failed);
            telemetry.Failed(e);
            throw;
        }
    }

    /// <summary>
    /// The units a submission or report file holds figures of (its reporting unit too), read exactly as an import reads it but
    /// loading nothing; null for claims and facilities files, whose units are their facilities'. Throws
    /// <see cref="UnusableInputException"/> for a file of no importable kind.
    /// </summary>
    public async Task<(string Kind, IReadOnlyList<UnitRecord>? Units)> UnitsOfAsync(string path, CancellationToken ct)
    {
        var kind = KindOf(path, ImportKinds.Auto);
        if (kind is ImportKinds.Claims or ImportKinds.Facilities) return (kind, null);
        var memory = FormMemory.Empty;
        if (kind == ImportKinds.Report)
        {
            await using var connection = await engine.OpenAsync(ct);
            memory = await FormMemory.LoadAsync(engine, connection, ct);
        }
        var extraction = Extract(path, kind, new ImportOptions(), null, memory).Extraction;
        return (kind, extraction.Figures.Select(f => f.Unit).Append(extraction.ReportingUnit).OfType<UnitRecord>().DistinctBy(u => u.UnitKey).ToList());
    }

    private async Task<ImportResult> ImportAsync(string path, IReadOnlyList<string>? folderFiles, string kind, ImportOptions options, LoadMeter? meter,
        CancellationToken ct)
    {
        var fileName = folderFiles is null ? Path.GetFileName(path) : ClaimFolderBatch.NameOf(path, folderFiles, options.BatchName);
        var (sha, batchFiles) = folderFiles is not null ? await ClaimFolderBatch.Sha256Async(folderFiles, meter, ct) : (await Sha256Async(path, meter, ct), []);
        await using var connection = await engine.OpenAsync(ct);

        if (await _store.FindLoadedAsync(connection, sha, ct) is { } original)
        {
            var duplicate = await _store.SaveAsync(connection, new SubmissionRecord(0, fileName, sha, kind, null, options.UnitCode, "duplicate", 0, 0, 0,
                original, $"Trùng nội dung với bản nộp {original}; không nạp lại."), [], [], ct);
            return new ImportResult(path, duplicate, [], duplicate.Message)
            {
                BatchFiles = [.. batchFiles.Select(f => new ClaimBatchFile(f.Name, 0, 0))],
            };
        }

        if (kind == ImportKinds.Claims) return await ImportClaimsAsync(connection, path, fileName, folderFiles, sha, batchFiles, options, meter, ct);
        if (kind == ImportKinds.Facilities) return await ImportFacilitiesAsync(connection, path, sha, options, meter, ct);
        if (kind == ImportKinds.Schedule) return await ImportScheduleAsync(connection, path, sha, options, meter, ct);

        var memory = kind == ImportKinds.Report ? await FormMemory.LoadAsync(engine, connection, ct) : FormMemory.Empty;
        meter?.Enter(LoadPhase.Reading);
        var reading = Extract(path, kind, options, meter, memory);
        meter?.ReadAll();
        var extraction = reading.Extraction;
        var issues = extraction.Issues.ToList();
        var rejected = issues.Any(i => i.IsError);
        if (!rejected)
        {
            meter?.Enter(LoadPhase.Checking);
            issues.AddRange(ConsistencyRules.Check(extraction.Figures, _catalog));
            var known = await _store.CurrentValuesAsync(connection, extraction.Figures.Select(f => f.Unit.UnitKey).Distinct().ToList(), ct);
            issues.AddRange(new JumpCheck(options.JumpBound).Check(extraction.Figures, known));
            if (reading.RestatesOnlyChanges) AnnexTemplateReader.DropUnchanged(extraction, known);
        }

        var unit = extraction.ReportingUnit ?? CommonUnit(extraction.Figures);
        var empty = !rejected && extraction.Figures.Count == 0;
        var record = new SubmissionRecord(0, fileName, sha, kind, unit?.UnitKey, unit?.UnitCode ?? options.UnitCode,
            rejected ? "rejected" : empty ? "empty" : "loaded",
            rejected ? 0 : extraction.Figures.Count, extraction.RejectedRows.Count, issues.Count(i => !i.IsError),
            null, rejected ? $"Bị từ chối: {issues.Count(i => i.IsError)} lỗi." : extraction.Note, options.SourceId);
        meter?.Enter(LoadPhase.Saving);
        var saved = await _store.SaveAsync(connection, record, rejected ? [] : extraction.Figures, issues, ct);
        if (!rejected && !empty) await FormMemory.SaveAsync(engine, connection, reading.RecognisedLayouts, fileName, saved.SubmissionId, ct);
        if (!rejected) await new FigureCandidateStore(engine).SaveAsync(connection, saved.SubmissionId, extraction.Candidates, ct);
        return new ImportResult(path, saved, issues, extraction.Note) { Tables = reading.Tables };
    }

    private async Task<ImportResult> ImportClaimsAsync(DbConnection connection, string path, string fileName, IReadOnlyList<string>? folderFiles, string sha,
        IReadOnlyList<(string Name, string Sha256)> batchFiles, ImportOptions options, LoadMeter? meter, CancellationToken ct)
    {
        var pseudonymizer = CardPseudonymizer.For(engine);
        ClaimSource reader = ImportKinds.IsCsv(path) ? new ClaimsCsvReader(pseudonymizer) : new ClaimsXmlReader(pseudonymizer) { FolderFiles = folderFiles };
        reader.Meter = meter;
        meter?.Enter(LoadPhase.Counting);
        var submission = new SubmissionRecord(0, fileName, sha, ImportKinds.Claims, null, null, "loaded", 0, 0, 0, null, null, options.SourceId);
        // The fast claims reader reads UTF-8 bytes only: a legacy-encoded CSV is converted to a UTF-8 copy first.
        using var decoded = ImportKinds.IsCsv(path) ? VietnameseTextFile.Open(path) : null;
        if (decoded?.Decision.Rejection is { } reason)
        {
            var refusal = ValidationIssue.ErrorAt(EncodingIssue.Undecided, reason, "toàn tệp");
            var refused = await _store.SaveAsync(connection, submission with { Status = "rejected", Message = reason }, [], [refusal], ct);
            return new ImportResult(path, refused, [refusal], reason);
        }
        // A batch's rejected files and its files' SHA-256 commit with its claims.
        ClaimsXmlReader? withRejections = null;
        var store = new ClaimStore(engine, _store, new ClaimIndicatorDeriver(engine, units))
        {
            Meter = meter,
            Completing = async (transaction, saved) =>
            {
                if (reader is not ClaimsXmlReader xml) return saved;
                if (xml.RejectionCount > 0)
                {
                    saved = await ClaimArchiveRejections.RecordAsync(engine, connection, transaction, _store, saved, xml, ct);
                    withRejections = xml;
                }
                var shaOf = batchFiles.ToDictionary(f => f.Name, f => f.Sha256, StringComparer.Ordinal);
                if (saved.Status == "loaded" && shaOf.Count > 0)
                    await _store.SaveFilesAsync(connection, transaction, saved.SubmissionId,
                        xml.BatchFiles.Where(f => !f.IsRejected && shaOf.ContainsKey(f.Name)).Select(f => (f.Name, shaOf[f.Name])), ct);
                return saved;
            },
        };
        var (saved, load) = await store.LoadAsync(connection, submission, reader, decoded?.Path ?? path, ct);
        IReadOnlyList<RejectedClaimFile> rejectedFiles = [];
        if (withRejections is { } rejecting)
        {
            load = load with { Errors = rejecting.Rejections };
            rejectedFiles = rejecting.RejectedFiles;
        }
        var note = load.ErrorCount > load.Errors.Count ? $"{load.ErrorCount:N0} lỗi; {load.Errors.Count} lỗi đầu tiên được ghi lại."
            : string.Join(" ", new[] { saved.Message, (reader as ClaimsCsvReader)?.SpendingNote ?? (reader as ClaimsXmlReader)?.Note, decoded?.Decision.Note }.Where(m => m is not null));
        return new ImportResult(path, saved, load.Errors, note)
        {
            RejectedFiles = rejectedFiles,
            BatchFiles = Directory.Exists(path) && reader is ClaimsXmlReader batch ? await SettleBatchFilesAsync(connection, saved, batch.BatchFiles, batchFiles, ct) : [],
        };
    }

    /// <summary>
    /// The files of a folder's batch once it loaded: the claims each left in the warehouse (by the source rows the batch gave
    /// them), the submission that had loaded a file before (a file identical to one loaded is a duplicate, as a file
    /// imported alone is), and the files that loaded kept with their own SHA-256 for a later import of one of them alone.
    /// </summary>
    private async Task<IReadOnlyList<ClaimBatchFile>> SettleBatchFilesAsync(DbConnection connection, SubmissionRecord saved, IReadOnlyList<ClaimBatchFile> files,
        IReadOnlyList<(string Name, string Sha256)> shas, CancellationToken ct)
    {
        if (saved.Status != "loaded") return files;
        var rows = (await connection.QueryAsync<int>(new CommandDefinition(engine.Sql(
            "SELECT source_row FROM dw.fct_claim WHERE submission_id = @id ORDER BY source_row"), new { id = saved.SubmissionId }, cancellationToken: ct))).ToArray();
        var shaOf = shas.ToDictionary(f => f.Name, f => f.Sha256, StringComparer.Ordinal);
        // The batch's own files were kept with it: a file is a duplicate of an earlier submission only.
        var before = (await _store.FindLoadedAsync(connection, shaOf.Values.ToList(), ct)).Where(f => f.Value != saved.SubmissionId)
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        // The batch's warnings are recorded with it, each located in its file.
        var names = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var warnings = (await connection.QueryAsync<string>(new CommandDefinition(engine.Sql(
                "SELECT location FROM etl.validation_issue WHERE submission_id = @id AND severity = 'warning'"),
                new { id = saved.SubmissionId }, cancellationToken: ct)))
            .Select(location => ClaimBatchFile.FileOf(location, names)).OfType<string>()
            .CountBy(name => name).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var settled = files.Select(f => f with
        {
            Loaded = f.IsRejected ? 0 : CountBetween(rows, f.FirstRow, f.LastRow),
            DuplicateOf = !f.IsRejected && shaOf.TryGetValue(f.Name, out var sha) && before.TryGetValue(sha, out var earlier) ? earlier : null,
            Warnings = f.IsRejected ? 0 : warnings.GetValueOrDefault(f.Name),
        }).ToList();
        return settled;
    }

    private static int CountBetween(int[] sorted, int first, int last)
    {
        if (last < first) return 0;
        var from = Array.BinarySearch(sorted, first);
        var to = Array.BinarySearch(sorted, last);
        return (to < 0 ? ~to : to + 1) - (from < 0 ? ~from : from);
    }

    private async Task<ImportResult> ImportFacilitiesAsync(DbConnection connection, string path, string sha, ImportOptions options, LoadMeter? meter,
        CancellationToken ct)
    {
        var facilities = new FacilityStore(engine, units);
        meter?.Enter(LoadPhase.Reading);
        var (rows, errors) = facilities.Read(path);
        meter?.ReadAll();
        meter?.SetRows(rows.Count);
        meter?.Enter(LoadPhase.Saving);
        var submission = new SubmissionRecord(0, Path.GetFileName(path), sha, ImportKinds.Facilities, null, null,
            errors.Count > 0 ? "rejected" : "loaded", errors.Count > 0 ? 0 : rows.Count, errors.Select(e => e.Location).Distinct().Count(), 0, null, null, options.SourceId);
        if (errors.Count > 0) return new ImportResult(path, await _store.SaveAsync(connection, submission, [], errors, ct), errors, null);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var saved = await _store.InsertSubmissionAsync(connection, transaction, submission, ct);
        await facilities.SaveAsync(connection, transaction, saved.SubmissionId, rows, ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(path, saved, [], null);
    }

    private async Task<ImportResult> ImportScheduleAsync(DbConnection connection, string path, string sha, ImportOptions options, LoadMeter? meter,
        CancellationToken ct)
    {
        meter?.Enter(LoadPhase.Reading);
        var (lines, errors) = Reporting.ReportingScheduleCsv.Read(path);
        var (expected, unitErrors) = new Reporting.ReportingExpectations(units).Expand(lines);
        errors.AddRange(unitErrors);
        meter?.ReadAll();
        meter?.SetRows(lines.Count);
        meter?.Enter(LoadPhase.Saving);
        var submission = new SubmissionRecord(0, Path.GetFileName(path), sha, ImportKinds.Schedule, null, null,
            errors.Count > 0 ? "rejected" : "loaded", errors.Count > 0 ? 0 : expected.Count, errors.Select(e => e.Location).Distinct().Count(), 0,
            null, errors.Count > 0 ? $"Bị từ chối: {errors.Count} lỗi." : Reporting.ScheduleTexts.Loaded(lines, expected), options.SourceId);
        if (errors.Count > 0) return new ImportResult(path, await _store.SaveAsync(connection, submission, [], errors, ct), errors, null);
        var saved = await new Reporting.ReportingScheduleStore(engine, _store).SaveAsync(connection, submission, expected, ct);
        return new ImportResult(path, saved, [], saved.Message);
    }

    private ReportReading Extract(string path, string kind, ImportOptions options, LoadMeter? meter, FormMemory memory)
    {
        var resolver = new FigureResolver(units, _names, _catalog, options.UnitCode);
        return kind switch
        {
            ImportKinds.Submission => new ReportReading(new SubmissionCsvReader(resolver).Read(path, meter?.RowCount()), []),
            ImportKinds.Report => ReadReportOrTemplate(path, resolver, options, memory),
            _ => throw new UnusableInputException($"{Path.GetFileName(path)}: loại '{kind}' chưa được hỗ trợ trong phiên bản này. [input.kind]"),
        };
    }

    private static RawDocument Bounded(RawDocument document) => document.TooLongTextAt() is { } where
        ? throw new UnusableInputException($"{document.FileName}: {where} dài hơn {RawDocument.MaxTextChars:N0} ký tự: không phải văn bản báo cáo. [input.paragraph_too_long]")
        : document;

    // The document is read (and its package checked: size, depth, encryption) before its annex marker is looked for; a
    // marked template is read by its marker, any other document by its tables.
    private ReportReading ReadReportOrTemplate(string path, FigureResolver resolver, ImportOptions options, FormMemory memory)
    {
        var document = Bounded(DocumentReaders.For(path)!.Read(path));
        return AnnexMarkerPart.Find(path) is { } marker
            ? new AnnexTemplateReader(resolver, units).Read(document, marker)
            : ReadReport(document, resolver, options, memory);
    }

    // Figures in the running text become candidates for review, never figures of the submission.
    private ReportReading ReadReport(RawDocument document, FigureResolver resolver, ImportOptions options, FormMemory memory)
    {
        var reading = new ReportExtractor(resolver, units, _names).Read(document, options.UnitCode, memory);
        if (document.EncodingNotice is { } notice) reading.Extraction.Issues.Add(notice);
        reading.Extraction.Issues.AddRange(document.ReaderIssues);
        reading.Extraction.Candidates.AddRange(new ProseFigureExtractor(_catalog, _names).Extract(document, reading.Extraction.ReportingUnit));
        return reading;
    }

    private static string KindOf(string path, string requested)
    {
        if (Directory.Exists(path))
            return requested is ImportKinds.Auto or ImportKinds.Claims && ClaimFolder.XmlFiles(path).Count > 0 ? ImportKinds.Claims
                : throw new UnusableInputException(
                    $"{Path.GetFileName(path)}: một thư mục chỉ nạp được như một lô tệp XML hồ sơ KCB (--kind claims). [input.folder]");
        if (requested == ImportKinds.Auto)
            return Kinds.Detect(path)?.Name ?? throw new UnusableInputException(
                $"{Path.GetFileName(path)}: không nhận ra loại tệp; dùng --kind {string.Join('|', Kinds.Kinds.Select(k => k.Name))}. [input.format]");
        // A report is read by the reader of its extension: with no reader for it, the file cannot be read at all.
        if (requested == ImportKinds.Report && !Kinds.Named(ImportKinds.Report).TakesExtensionOf(path))
            throw new UnusableInputException(
                $"{Path.GetFileName(path)}: không đọc được loại tệp này như một báo cáo ({Kinds.Named(ImportKinds.Report).ExtensionList}). [input.format]");
        return requested;
    }

    /// <summary>
    /// The unit a file's figures are about: their one unit, or for figures of several units the nearest unit holding them
    /// all (a province's file with its districts' rows is the province's; a file of two provinces is the country's), so that
    /// the accounts scoped to that unit see it. Null when the file has no figure.
    /// </summary>
    private UnitRecord? CommonUnit(IReadOnlyList<Figure> figures)
    {
        var distinct = figures.Select(f => f.Unit).DistinctBy(u => u.UnitKey).ToList();
        if (distinct.Count <= 1) return distinct.SingleOrDefault();
        var lines = distinct.Select(u => units.Ancestors(u).Select(a => a.UnitKey).Prepend(u.UnitKey).ToHashSet()).ToList();
        return units.Ancestors(distinct[0]).Prepend(distinct[0]).FirstOrDefault(candidate => lines.All(line => line.Contains(candidate.UnitKey)));
    }

    private static async Task<string> Sha256Async(string path, LoadMeter? meter, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path).CountedBy(meter);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
