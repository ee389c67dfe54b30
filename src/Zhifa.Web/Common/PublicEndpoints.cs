namespace Zhifa.Web.Common;

/// <summary>
/// Marks a route or page that anyone may reach without signing in, with the reason. It is the only way to make one
/// public: a test fails on an anonymous route without it, so a feature's public pages are declared where they live.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class PublicAttribute(string reason) : Attribute, Microsoft.AspNetCore.Authorization.IAllowAnonymous
{
    public string Reason { get; } = string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("A public route says why.", nameof(reason)) : reason;
}

/// <summary>Public routes: declared with a reason, and the public site's rate limit.</summary>
public static class PublicEndpoints
{
    /// <summary>The rate-limit policy of the public site's pages and API, per address (<c>Zhifa:Public:RequestsPerMinute</c>).</summary>
    public const string RateLimit = "public";

    public static TBuilder Public<TBuilder>(this TBuilder builder, string reason) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PublicAttribute(reason));
}
