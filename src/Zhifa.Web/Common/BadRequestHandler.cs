using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Zhifa.Core.Common;

namespace Zhifa.Web.Common;

/// <summary>
/// A request body or parameter that cannot be read (bad JSON, an unknown enum value, a malformed id)
/// answers 400 with the offending field named, instead of an empty 400.
/// </summary>
internal sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        var field = bad.InnerException is JsonException { Path: { Length: > 0 } path } ? path.TrimStart('$', '.') : "$";
        if (field.Length == 0)
            field = "$";
        await CommonErrors.RequestUnreadable(field, body: bad.InnerException is JsonException).WriteProblemAsync(httpContext);
        return true;
    }
}
