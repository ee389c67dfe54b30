using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Web.Resources;

namespace Zhifa.Web.Common;

/// <summary>
/// <c>Idempotency-Key</c> on API writes (creates and transitions): the first answer (status, <c>Location</c>, <c>ETag</c>,
/// body) is stored per caller and key; a retry with the key gets that answer again (<c>Idempotent-Replayed: true</c>) and
/// changes nothing; the key with another request (method, path or body) answers 422. Two requests with one key at the
/// same moment: the unique (caller, key) index lets one run, the other waits for its answer. An answer of 5xx is not
/// kept, so the retry runs again. Records older than <see cref="Lifetime"/> are removed by the daily jobs.
/// Also buffers the JSON body of every API write, so that <see cref="ConcurrencyFilter"/> can read a <c>version</c> in it.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyMiddleware> log)
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(60);

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (!request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase) || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method))
        {
            await next(http);
            return;
        }
        if (request.HasJsonContentType())
            request.EnableBuffering();
        var key = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key))
        {
            await next(http);
            return;
        }
        if (key.Length > IdempotencyRecord.MaxKeyLength)
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, "error.idempotency_key_invalid");
            return;
        }
        request.EnableBuffering();
        var hash = await HashAsync(request);
        var userId = http.RequestServices.GetRequiredService<ActorContext>().UserId ?? Guid.Empty;

        var claim = await ClaimAsync(userId, key, hash, http.RequestAborted);
        if (claim is not null)
        {
            await AnswerStoredAsync(http, claim, hash);
            return;
        }
        await RunAndStoreAsync(http, userId, key);
    }

    /// <summary>Inserts the pending record; null if this request won, else the record of the request that did (waited for until it answered).</summary>
    private async Task<IdempotencyRecord?> ClaimAsync(Guid userId, string key, string hash, CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = Db(scope);
            db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), UserId = userId, Key = key, RequestHash = hash, Status = 0, CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                return null;
            }
            catch (DbUpdateException e) when (ConcurrentChangeHandler.IsLostRace(e))
            {
                // Another request holds the key: the database decided.
            }
        }
        var deadline = clock.GetUtcNow() + WaitForFirst;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var existing = await Db(scope).Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);
            if (existing is null)
                return await ClaimAsync(userId, key, hash, ct); // the first one failed (5xx) and gave the key back
            if (existing.Status != 0 || existing.RequestHash != hash || clock.GetUtcNow() > deadline)
                return existing;
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct);
        }
    }

    private async Task RunAndStoreAsync(HttpContext http, Guid userId, string key)
    {
        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        var keep = false;
        try
        {
            await next(http);
            keep = http.Response.StatusCode < 500;
        }
        finally
        {
            http.Response.Body = original;
            await using var scope = scopes.CreateAsyncScope();
            var db = Db(scope);
            var record = await db.Set<IdempotencyRecord>().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, CancellationToken.None);
            if (record is not null)
            {
                if (keep)
                {
                    record.Status = http.Response.StatusCode;
                    record.ContentType = http.Response.ContentType;
                    record.Location = http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null;
                    record.ETag = http.Response.Headers.ETag.ToString() is { Length: > 0 } t ? t : null;
                    record.Body = buffer.ToArray();
                }
                else
                {
                    db.Remove(record);
                }
                await db.SaveChangesAsync(CancellationToken.None);
            }
            else
            {
                log.LogWarning("Idempotency record {Key} vanished while its request ran.", key);
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task AnswerStoredAsync(HttpContext http, IdempotencyRecord record, string hash)
    {
        if (record.RequestHash != hash)
        {
            await ProblemAsync(http, StatusCodes.Status422UnprocessableEntity, "error.idempotency_key_reused");
            return;
        }
        if (record.Status == 0)
        {
            await ProblemAsync(http, StatusCodes.Status409Conflict, "error.idempotency_in_progress");
            return;
        }
        http.Response.StatusCode = record.Status;
        if (record.ContentType is { } type)
            http.Response.ContentType = type;
        if (record.Location is { } location)
            http.Response.Headers.Location = location;
        if (record.ETag is { } etag)
            http.Response.Headers.ETag = etag;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (record.Body is { Length: > 0 } body)
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static async Task ProblemAsync(HttpContext http, int status, string code)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<Ui>>();
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status,
            Title = l[code],
            Type = Problems.TypeBase + (status == 422 ? "idempotency-key-reused" : "conflict"),
            Extensions = { ["code"] = code, ["traceId"] = http.TraceIdentifier },
        }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", http.RequestAborted);
    }

    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.Body.Position = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(request.Method.ToUpperInvariant() + "\n" + request.Path + request.QueryString + "\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static ZhifaDbContext Db(AsyncServiceScope scope)
    {
        scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
        return scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
    }

    /// <summary>Removes stored answers older than <see cref="Lifetime"/>; a daily job.</summary>
    public static Task<int> RemoveExpiredAsync(ZhifaDbContext db, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cutoff = now - Lifetime;
        return db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
