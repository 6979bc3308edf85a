namespace Bhyt.Dashboard.Security.SignIn;

/// <summary>How a sign-in attempt or a sign-out ended.</summary>
public enum SignInOutcome
{
    Succeeded,
    /// <summary>Wrong password or unknown user name (the user is told the same for both).</summary>
    WrongCredentials,
    LockedOut,
    /// <summary>The identity provider's answer was refused: bad token, or no role mapped for the user.</summary>
    Refused,
    SignedOut,
    SignedOutEverywhere,
}
