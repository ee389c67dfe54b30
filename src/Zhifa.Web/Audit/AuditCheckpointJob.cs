using Zhifa.Core.Audit;
using Zhifa.Web.Common;

namespace Zhifa.Web.Audit;

/// <summary>Writes the due audit checkpoints (<see cref="AuditCheckpoints"/>); also the <c>audit-checkpoint</c> command.</summary>
internal sealed class AuditCheckpointJob : IZhifaJob
{
    public string Name => "audit-checkpoint";

    public Task<int> RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<AuditCheckpoints>().WriteDueAsync(ct);
}

/// <summary>
/// Runs the checkpoint job every <c>Zhifa:Audit:CheckpointIntervalMinutes</c> (default 5) through the job runner (one node
/// at a time), so that the chain is anchored at every multiple of N entries and at least hourly. Says at start which key
/// signs, and warns in production when the key was made at this start (it must be kept, apart from the database).
/// </summary>
internal sealed class AuditCheckpointTimer(JobRunner runner, AuditCheckpointJob job, AuditKeyRing keys, IConfiguration config,
    IHostEnvironment environment, TimeProvider clock, ILogger<AuditCheckpointTimer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        log.LogInformation("Audit trail: {Hash} chain, sealed and checkpoints signed with key {KeyId} ({Algorithm}) from {Source}.",
            keys.HashAlgorithm, keys.Current.Id, keys.Current.SignatureAlgorithm, keys.Source);
        if (keys.Generated && environment.IsProduction())
            log.LogWarning("A new audit signing key was made at {Source}: back it up apart from the database (without it old seals cannot be checked). "
                + "With several nodes, set Zhifa:Audit:SigningKey to the same key on every node (each node would otherwise make its own).", keys.Source);
        var interval = TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Zhifa:Audit:CheckpointIntervalMinutes", 5)));
        await runner.RepeatAsync(job, interval, clock, outcome =>
        {
            if (outcome.Count > 0)
                log.LogInformation("Audit checkpoints written: {Count}.", outcome.Count);
        }, stoppingToken);
    }
}
