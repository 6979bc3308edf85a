namespace Bhyt.Etl.Parsing;

/// <summary>
/// What the unit (stated in the cell or expected by the indicator) says about a number, used only to read a
/// single separator followed by exactly three digits ("1.234", "1,234"), which Vietnamese and invariant formats
/// read differently.
/// </summary>
internal enum NumberContext
{
    /// <summary>Money or unknown: Vietnamese first — "1.234" is 1234, "1,234" is 1.234.</summary>
    Vietnamese,

    /// <summary>A count is whole, so both "1.234" and "1,234" are 1234.</summary>
    Count,

    /// <summary>A rate is never a thousand percent, so both "1.234" and "1,234" are 1.234.</summary>
    Percent,
}
