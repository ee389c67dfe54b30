using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Data;

namespace Zhifa.Web.Common;

/// <summary>A job of the daily run, registered by its feature with <see cref="Jobs.AddZhifaJob{TJob}"/>. It runs as the system actor.</summary>
public interface IZhifaJob
{
    /// <summary>Stable name: in logs, and the key of the job's database lock.</summary>
    string Name { get; }

    /// <summary>Does the work in the scope's services (its DbContext's transaction is open); returns how many things it did.</summary>
    Task<int> RunAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>How one run of a job ended: ran (with its count), or skipped because another node was running it.</summary>
public sealed record JobOutcome(string Name, bool Ran, int Count);

public static class Jobs
{
    public static IServiceCollection AddZhifaJob<TJob>(this IServiceCollection services) where TJob : class, IZhifaJob
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IZhifaJob, TJob>();
        services.AddSingleton<JobRunner>();
        return services;
    }
}

/// <summary>
/// Runs a job once across every node. On PostgreSQL under a session advisory lock on the job's own connection
/// (<c>pg_try_advisory_lock</c>; a node that does not get it skips the run, the other is doing it), with each of the
/// job's saves a transaction of its own: a job that works in batches (the reminders mark thousands of clocks) then holds
/// the audit chain's lock, which every writer of the province needs, for one batch at a time and not for the whole run —
/// in one transaction, the first batch's lock lasted until the run ended and every other write waited. On SQLite in one
/// transaction (Microsoft.Data.Sqlite begins it IMMEDIATE: one writer at a time, the second runs after the first and
/// finds nothing left to do). Unique indexes (a certificate's history) stop a duplicate even so.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, ILogger<JobRunner> log)
{
    public async Task<JobOutcome> RunAsync(IZhifaJob job, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        if (!db.IsPostgres)
        {
            var outcome = new JobOutcome(job.Name, false, 0);
            await db.InTransactionAsync(async () => outcome = new JobOutcome(job.Name, true, await job.RunAsync(scope.ServiceProvider, ct)), ct);
            return outcome;
        }
        var key = DatabaseLock.KeyOf("job:" + job.Name);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").SingleAsync(ct))
            {
                log.LogInformation("Job {Job} is running on another node; skipped here.", job.Name);
                return new JobOutcome(job.Name, false, 0);
            }
            try
            {
                return new JobOutcome(job.Name, true, await job.RunAsync(scope.ServiceProvider, ct));
            }
            finally
            {
                await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({key}) AS \"Value\"").SingleAsync(CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<IReadOnlyList<JobOutcome>> RunAllAsync(IEnumerable<IZhifaJob> jobs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var outcomes = new List<JobOutcome>();
        foreach (var job in jobs)
        {
            try
            {
                outcomes.Add(await RunAsync(job, ct));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Job {Job} failed; it runs again at the next scheduled time.", job.Name);
            }
        }
        return outcomes;
    }

    /// <summary>
    /// Runs <paramref name="job"/> every <paramref name="interval"/> until stopped (a job that keeps up more often than the
    /// daily run), handing each outcome to <paramref name="ran"/>; a failure is logged and tried again at the next interval.
    /// </summary>
    public async Task RepeatAsync(IZhifaJob job, TimeSpan interval, TimeProvider clock, Action<JobOutcome> ran, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(ran);
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(interval, clock, ct);
            try
            {
                ran(await RunAsync(job, ct));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Job {Job} failed; it runs again in {Interval}.", job.Name, interval);
            }
        }
    }

}

/// <summary>Database-wide locks by name, so that any number of app nodes can run.</summary>
public static class DatabaseLock
{
    private const long MigrationKey = 7_461_002;

    /// <summary>A stable 64-bit advisory-lock key for a name.</summary>
    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("zhifa:" + name)), 0);

    /// <summary>
    /// Runs the preparation of the database (migrations, role templates, demo data) on one node at a time: on PostgreSQL
    /// under a session advisory lock held on its own connection (migrations commit their own transactions); the next
    /// node then finds everything done. SQLite is one file on one machine; EF Core's migration lock serialises it.
    /// </summary>
    public static async Task<T> PreparingAsync<T>(DatabaseOptions options, Func<Task<T>> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(work);
        if (!options.IsPostgres)
            return await work();
        await using var connection = new Npgsql.NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({MigrationKey})", connection) { CommandTimeout = 0 })
            await take.ExecuteNonQueryAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            await using var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}

/// <summary>Removes stored idempotent answers past their lifetime.</summary>
internal sealed class IdempotencyCleanupJob(TimeProvider clock) : IZhifaJob
{
    public string Name => "idempotency-cleanup";

    public Task<int> RunAsync(IServiceProvider services, CancellationToken ct) =>
        IdempotencyMiddleware.RemoveExpiredAsync(services.GetRequiredService<ZhifaDbContext>(), clock.GetUtcNow().UtcDateTime, ct);
}
