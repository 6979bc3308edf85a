namespace Bhyt.Etl.Cli;

/// <summary>The exit codes of interfaces.md.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The work ran but something was rejected or flagged as an error.</summary>
    public const int Rejected = 1;

    /// <summary>Bad usage or unusable input.</summary>
    public const int Usage = 2;
}
