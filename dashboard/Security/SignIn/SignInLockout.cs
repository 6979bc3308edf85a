using System.Net;

namespace Bhyt.Dashboard.Security.SignIn;

/// <summary>
/// The two lockouts of local sign-in: per account name (case-insensitive, counted for unknown names too so that a
/// lockout does not reveal which names exist) and per remote address. In memory: the dashboard is one process (the
/// embedded warehouse has one writer), a restart that clears the counters needs an administrator, and persisting
/// every failure would hand an attacker a way to make the server write to disk.
/// </summary>
public sealed class SignInLockout(LockoutOptions options) : IDisposable
{
    private readonly FailureWindow _accounts = new(options);
    private readonly FailureWindow _addresses = new(options);

    public LockoutOptions Options => options;

    public bool IsLocked(string userName, IPAddress? address) =>
        _accounts.IsLocked(AccountKey(userName)) || _addresses.IsLocked(AddressKey(address));

    public void RecordFailure(string userName, IPAddress? address)
    {
        _accounts.RecordFailure(AccountKey(userName));
        _addresses.RecordFailure(AddressKey(address));
    }

    private static string AccountKey(string userName) => userName.Trim().ToLowerInvariant();

    private static string AddressKey(IPAddress? address) =>
        address is null ? "?" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    public void Dispose()
    {
        _accounts.Dispose();
        _addresses.Dispose();
    }
}
