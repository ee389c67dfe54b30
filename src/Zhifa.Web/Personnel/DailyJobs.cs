using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Personnel.UseCases;

namespace Zhifa.Web.Personnel;

/// <summary>When the daily jobs run: <c>Zhifa:Jobs</c>.</summary>
public sealed class JobOptions
{
    public const string Section = "Zhifa:Jobs";

    /// <summary>Off in tests, whose clocks and data the jobs must not touch behind their back.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The China-time hour and minute of the daily run (default 00:10); the jobs also run once at start.</summary>
    public TimeOnly DailyAt { get; set; } = new(0, 10);
}

/// <summary>
/// The daily housekeeping of the personnel records: writes due certificate expiries into their history
/// (<see cref="CertificateExpiry"/>). Runs once shortly after start, then every day at <see cref="JobOptions.DailyAt"/>
/// China time, as the system actor; a failure is logged and retried at the next run. The same work is the
/// <c>expire-certificates</c> command, for hosts that prefer cron.
/// </summary>
internal sealed class DailyJobs(IServiceScopeFactory scopes, TimeProvider clock, JobOptions options, ILogger<DailyJobs> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up (migrations, the first requests) finish first.
        await Task.Delay(TimeSpan.FromSeconds(30), clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            await Task.Delay(UntilNextRun(clock.GetUtcNow(), options.DailyAt), clock, stoppingToken);
        }
    }

    /// <summary>The time until the next <paramref name="at"/> China time, strictly after <paramref name="now"/>.</summary>
    internal static TimeSpan UntilNextRun(DateTimeOffset now, TimeOnly at)
    {
        var china = now.ToOffset(ChinaDate.Offset);
        var next = new DateTimeOffset(DateOnly.FromDateTime(china.DateTime).ToDateTime(at), ChinaDate.Offset);
        if (next <= china)
            next = next.AddDays(1);
        return next - china;
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
            var expired = await scope.ServiceProvider.GetRequiredService<CertificateExpiry>().RecordDueAsync(ct);
            log.LogInformation("Daily jobs: {Count} certificate expiry(ies) recorded.", expired);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Daily jobs failed; they run again at the next scheduled time.");
        }
    }
}
