namespace Bhyt.Dashboard.Tests.Security.Oidc;

/// <summary>The person the provider signs in next (it has no login form: the test decides who is at the keyboard).</summary>
public sealed record ProviderUser(string Subject, string UserName, string Name, string[] Roles, string? Unit);
