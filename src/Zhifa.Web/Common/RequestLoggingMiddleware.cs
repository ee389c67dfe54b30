using System.Diagnostics;

namespace Zhifa.Web.Common;

/// <summary>One structured log event per request: method, path, status, duration, trace id.</summary>
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
            if (!context.Request.Path.StartsWithSegments("/lib", StringComparison.Ordinal))
                LogRequest(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, elapsed, context.TraceIdentifier);
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms ({TraceId})")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs, string traceId);
}
