namespace Bhyt.Etl.Scheduling;

/// <summary>
/// One worker's share of the <c>processing/</c> folder beside the inbox. A file is claimed by renaming it from the inbox
/// into this worker's folder (<c>processing/&lt;worker&gt;/</c>): a rename is atomic, so when two workers (two processes,
/// or two machines on one share) reach for the same file exactly one gets it. While the worker lives it holds an
/// exclusive lock on <c>processing/&lt;worker&gt;.lock</c>; the operating system drops that lock when the process dies,
/// even by SIGKILL, and any worker that later takes the lock knows the owner is gone and moves the owner's files back
/// to the inbox (<see cref="RecoverAbandoned"/>). Loads are idempotent (an identical file is recorded as a duplicate),
/// so a file whose load had committed before the crash is archived as a duplicate on its second pass, never doubled.
/// A folder dropped into the inbox is claimed, returned and recovered whole, as a file is.
/// </summary>
public sealed class ProcessingLease : IDisposable
{
    private const string LockSuffix = ".lock";
    private readonly InboxOptions _options;
    private readonly FileStream _lock;

    private ProcessingLease(InboxOptions options, string worker, FileStream held)
    {
        _options = options;
        Worker = worker;
        _lock = held;
        Folder = Path.Combine(options.Processing, worker);
        Directory.CreateDirectory(Folder);
    }

    /// <summary>This worker's name: machine, process id and a random part (a pid is reused after a restart).</summary>
    public string Worker { get; }

    /// <summary>Where this worker's claimed files sit while they load.</summary>
    public string Folder { get; }

    /// <summary>Takes a new worker's lock (created and held before its folder exists, so a folder without a live lock is abandoned).</summary>
    public static ProcessingLease Acquire(InboxOptions options)
    {
        Directory.CreateDirectory(options.Processing);
        var worker = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
        var held = new FileStream(Path.Combine(options.Processing, worker + LockSuffix), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        return new ProcessingLease(options, worker, held);
    }

    /// <summary>
    /// Renames <paramref name="inboxFile"/> into this worker's folder; null when another worker took it first (or it was
    /// removed). The claimed file keeps its name, so its submission and report name the file as it was sent.
    /// </summary>
    public string? TryClaim(string inboxFile)
    {
        var claimed = Path.Combine(Folder, Path.GetFileName(inboxFile));
        try
        {
            // overwrite: true is rename(2) on Unix, atomic on one file system; without it .NET links then unlinks, which
            // lets two workers both "take" one file. The target is this worker's own folder, so nothing is overwritten.
            File.Move(inboxFile, claimed, overwrite: true);
            return claimed;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Renames a folder of the inbox (a delivery of several files) into this worker's folder, whole; null when another
    /// worker took it first. A rename of a folder is as atomic as a file's.
    /// </summary>
    public string? TryClaimFolder(string inboxFolder)
    {
        var claimed = Path.Combine(Folder, Path.GetFileName(Path.TrimEndingDirectorySeparator(inboxFolder)));
        try
        {
            Directory.Move(inboxFolder, claimed);
            return claimed;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Puts a claimed file or folder back in the inbox (the warehouse was busy, or the worker stops mid-pass): a later pass takes it.</summary>
    public void Return(string claimed) => MoveBack(claimed);

    /// <summary>Returns files and folders left in this worker's own folder by a pass that did not finish (cancelled, or the warehouse failed).</summary>
    public IReadOnlyList<string> ReturnOwn() => Entries(Folder).Select(MoveBack).ToList();

    /// <summary>
    /// Moves the files of every dead worker back to the inbox and removes its folder and lock; returns the files moved.
    /// A worker is dead when its lock can be taken; a live worker's folder is left alone.
    /// </summary>
    public IReadOnlyList<string> RecoverAbandoned()
    {
        var recovered = new List<string>();
        foreach (var folder in Directory.GetDirectories(_options.Processing))
        {
            var worker = Path.GetFileName(folder);
            if (worker == Worker) continue;
            var lockPath = Path.Combine(_options.Processing, worker + LockSuffix);
            using var taken = TryTakeLock(lockPath, out var alive);
            if (alive) continue;
            foreach (var entry in Entries(folder))
            {
                try { recovered.Add(MoveBack(entry)); }
                catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { /* a second recoverer of a lockless folder moved it first */ }
            }
            TryDelete(() => Directory.Delete(folder, recursive: false));
            if (taken is not null) TryDelete(() => File.Delete(lockPath));
        }
        foreach (var orphanLock in Directory.GetFiles(_options.Processing, "*" + LockSuffix))
        {
            // A lock whose folder is gone: its worker stopped cleanly or was recovered above; remove it once it is free.
            if (Path.GetFileNameWithoutExtension(orphanLock) == Worker || Directory.Exists(orphanLock[..^LockSuffix.Length])) continue;
            using var taken = TryTakeLock(orphanLock, out _);
            if (taken is not null) TryDelete(() => File.Delete(orphanLock));
        }
        return recovered;
    }

    /// <summary>Stops cleanly: files still claimed go back to the inbox, then the folder and lock are removed.</summary>
    public void Dispose()
    {
        ReturnOwn();
        TryDelete(() => Directory.Delete(Folder, recursive: false));
        TryDelete(() => File.Delete(_lock.Name));
        _lock.Dispose();
    }

    private static FileStream? TryTakeLock(string lockPath, out bool alive)
    {
        try
        {
            alive = false;
            return new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (FileNotFoundException)
        {
            alive = false; // no lock at all: its worker died before it could be recovered cleanly
            return null;
        }
        catch (IOException)
        {
            alive = true;
            return null;
        }
    }

    /// <summary>The files and folders a worker's folder holds: what it claimed.</summary>
    private static IEnumerable<string> Entries(string folder) => Directory.GetFiles(folder).Concat(Directory.GetDirectories(folder));

    private string MoveBack(string claimed)
    {
        var folder = Directory.Exists(claimed);
        var target = Path.Combine(_options.Inbox, Path.GetFileName(claimed));
        for (var n = 2; File.Exists(target) || Directory.Exists(target); n++)
            target = Path.Combine(_options.Inbox, folder ? $"{Path.GetFileName(claimed)} ({n})"
                : $"{Path.GetFileNameWithoutExtension(claimed)} ({n}){Path.GetExtension(claimed)}");
        if (folder) Directory.Move(claimed, target);
        else File.Move(claimed, target);
        return target;
    }

    private static void TryDelete(Action delete)
    {
        try { delete(); }
        catch (IOException) { /* not empty, or already gone: another worker is recovering it */ }
    }
}
