using System.Reflection;
using System.Text.Json;
using Zhifa.Core.Common;

namespace Zhifa.Web.Common;

/// <summary>
/// Concurrency tokens on the API (one filter on the /api/v1 group). An answer that carries a record's <c>version</c>
/// gets it as its <c>ETag</c>; a write names the version it was based on with <c>If-Match</c> (or a top-level
/// <c>version</c> in its JSON body), and the save then requires the record in the route (<c>{id}</c>, or
/// <c>{regionId}</c> for a region's settings) to be at that version: otherwise 409, nothing changed.
/// A write without either is accepted as before (backwards compatible) and is still protected against a change
/// between its own read and save.
/// </summary>
internal sealed class ConcurrencyFilter : IEndpointFilter
{
    private static readonly string[] RouteKeys = ["id", "regionId"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && TargetId(http) is { } id && await ExpectedVersionAsync(http.Request) is { } version)
            http.RequestServices.GetRequiredService<ConcurrencyExpectation>().Expect(id, version);
        var result = await next(context);
        if (VersionOf(result) is { } current && !http.Response.HasStarted)
            http.Response.Headers.ETag = Versioning.ETag(current);
        return result;
    }

    private static Guid? TargetId(HttpContext http)
    {
        foreach (var key in RouteKeys)
            if (http.Request.RouteValues.TryGetValue(key, out var v) && Guid.TryParse(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture), out var id))
                return id;
        return null;
    }

    /// <summary><c>If-Match</c> first; else a top-level <c>version</c> of a JSON body (buffered by <see cref="IdempotencyMiddleware"/>).</summary>
    internal static async Task<int?> ExpectedVersionAsync(HttpRequest request)
    {
        if (request.Headers.IfMatch.Count > 0)
            return Versioning.Parse(request.Headers.IfMatch.ToString());
        if (request.HasJsonContentType() && request.Body.CanSeek && request.Body.Length > 0)
        {
            request.Body.Position = 0;
            try
            {
                using var doc = await JsonDocument.ParseAsync(request.Body);
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                    foreach (var p in doc.RootElement.EnumerateObject())
                        if (string.Equals(p.Name, "version", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var v))
                            return v;
            }
            catch (JsonException)
            {
                // The endpoint has already bound (or refused) the body; a malformed one carries no version.
            }
            finally
            {
                request.Body.Position = 0;
            }
        }
        return null;
    }

    /// <summary>The <c>Version</c> of an answer's value: a top-level property, else one of its top-level records (a detail's main record).</summary>
    private static int? VersionOf(object? result)
    {
        if (result is not IValueHttpResult { Value: { } value })
            return null;
        if (Read(value) is { } v)
            return v;
        foreach (var p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (p.GetIndexParameters().Length == 0 && p.PropertyType.IsClass && p.PropertyType != typeof(string)
                && p.GetValue(value) is { } inner && Read(inner) is { } nested)
                return nested;
        return null;
    }

    private static int? Read(object value) =>
        value.GetType().GetProperty("Version", BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var t } p && t == typeof(int)
            ? (int?)p.GetValue(value)
            : null;
}
