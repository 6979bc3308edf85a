namespace Bhyt.Etl.Parsing;

/// <summary>
/// The result of reading one table or CSV cell: a number (with the catalog unit the text stated, if any), "not
/// reported", or invalid with a Vietnamese message quoting the text. When <see cref="Unit"/> is set,
/// <see cref="Value"/> is expressed in it (money is already converted to million VND).
/// </summary>
public readonly record struct CellValue
{
    private CellValue(CellValueKind kind, decimal value, string? unit, string? error)
    {
        Kind = kind;
        Value = value;
        Unit = unit;
        Error = error;
    }

    public CellValueKind Kind { get; }

    /// <summary>The number when <see cref="Kind"/> is <see cref="CellValueKind.Number"/>; 0 otherwise.</summary>
    public decimal Value { get; }

    /// <summary>"percent" or "million_vnd" when the text stated it ("60,85%", "622.943 triệu đồng"); null otherwise.</summary>
    public string? Unit { get; }

    /// <summary>Why the cell could not be read, in Vietnamese, when <see cref="Kind"/> is <see cref="CellValueKind.Invalid"/>.</summary>
    public string? Error { get; }

    public bool IsNumber => Kind == CellValueKind.Number;

    /// <summary>No figure: an empty cell, "-", "x", "n/a" or "không có số liệu".</summary>
    public static CellValue NotReported => default;

    public static CellValue Number(decimal value, string? unit = null) => new(CellValueKind.Number, value, unit, null);

    public static CellValue Invalid(string error) => new(CellValueKind.Invalid, 0m, null, error);

    public override string ToString() => Kind switch
    {
        CellValueKind.Number => Unit is null ? Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"{Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Unit}",
        CellValueKind.Invalid => $"Invalid: {Error}",
        _ => "NotReported",
    };
}
