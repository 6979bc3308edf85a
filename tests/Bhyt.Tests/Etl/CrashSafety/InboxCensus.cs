using Bhyt.Etl.Scheduling;

namespace Bhyt.Tests.Etl.CrashSafety;

/// <summary>Where each file dropped into an inbox is now: by the name it was dropped under, every place it appears.</summary>
public sealed record InboxCensus(IReadOnlyDictionary<string, IReadOnlyList<string>> Places)
{
    public static InboxCensus Take(InboxOptions inbox)
    {
        var places = new List<(string Name, string Place)>();
        void Add(string folder, string place, Func<string, string> original, SearchOption depth = SearchOption.TopDirectoryOnly)
        {
            if (!Directory.Exists(folder)) return;
            foreach (var file in Directory.GetFiles(folder, "*", depth))
            {
                var name = Path.GetFileName(file);
                if (name.StartsWith('.') || name.EndsWith(".report.txt", StringComparison.Ordinal) || name.EndsWith(".lock", StringComparison.Ordinal)) continue;
                places.Add((original(name), place));
            }
        }
        Add(inbox.Inbox, "inbox", n => n);
        Add(inbox.Processing, "processing", n => n, SearchOption.AllDirectories);
        // Settled files are stamped: "<yyyyMMddTHHmmssfff>[-n]_<name>".
        Add(inbox.Archive, "archive", n => n[(n.IndexOf('_') + 1)..]);
        Add(inbox.Quarantine, "quarantine", n => n[(n.IndexOf('_') + 1)..]);
        return new InboxCensus(places.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Place).ToList()));
    }

    /// <summary>Files not exactly once in the inbox, processing, archive or quarantine (lost, doubled, or unknown), as messages.</summary>
    public IEnumerable<string> Misplaced(IEnumerable<string> dropped)
    {
        var expected = dropped.ToHashSet();
        foreach (var name in expected)
            if (!Places.TryGetValue(name, out var places)) yield return $"{name}: lost";
            else if (places.Count != 1) yield return $"{name}: in {string.Join(" and ", places)}";
        foreach (var name in Places.Keys.Where(n => !expected.Contains(n))) yield return $"{name}: unknown file";
    }

    public int CountIn(string place) => Places.Values.Count(p => p.Count == 1 && p[0] == place);
}
