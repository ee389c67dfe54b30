using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;

namespace Zhifa.Web.Common;

/// <summary>
/// Two people changing the same thing at the same instant: the use cases check for duplicates first, but
/// a request that loses the race meets the database's unique index instead. It answers 409 (reload and
/// try again) rather than 500; nothing was saved, as the transaction rolled back.
/// </summary>
internal sealed class ConcurrentChangeHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsLostRace(exception) || !httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            return false;
        await (IsStale(exception) ? CommonErrors.StaleVersion() : CommonErrors.ConcurrentChange()).WriteProblemAsync(httpContext);
        return true;
    }

    /// <summary>The message of a stale write: the record changed since the caller read it (its version).</summary>
    internal const string StaleCode = "error.stale_version";

    /// <summary>A write based on an old version of a record: the caller's version was not the current one, or the record moved on between read and save.</summary>
    internal static bool IsStale(Exception exception) => exception switch
    {
        Zhifa.Core.Common.StaleVersionException => true,
        DbUpdateConcurrencyException c => c.Entries.Any(e => e.Entity is Zhifa.Core.Common.IVersioned),
        _ => false,
    };

    /// <summary>A unique-index violation (SQLite 2067/1555, PostgreSQL 23505) or an optimistic-concurrency miss.</summary>
    internal static bool IsLostRace(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } } => true,
        DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: "23505" } } => true,
        _ => false,
    };
}
