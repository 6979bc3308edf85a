using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Loading;

/// <summary>What a reader made of one file: its figures, the issues met while reading, the reporting unit.</summary>
public sealed class Extraction
{
    public List<Figure> Figures { get; } = [];
    public List<ValidationIssue> Issues { get; } = [];
    public UnitRecord? ReportingUnit { get; set; }

    /// <summary>Rows (or table rows) that held at least one error.</summary>
    public HashSet<string> RejectedRows { get; } = [];

    /// <summary>Figures read from running text, stored for review with the submission and never loaded as its figures.</summary>
    public List<Sources.Prose.ProseCandidate> Candidates { get; } = [];

    /// <summary>Said to the user when the file holds no figures at all (an empty template), instead of an error.</summary>
    public string? Note { get; set; }

    public void Reject(string row, ValidationIssue issue)
    {
        RejectedRows.Add(row);
        Issues.Add(issue);
    }
}
