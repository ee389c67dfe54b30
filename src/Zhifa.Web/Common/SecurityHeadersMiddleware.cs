namespace Zhifa.Web.Common;

/// <summary>
/// The browser's safety catches, on every response — pages, API, static files, errors and redirects alike: a
/// Content-Security-Policy that runs no inline script and no string as code (behaviour lives in <c>wwwroot/js</c>,
/// attached by <c>data-</c> attributes), no MIME sniffing, no referrer beyond the origin to other sites, and no framing.
/// The headers are written just before the response starts, so an error page written after the exception handler
/// cleared the response carries them too.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The pages' policy. Scripts and styles come only from the app itself (the vendored htmx, Bootstrap and ECharts
    /// under <c>/lib</c>); images may be <c>data:</c> URLs (Bootstrap's form controls draw their arrows and ticks so).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API documentation (Swagger UI under <c>/api-docs</c>): its own bundled files run as scripts (Swashbuckle's
    /// <c>index.html</c> has no inline script: its set-up is <c>index.js</c>). Its top bar draws the Swagger logo as an
    /// SVG with a <c>&lt;style&gt;</c> element of its own; that one style is allowed by its hash (a Swashbuckle upgrade
    /// that changes it shows up as a refusal in the browser tests). No other inline style, no inline script.
    /// </summary>
    public const string ApiDocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiDocsPath = "/api-docs";

    public const string ContentTypeOptions = "nosniff";
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";
    public const string FrameOptions = "DENY";

    /// <summary>The policy for a request path.</summary>
    public static string PolicyFor(PathString path) =>
        path.StartsWithSegments(ApiDocsPath, StringComparison.OrdinalIgnoreCase) ? ApiDocsContentSecurityPolicy : ContentSecurityPolicy;

    internal static void Apply(IHeaderDictionary headers, string policy)
    {
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = ContentTypeOptions;
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers.XFrameOptions = FrameOptions;
    }
}

/// <summary>Writes <see cref="SecurityHeaders"/> on every response; first in the pipeline (after the forwarded headers).</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        // The path as it came in: the exception handler and status-code pages may look elsewhere for the body.
        var policy = SecurityHeaders.PolicyFor(context.Request.Path);
        context.Response.OnStarting(static state =>
        {
            var (response, policy) = ((HttpResponse, string))state;
            SecurityHeaders.Apply(response.Headers, policy);
            return Task.CompletedTask;
        }, (context.Response, policy));
        return next(context);
    }
}
