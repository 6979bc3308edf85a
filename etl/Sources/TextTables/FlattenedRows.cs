namespace Bhyt.Etl.Sources.TextTables;

/// <summary>
/// Rebuilds the rows of a flattened table cell by cell, from the roles its header gives each column (row number,
/// label, unit of measure, figures, note).
/// </summary>
internal sealed class FlattenedRows
{
    private enum Role { Numbering, Label, Unit, Value, Note }

    private readonly IReadOnlyList<TextBlockLine> _lines;
    private readonly Role[] _roles;
    private readonly int _label;
    private readonly List<Row> _rows = [];
    private Row? _row;
    private int _lastNumber;

    public FlattenedRows(IReadOnlyList<string> header, IReadOnlyList<TextBlockLine> lines)
    {
        _lines = lines;
        _roles = header.Select(RoleOf).ToArray();
        _label = Array.IndexOf(_roles, Role.Numbering) == 0 ? 1 : 0;
        if (_label < _roles.Length) _roles[_label] = Role.Label;
    }

    public int Width => _roles.Length;

    /// <summary>The cell index (into the finder's cells) of the last row kept.</summary>
    public int LastCell { get; private set; }

    /// <summary>How well the data fit the header: rows whose last column is filled.</summary>
    public int Score { get; private set; }

    public IReadOnlyList<RawRow> Rows { get; private set; } = [];

    private bool Numbered => _roles[0] == Role.Numbering;

    /// <summary>Takes the next cell; false when it cannot belong to the table (the table ended before it).</summary>
    public bool Add(int cell, int line, string text, TextCellKind kind, TextCellKind next)
    {
        if (kind is TextCellKind.Stop or TextCellKind.Sentence) return false;
        if (_row is not null && !StartsRow(text, kind, next)) return Place(cell, text, kind);
        return Start(cell, line, text, kind);
    }

    public FlattenedRows? Finish()
    {
        Flush();
        while (_rows.Count > 0 && !_rows[^1].HasValue) _rows.RemoveAt(_rows.Count - 1);
        if (_rows.Sum(r => r.Values) < 2) return null;
        LastCell = _rows[^1].LastCell;
        Score = _rows.Count(r => r.Cells[^1].Length > 0);
        Rows = _rows.Select(r => new RawRow(r.Line, r.Cells)).ToList();
        return this;
    }

    private bool Start(int cell, int line, string text, TextCellKind kind)
    {
        Flush();
        var row = new Row(_lines[line].Number, Width);
        switch (kind)
        {
            case TextCellKind.Ordinal when Numbered:
                row.Set(0, text);
                _lastNumber = TextCell.OrdinalNumber(text) ?? _lastNumber;
                break;
            case TextCellKind.Text when _label < Width:
                row.Set(_label, text);
                break;
            case TextCellKind.ColumnNumber:
                row.Set(0, text);
                row.ColumnNumbers = true;
                break;
            default:
                return false;
        }
        row.LastCell = cell;
        _row = row;
        return true;
    }

    private bool StartsRow(string text, TextCellKind kind, TextCellKind next)
    {
        var row = _row!;
        return kind switch
        {
            TextCellKind.ColumnNumber => !row.ColumnNumbers || row.Filled == Width - 1,
            _ when row.ColumnNumbers => true,
            TextCellKind.Ordinal when Numbered => row.Filled == Width - 1 || (next == TextCellKind.Text && Plausible(text) && row.Cells[_label].Length > 0),
            TextCellKind.Text => StartsRowAsText(row, text, next),
            _ => false,
        };
    }

    private bool StartsRowAsText(Row row, string text, TextCellKind next)
    {
        if (_label >= Width || row.Cells[_label].Length == 0) return false;
        if (!row.HasValue)
            return !(NextEmpty(row, Role.Unit) >= 0 || TextCell.StartsLowerCase(text));
        return !(NextEmpty(row, Role.Note) >= 0 && !TextCell.IsValue(next));
    }

    private bool Place(int cell, string text, TextCellKind kind)
    {
        var row = _row!;
        int column;
        if (row.ColumnNumbers) column = row.Filled + 1;
        else if (kind == TextCellKind.Text && row.Cells[_label].Length == 0) column = _label;
        else if (kind == TextCellKind.Text && !row.HasValue && NextEmpty(row, Role.Unit) is >= 0 and var unit && !TextCell.StartsLowerCase(text)) column = unit;
        else if (kind == TextCellKind.Text && !row.HasValue && TextCell.StartsLowerCase(text))
        {
            row.Cells[_label] += " " + text;
            row.LastCell = cell;
            return true;
        }
        else if (kind == TextCellKind.Text) column = NextEmpty(row, Role.Note);
        else
        {
            column = NextEmpty(row, Role.Value);
            if (column >= 0) row.Values++;
        }
        if (column < 0 || column >= Width) return false;
        row.Set(column, text);
        row.LastCell = cell;
        return true;
    }

    /// <summary>The first column of <paramref name="role"/> after the row's last filled column, or -1.</summary>
    private int NextEmpty(Row row, Role role)
    {
        for (var c = row.Filled + 1; c < Width; c++)
            if (_roles[c] == role) return c;
        return -1;
    }

    // A small number followed by a label starts the next row when it continues the numbering (1, 2, 3…; 2.1 under 2).
    private bool Plausible(string text) =>
        TextCell.OrdinalNumber(text) is not { } n || n == 1 || n == _lastNumber + 1 || (text.Contains('.') && n == _lastNumber);

    private void Flush()
    {
        if (_row is not null) _rows.Add(_row);
        _row = null;
    }

    private static Role RoleOf(string header) =>
        TextCell.IsNumberingHeader(header) ? Role.Numbering
        : TextCell.IsUnitHeader(header) ? Role.Unit
        : TextCell.IsNoteHeader(header) ? Role.Note
        : Role.Value;

    private sealed class Row(int line, int width)
    {
        public int Line { get; } = line;
        public string[] Cells { get; } = Enumerable.Repeat("", width).ToArray();
        public int Filled { get; private set; } = -1;
        public int Values { get; set; }
        public bool HasValue => Values > 0;
        public bool ColumnNumbers { get; set; }
        public int LastCell { get; set; }

        public void Set(int column, string text)
        {
            Cells[column] = text;
            Filled = Math.Max(Filled, column);
        }
    }
}
