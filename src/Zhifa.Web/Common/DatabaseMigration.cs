using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Zhifa.Core.Data;

namespace Zhifa.Web.Common;

/// <summary>
/// Brings the database up to this release — the one way, for <c>migrate</c>, <c>seed-demo</c> and start-up (each runs it under
/// <see cref="DatabaseLock.PreparingAsync"/>). With an owner connection (PostgreSQL, <c>ConnectionStrings:ZhifaOwner</c>) the
/// migrations run as the owner, which then grants the app's role what it needs (<see cref="DatabaseRoles"/>); the features'
/// steps after the migrations (role templates) and the demo data then run as the app, like all its other work.
/// </summary>
internal static class DatabaseMigration
{
    /// <summary>Applies the pending migrations and the features' steps after them; returns the migrations applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, ILogger log, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        List<string> pending;
        if (options.HasOwner)
        {
            await DatabaseRoles.CheckSeparationAsync(options, ct);
            await using (var owner = options.CreateOwnerContext())
            {
                pending = await PendingAsync(owner, ct);
                if (pending.Count > 0)
                    await owner.Database.MigrateAsync(ct);
            }
            var appendOnly = await DatabaseRoles.GrantAsync(options, ct);
            log.LogInformation("The app's role {Role} may read and write the tables, and only read and insert into {AppendOnly}.",
                DatabaseRoles.AppRoleOf(options), string.Join(", ", appendOnly));
        }
        else
        {
            var db = services.GetRequiredService<ZhifaDbContext>();
            // Only when there is something to apply: migrating creates the history table if missing (CREATE TABLE IF NOT
            // EXISTS), which a PostgreSQL app role without an owner connection may not do even when nothing is pending.
            pending = await PendingAsync(db, ct);
            if (pending.Count > 0)
                await db.Database.MigrateAsync(ct);
        }
        foreach (var module in ModuleCatalog.All)
            await module.AfterMigrationAsync(services, ct);
        return pending;
    }

    /// <summary>The migrations not yet applied: all of them in a database without a history (asked first, so no failed query is logged).</summary>
    private static async Task<List<string>> PendingAsync(ZhifaDbContext db, CancellationToken ct) =>
        await db.GetService<IHistoryRepository>().ExistsAsync(ct)
            ? [.. await db.Database.GetPendingMigrationsAsync(ct)]
            : [.. db.Database.GetMigrations()];
}

/// <summary>Says once at start (in production, on PostgreSQL without an owner connection) that the app's role could rewrite the audit trail.</summary>
internal sealed class SingleDatabaseRoleWarning(ILogger<SingleDatabaseRoleWarning> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        log.LogWarning("The audit trail is not protected by database roles: the app's PostgreSQL role owns the tables, so it could switch the "
            + "append-only triggers off. Set ConnectionStrings:ZhifaOwner to a separate owner role (README, PostgreSQL roles).");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
