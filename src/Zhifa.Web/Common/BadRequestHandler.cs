using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Zhifa.Web.Resources;

namespace Zhifa.Web.Common;

/// <summary>
/// A request body or parameter that cannot be read (bad JSON, an unknown enum value, a malformed id)
/// answers 400 with the offending field named, instead of an empty 400.
/// </summary>
internal sealed class BadRequestHandler(IStringLocalizer<Ui> l) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        var field = bad.InnerException is JsonException { Path: { Length: > 0 } path } ? path.TrimStart('$', '.') : "$";
        if (field.Length == 0)
            field = "$";
        var message = bad.InnerException is JsonException ? l["problem.body_unreadable"].Value : l["problem.parameter_unreadable"].Value;
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = l["problem.validation"],
            Type = Problems.TypeBase + "validation",
            Extensions = { ["traceId"] = httpContext.TraceIdentifier },
        };
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        await httpContext.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        return true;
    }
}
