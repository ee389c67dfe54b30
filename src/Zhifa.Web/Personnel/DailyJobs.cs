using Zhifa.Core.Common;
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

/// <summary>Writes due certificate expiries into their history (<see cref="CertificateExpiry"/>); also the <c>expire-certificates</c> command.</summary>
internal sealed class CertificateExpiryJob : Zhifa.Web.Common.IZhifaJob
{
    public string Name => "certificate-expiry";

    public Task<int> RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<CertificateExpiry>().RecordDueAsync(ct);
}

/// <summary>
/// The daily run of every registered job (<see cref="Zhifa.Web.Common.IZhifaJob"/>: certificate expiries, clean-ups),
/// each once across all nodes (<see cref="Zhifa.Web.Common.JobRunner"/>). Runs once shortly after start, then every day
/// at <see cref="JobOptions.DailyAt"/> China time, as the system actor; a failure is logged and retried at the next run.
/// </summary>
internal sealed class DailyJobs(Zhifa.Web.Common.JobRunner runner, IEnumerable<Zhifa.Web.Common.IZhifaJob> jobs, TimeProvider clock, JobOptions options,
    ILogger<DailyJobs> log) : BackgroundService
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
        foreach (var outcome in await runner.RunAllAsync(jobs, ct))
            log.LogInformation("Daily job {Job}: {Outcome}.", outcome.Name, outcome.Ran ? $"{outcome.Count} done" : "skipped, another node runs it");
    }
}
