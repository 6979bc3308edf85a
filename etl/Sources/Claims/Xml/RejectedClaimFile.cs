using Bhyt.Etl.Validation;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>A file of a batch (.zip entry or a folder's file) rejected while the others loaded: its name, errors and the first of them.</summary>
public sealed record RejectedClaimFile(string Name, int Errors, ValidationIssue First);
