namespace Bhyt.Tests.Etl.Import.Corpus;

/// <summary>What importing a malformed file must end in.</summary>
public enum Outcome
{
    /// <summary>The file cannot be read as any kind: <c>UnusableInputException</c> naming the file and the rule.</summary>
    Refused,

    /// <summary>Read and rejected whole: a <c>rejected</c> submission with errors naming row/cell and column, nothing loaded.</summary>
    Rejected,

    /// <summary>Loaded: exactly <see cref="MalformedCase.Loaded"/> rows, every problem a warning naming where it is.</summary>
    Loaded,

    /// <summary>Read, but no figure in it: an <c>empty</c> submission whose note says why, nothing loaded.</summary>
    Empty,
}

/// <summary>
/// One file of the malformed-input corpus: its name (the extension decides how it is taken), what is wrong with it, how
/// the test writes it, and what importing it must give — the rule of an error and the start of its location, or the
/// number of rows loaded.
/// </summary>
public sealed record MalformedCase(string Name, string Shape, Action<string> Write, Outcome Outcome, string? Rule = null, string? Location = null,
    int? Loaded = null)
{
    public override string ToString() => Name;
}
