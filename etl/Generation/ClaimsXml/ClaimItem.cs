namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>One drug, supply or service a detail line bills: its cost group (MA_NHOM), code, name and unit.</summary>
public sealed record ClaimItem(string Group, string Code, string Name, string Unit, string Strength = "", string Route = "");
