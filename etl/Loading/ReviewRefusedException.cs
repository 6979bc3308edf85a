namespace Bhyt.Etl.Loading;

/// <summary>An accept or reject that cannot be done as asked (already reviewed, a reading incomplete or impossible); the message is Vietnamese with the rule id.</summary>
public sealed class ReviewRefusedException(string message) : Exception(message);
