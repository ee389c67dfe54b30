using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Zhifa.Core.Data;

namespace Zhifa.Web.Common;

/// <summary>Policy names: <c>perm:{code}</c> for a permission, <see cref="SignedIn"/> for "any signed-in user".</summary>
public static class Policies
{
    /// <summary>The authentication scheme every policy uses: it forwards to bearer or cookie (Identity sets it up).</summary>
    public const string Scheme = "Zhifa";

    public const string PermissionPrefix = "perm:";
    public const string SignedIn = "signed-in";

    public static string For(string permission) => PermissionPrefix + permission;
}

/// <summary>Endpoint metadata naming the permission an endpoint requires.</summary>
public static class PermissionEndpointExtensions
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policies.For(permission));

    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policies.SignedIn);
}

/// <summary>The caller must hold the permission in at least one assignment; which data it reaches is the use case's check.</summary>
public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

internal sealed class PermissionHandler(ActorContext actor) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && actor.Access?.Can(requirement.Permission) == true && !MustChangePassword(context.User))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    internal static bool MustChangePassword(ClaimsPrincipal user) => user.HasClaim(ZhifaClaims.MustChangePassword, "true");
}

/// <summary>Builds <c>perm:*</c> policies on demand, so every permission code is a policy without registering each.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        if (!policyName.StartsWith(Policies.PermissionPrefix, StringComparison.Ordinal))
            return await base.GetPolicyAsync(policyName);
        return new AuthorizationPolicyBuilder(Policies.Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName[Policies.PermissionPrefix.Length..]))
            .Build();
    }
}

public static class ZhifaClaims
{
    public const string UserId = ClaimTypes.NameIdentifier;
    public const string SecurityStamp = "zhifa:stamp";
    public const string MustChangePassword = "zhifa:must_change_password";
    public const string TokenId = "zhifa:token";
}
