namespace Bhyt.Etl.Reporting.Annex;

/// <summary>The file formats an annex is written in, told by the output file's extension.</summary>
public enum AnnexFormat { Word, Excel }
