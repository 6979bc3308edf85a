using System.Data.Common;
using Dapper;

namespace Bhyt.Warehouse.Units.Scope;

/// <summary>
/// The units of both boundary sets (<c>rpt.units</c>) as trees, and the pre-2025 → 2025 links between them
/// (<c>rpt.unit_succession</c>): what <see cref="UnitAccessResolver"/> walks. About 14,000 units and 11,000 links, read once.
/// </summary>
public sealed class ScopeGraph
{
    /// <summary>A unit of one boundary set.</summary>
    public sealed record Node(string Set, string Code, string Level, string? ParentCode, string Name);

    private readonly Dictionary<(string Set, string Code), Node> _units;
    private readonly ILookup<(string Set, string Parent), Node> _children;
    private readonly ILookup<string, Node> _byCode;
    private readonly ILookup<(string Set, string Code), (string Set, string Code)> _linked;

    public ScopeGraph(IEnumerable<Node> units, IEnumerable<(string OldCode, string NewCode)> links)
    {
        var all = units.ToList();
        _units = all.ToDictionary(u => (u.Set, u.Code));
        _children = all.Where(u => u.ParentCode is not null).ToLookup(u => (u.Set, u.ParentCode!));
        _byCode = all.ToLookup(u => u.Code, StringComparer.Ordinal);
        var pairs = links.Select(l => (Old: (Reference.BoundarySets.Pre2025, l.OldCode), New: (Reference.BoundarySets.Post2025, l.NewCode)))
            .Where(l => _units.ContainsKey(l.Old) && _units.ContainsKey(l.New)).ToList();
        _linked = pairs.Select(p => (From: p.Old, To: p.New)).Concat(pairs.Select(p => (From: p.New, To: p.Old))).ToLookup(p => p.From, p => p.To);
    }

    public static async Task<ScopeGraph> ReadAsync(DbConnection connection, CancellationToken ct)
    {
        var units = await connection.QueryAsync<(string Code, string Set, string Level, string? Parent, string Name)>(new CommandDefinition(
            "SELECT unit_code, boundary_set, level, parent_code, name FROM rpt.units", cancellationToken: ct));
        // Old units are of the pre-2025 set, new ones of the 2025 set: codes are unique within a set.
        var links = await connection.QueryAsync<(string Old, string New)>(new CommandDefinition(
            "SELECT old_unit_code, new_unit_code FROM rpt.unit_succession", cancellationToken: ct));
        return new ScopeGraph(units.Select(u => new Node(u.Set, u.Code, u.Level, u.Parent, u.Name)), links.Select(l => (l.Old, l.New)));
    }

    public Node? Find(string set, string code) => _units.GetValueOrDefault((set, code));

    /// <summary>Every unit bearing <paramref name="code"/>, in any boundary set.</summary>
    public IEnumerable<Node> WithCode(string code) => _byCode[code];

    public IEnumerable<Node> All => _units.Values;

    /// <summary>The unit and every unit below it in its own boundary set.</summary>
    public IEnumerable<Node> Subtree(Node root)
    {
        var pending = new Stack<Node>([root]);
        while (pending.TryPop(out var unit))
        {
            yield return unit;
            foreach (var child in _children[(unit.Set, unit.Code)]) pending.Push(child);
        }
    }

    /// <summary>The units of the other boundary set a unit is linked to (its successors, or its predecessors).</summary>
    public IEnumerable<Node> Linked(Node unit) => _linked[(unit.Set, unit.Code)].Select(k => _units[k]);
}
