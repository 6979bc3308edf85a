namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>How a FILEHOSO's NOIDUNGFILE holds its table, as real files do.</summary>
public enum NoiDungFile
{
    /// <summary>Base64 of the table's document on one line (the template).</summary>
    Base64,

    /// <summary>Base64 wrapped at 76 columns (MIME) with CR/LF.</summary>
    Base64Wrapped76,

    /// <summary>Base64 wrapped at 64 columns with CR/LF (seen in real files).</summary>
    Base64Wrapped64,

    /// <summary>The table's elements inline, no encoding.</summary>
    Inline,

    /// <summary>Inline, with the free-text fields (names, diagnoses, addresses) in CDATA sections.</summary>
    InlineCData,
}
