using System.Diagnostics;

namespace Zhifa.Web.Common;

/// <summary>
/// One structured log event per request: method, path, status, duration, trace id. Not for the vendored files under
/// <c>/lib</c>, nor for the load balancer's health probes that succeed (every few seconds from every balancer, they would
/// bury the requests of people; a failing probe is logged).
/// </summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var path = context.Request.Path;
            if (!path.StartsWithSegments("/lib", StringComparison.Ordinal)
                && !(context.Response.StatusCode == StatusCodes.Status200OK && path.StartsWithSegments("/health", StringComparison.Ordinal)))
                LogRequest(logger, context.Request.Method, path, context.Response.StatusCode, elapsed, context.TraceIdentifier);
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms ({TraceId})")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs, string traceId);
}
