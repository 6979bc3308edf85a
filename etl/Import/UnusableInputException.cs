namespace Bhyt.Etl.Import;

/// <summary>A path that cannot be imported at all (missing, unreadable, or of a kind this build does not read).</summary>
public sealed class UnusableInputException(string message) : Exception(message);
