namespace Bhyt.Etl.Parsing;

/// <summary>
/// What a table cell held. <see cref="NotReported"/> comes first so that a default <see cref="CellValue"/> means "no
/// figure", never a silent zero.
/// </summary>
public enum CellValueKind
{
    /// <summary>The cell is empty or says so ("-", "x", "n/a", "không có số liệu"): no figure, never zero.</summary>
    NotReported,

    /// <summary>The cell holds one number, possibly with a stated unit.</summary>
    Number,

    /// <summary>The cell holds something that is not one number in a known unit; <see cref="CellValue.Error"/> says why.</summary>
    Invalid,
}
