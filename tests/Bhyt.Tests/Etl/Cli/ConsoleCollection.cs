namespace Bhyt.Tests.Etl.Cli;

/// <summary>Tests that redirect <see cref="Console"/> run alone, so that no other test writes into what they capture.</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection;
