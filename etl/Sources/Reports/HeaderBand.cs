using System.Text.RegularExpressions;
using Bhyt.Etl.Parsing;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>
/// The header rows of a table, wherever the reader put them: one to five rows above the first row holding a figure,
/// with merged group headers carried over the columns they span, column-number rows ("1 | 2 | 3", "(1) (2)") and
/// full-width title rows left out. Each column gets its stack of header texts, top to bottom.
/// </summary>
internal sealed partial record HeaderBand(int Start, int End, IReadOnlyList<IReadOnlyList<string>> Stacks, int Width)
{
    private const int MaxHeaderRows = 5;

    /// <summary>The header band of <paramref name="rows"/> (cells already cleaned of markup), or null when the table has none.</summary>
    public static HeaderBand? Find(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        if (rows.Count < 2) return null;
        var width = rows.Max(r => r.Count);
        var start = 0;
        while (start < rows.Count - 1 && (IsEmpty(rows[start]) || IsTitleRow(rows[start], width))) start++;
        var end = start;
        for (var r = start; r < Math.Min(rows.Count, start + MaxHeaderRows); r++)
        {
            if (IsIndexRow(rows[r]) && r > start) { end = r + 1; continue; }
            if (IsDataRow(rows[r]) || !LooksLikeHeader(rows[r])) break;
            end = r + 1;
        }
        if (end == start) return null;
        var band = Enumerable.Range(start, end - start).Where(r => !IsIndexRow(rows[r])).Select(r => Filled(rows[r], width)).ToList();
        var stacks = Enumerable.Range(0, width).Select(c => Stack(band, c)).ToList();
        return new HeaderBand(start, end, stacks, width);
    }

    /// <summary>The header texts of a column, top to bottom, without the repeats of vertical merges.</summary>
    public IReadOnlyList<string> this[int column] => column < Stacks.Count ? Stacks[column] : [];

    /// <summary>The signature of the header: each column's folded texts with every number masked, so next year's copy matches.</summary>
    public string Signature() => string.Join(" | ", Stacks.Select(s => string.Join(" / ", s.Select(Mask))));

    public static string Mask(string text) => Digits().Replace(OcrDigits.InNumbers(VietnameseTextFold(text)), "#");

    private static string VietnameseTextFold(string text) => CellText.Fold(text);

    private static IReadOnlyList<string> Stack(List<string[]> band, int column)
    {
        var stack = new List<string>();
        foreach (var row in band)
        {
            var text = column < row.Length ? row[column] : "";
            if (text.Length > 0 && (stack.Count == 0 || stack[^1] != text)) stack.Add(text);
        }
        return stack;
    }

    // A group header ("Năm 2021", "Thực hiện năm 2020") spans the empty cells after it when the text reader did not repeat it.
    private static string[] Filled(IReadOnlyList<string> row, int width)
    {
        var cells = Enumerable.Range(0, width).Select(c => c < row.Count ? row[c] : "").ToArray();
        for (var c = 2; c < width; c++)
            if (cells[c].Length == 0 && cells[c - 1].Length > 0 && (PeriodHeader.TryParse(cells[c - 1], out _) || TableLayoutReader.KindOf(cells[c - 1]) is not null || HeaderText.ContainsPeriod(cells[c - 1])))
                cells[c] = cells[c - 1];
        return cells;
    }

    private static bool IsEmpty(IReadOnlyList<string> row) => row.All(c => c.Length == 0);

    // One text spanning the whole row (a merged title): not a header of any column.
    private static bool IsTitleRow(IReadOnlyList<string> row, int width) =>
        width > 2 && row.Where(c => c.Length > 0).Distinct().Count() == 1;

    /// <summary>"1 | 2 | 3 | 4" or "(1) | (2) | (3)": the column numbers printed under a form's header.</summary>
    public static bool IsIndexRow(IReadOnlyList<string> row)
    {
        var numbers = new List<int>();
        foreach (var cell in row.Where(c => c.Length > 0))
        {
            var m = IndexCell().Match(cell);
            if (!m.Success) return false;
            numbers.Add(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        return numbers.Count >= 3 && numbers.Zip(numbers.Skip(1)).All(p => p.Second > p.First);
    }

    /// <summary>A row holding at least one figure: a number that is not a bare year, beyond the first column.</summary>
    public static bool IsDataRow(IReadOnlyList<string> row) =>
        !IsIndexRow(row) && row.Skip(1).Any(c => c.Length > 0 && !IsBareYear(c) && VietnameseNumber.Parse(c).IsNumber);

    // A header names its columns: two different texts beyond the first column, or a period; a numbered row is data.
    private static bool LooksLikeHeader(IReadOnlyList<string> row)
    {
        var first = row.FirstOrDefault(c => c.Length > 0) ?? "";
        if (ArabicNumbering().IsMatch(first)) return false;
        var texts = row.Skip(1).Where(c => c.Length > 0 && VietnameseNumber.Parse(c).Kind != CellValueKind.NotReported || IsBareYear(c)).Distinct().ToList();
        return texts.Count >= 2 || texts.Any(t => PeriodHeader.TryParse(t, out _));
    }

    public static bool IsBareYear(string text) => BareYear().IsMatch(text.Trim());

    [GeneratedRegex(@"[0-9]+")] private static partial Regex Digits();
    [GeneratedRegex(@"^\(?([0-9]{1,2})\)?$")] private static partial Regex IndexCell();
    [GeneratedRegex(@"^(19|20)[0-9]{2}$")] private static partial Regex BareYear();
    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)*\.?$")] private static partial Regex ArabicNumbering();
}
