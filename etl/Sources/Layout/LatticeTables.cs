namespace Bhyt.Etl.Sources.Layout;

/// <summary>
/// Tables from ruling lines ("lattice"): horizontal and vertical rules that cross form a grid; each grid cell takes the
/// words whose centre falls in it, and a cell whose inner rule is missing is merged with its neighbour (its text repeated
/// in every column and row it spans).
/// </summary>
internal static class LatticeTables
{
    private const double Tolerance = 2.0;
    private const double MinCellSize = 3.0;

    /// <summary>The page's grid tables; the words they took are removed from <paramref name="words"/>.</summary>
    public static List<PageTable> Find(PageContent page, List<PageWord> words)
    {
        var tables = new List<PageTable>();
        var horizontal = Merge(page.Rulings.Where(r => r.IsHorizontal && r.X2 - r.X1 > MinCellSize).ToList(), true);
        var vertical = Merge(page.Rulings.Where(r => r.IsVertical && !r.IsHorizontal && r.Y2 - r.Y1 > MinCellSize).ToList(), false);
        foreach (var (rowsOfRules, columnsOfRules) in Grids(horizontal, vertical))
        {
            var table = Build(page.Page, rowsOfRules, columnsOfRules, words);
            if (table is not null) tables.Add(table);
        }
        return tables;
    }

    private static PageTable? Build(int page, List<RulingLine> horizontal, List<RulingLine> vertical, List<PageWord> words)
    {
        var ys = Positions(horizontal.Select(h => (h.Y1 + h.Y2) / 2));
        var xs = Positions(vertical.Select(v => (v.X1 + v.X2) / 2));
        if (ys.Count < 2 || xs.Count < 3) return null;
        int rows = ys.Count - 1, columns = xs.Count - 1;

        var groups = new UnionFind(rows * columns);
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
        {
            double midY = (ys[i] + ys[i + 1]) / 2, midX = (xs[j] + xs[j + 1]) / 2;
            if (j + 1 < columns && !vertical.Any(v => Math.Abs(v.X1 - xs[j + 1]) <= Tolerance && v.Y1 - Tolerance <= midY && midY <= v.Y2 + Tolerance))
                groups.Join(i * columns + j, i * columns + j + 1);
            if (i + 1 < rows && !horizontal.Any(h => Math.Abs(h.Y1 - ys[i + 1]) <= Tolerance && h.X1 - Tolerance <= midX && midX <= h.X2 + Tolerance))
                groups.Join(i * columns + j, (i + 1) * columns + j);
        }

        var cells = new Dictionary<int, LayoutCell>();
        var taken = new List<PageWord>();
        foreach (var word in words)
        {
            var x = (word.Left + word.Right) / 2;
            var y = word.CenterY;
            if (x < xs[0] || x > xs[^1] || y < ys[0] || y > ys[^1]) continue;
            int i = Index(ys, y), j = Index(xs, x);
            var root = groups.Find(i * columns + j);
            if (!cells.TryGetValue(root, out var cell)) cells[root] = cell = LayoutCell.Empty;
            cell.Add([word]);
            taken.Add(word);
        }
        var table = new List<LayoutCell[]>();
        for (var i = 0; i < rows; i++)
        {
            var row = Enumerable.Range(0, columns).Select(j => cells.GetValueOrDefault(groups.Find(i * columns + j)) ?? LayoutCell.Empty).ToArray();
            if (row.All(c => c.IsEmpty)) continue;
            // A row all of whose cells continue merged cells above it repeats that row: keep it once.
            if (table.Count > 0 && row.SequenceEqual(table[^1])) continue;
            table.Add(row);
        }
        if (table.Count < 2 || table.All(r => r.Distinct().Count(c => !c.IsEmpty) < 2)) return null;
        var takenSet = taken.ToHashSet();
        words.RemoveAll(takenSet.Contains);
        return new PageTable(page, "lattice", ys[0], ys[^1], table);
    }

    private static int Index(List<double> edges, double value)
    {
        for (var k = 1; k < edges.Count - 1; k++)
            if (value < edges[k]) return k - 1;
        return edges.Count - 2;
    }

    /// <summary>Distinct positions, rules closer than a few points (double rules, rounding) taken as one.</summary>
    private static List<double> Positions(IEnumerable<double> values)
    {
        var positions = new List<double>();
        foreach (var value in values.Order())
            if (positions.Count == 0 || value - positions[^1] > MinCellSize) positions.Add(value);
        return positions;
    }

    /// <summary>Collinear rules that touch or overlap joined into one (a grid drawn cell by cell).</summary>
    private static List<RulingLine> Merge(List<RulingLine> rules, bool horizontal)
    {
        var merged = new List<RulingLine>();
        var ordered = horizontal ? rules.OrderBy(r => Math.Round(r.Y1)).ThenBy(r => r.X1) : rules.OrderBy(r => Math.Round(r.X1)).ThenBy(r => r.Y1);
        foreach (var rule in ordered)
        {
            var last = merged.Count > 0 ? merged[^1] : null;
            if (last is not null && horizontal && Math.Abs(last.Y1 - rule.Y1) <= Tolerance && rule.X1 <= last.X2 + Tolerance)
                merged[^1] = last with { X2 = Math.Max(last.X2, rule.X2) };
            else if (last is not null && !horizontal && Math.Abs(last.X1 - rule.X1) <= Tolerance && rule.Y1 <= last.Y2 + Tolerance)
                merged[^1] = last with { Y2 = Math.Max(last.Y2, rule.Y2) };
            else
                merged.Add(horizontal ? rule with { Y2 = rule.Y1 } : rule with { X2 = rule.X1 });
        }
        return merged;
    }

    /// <summary>Sets of rules connected by crossings: each set is one grid.</summary>
    private static IEnumerable<(List<RulingLine> Horizontal, List<RulingLine> Vertical)> Grids(List<RulingLine> horizontal, List<RulingLine> vertical)
    {
        var sets = new UnionFind(horizontal.Count + vertical.Count);
        for (var h = 0; h < horizontal.Count; h++)
        for (var v = 0; v < vertical.Count; v++)
            if (Crosses(horizontal[h], vertical[v])) sets.Join(h, horizontal.Count + v);
        return Enumerable.Range(0, horizontal.Count + vertical.Count)
            .GroupBy(sets.Find)
            .Select(g => (g.Where(k => k < horizontal.Count).Select(k => horizontal[k]).ToList(),
                g.Where(k => k >= horizontal.Count).Select(k => vertical[k - horizontal.Count]).ToList()))
            .Where(g => g.Item1.Count >= 2 && g.Item2.Count >= 2);
    }

    private static bool Crosses(RulingLine h, RulingLine v) =>
        v.X1 >= h.X1 - Tolerance && v.X1 <= h.X2 + Tolerance && h.Y1 >= v.Y1 - Tolerance && h.Y1 <= v.Y2 + Tolerance;

    private sealed class UnionFind(int size)
    {
        private readonly int[] parent = Enumerable.Range(0, size).ToArray();

        public int Find(int k)
        {
            while (parent[k] != k) k = parent[k] = parent[parent[k]];
            return k;
        }

        public void Join(int a, int b) => parent[Find(a)] = Find(b);
    }
}
