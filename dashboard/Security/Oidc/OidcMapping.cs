using System.Security.Claims;

namespace Bhyt.Dashboard.Security.Oidc;

/// <summary>The dashboard session of an organisation user, or why there is none.</summary>
public sealed record OidcMapping(ClaimsPrincipal? Principal, string UserName, string? Refusal);
