namespace Bhyt.Etl.Verification;

/// <summary>
/// One rule as data: a query returning one text column <c>offending_key</c> per row (or group) that breaks it, and the
/// words of its message. The query is engine-agnostic SQL (<c>CONCAT</c>, <c>CASE</c>, no engine functions).
/// </summary>
public sealed record VerificationCheck(string Code, string Table, string What, string Sql);
