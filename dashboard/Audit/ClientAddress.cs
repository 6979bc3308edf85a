using System.Net;

namespace Bhyt.Dashboard.Audit;

/// <summary>
/// The remote address of this page's browser, as the audit log records it: taken when the page's circuit opens (the
/// SignalR connection's request, after <c>Network:KnownProxies</c>' forwarded-address rewrite), null when unknown.
/// </summary>
public sealed class ClientAddress
{
    public string? Value { get; set; }

    /// <summary>The text of <paramref name="address"/> (an IPv4 address mapped into IPv6 written as IPv4), or null.</summary>
    public static string? Of(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
