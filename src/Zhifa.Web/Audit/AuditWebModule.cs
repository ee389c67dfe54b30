using Zhifa.Core.Audit;
using Zhifa.Web.Common;
using Zhifa.Web.Modules;

namespace Zhifa.Web.Audit;

/// <summary>The audit trail and the login log: their API, pages and navigation.</summary>
public sealed class AuditWebModule : WebModule
{
    public override int Order => 90;

    public override void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddZhifaJob<AuditCheckpointJob>();
        builder.Services.AddSingleton<AuditCheckpointJob>();
        if (builder.Configuration.GetValue("Zhifa:Jobs:Enabled", true))
            builder.Services.AddHostedService<AuditCheckpointTimer>();
    }

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app) => AuditEndpoints.Map(api);

    public override IReadOnlyList<HostCommand> Commands =>
    [
        // Walks the chain and the checkpoints (and, with --checkpoints <file>, an exported copy); exits 3 naming the first bad entry.
        new("verify-audit", async (sp, log) =>
        {
            var copyPath = sp.GetRequiredService<IConfiguration>()["checkpoints"];
            IReadOnlyList<AuditCheckpointDto>? copy = null;
            if (!string.IsNullOrEmpty(copyPath))
            {
                await using var file = File.OpenRead(copyPath);
                copy = (await System.Text.Json.JsonSerializer.DeserializeAsync<AuditCheckpointExport>(file, AuditEndpoints.ExportJson))?.Checkpoints ?? [];
            }
            var result = await sp.GetRequiredService<VerifyAudit>().ExecuteAsync(copy);
            if (result.Intact)
            {
                log.LogInformation("Audit trail intact: {Count} entries and {Checkpoints} checkpoints verified.", result.Checked, result.CheckpointsChecked);
                Console.WriteLine($"audit trail intact: {result.Checked} entries and {result.CheckpointsChecked} checkpoints verified (signed up to entry {result.AnchoredUpTo?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})");
                return 0;
            }
            log.LogError("Audit trail broken at entry {Sequence} ({Id}): {Problem}", result.FirstBadSequence, result.FirstBadId, result.Problem);
            Console.WriteLine($"audit trail broken at entry {result.FirstBadSequence} (id {result.FirstBadId}): {result.Problem}; {result.Checked} entries before it verified");
            return 3;
        }),
        // Writes the due checkpoints now (the app does so every few minutes; from cron with Zhifa:Jobs:Enabled=false).
        new("audit-checkpoint", async (sp, log) =>
        {
            var outcome = await sp.GetRequiredService<JobRunner>().RunAsync(sp.GetRequiredService<AuditCheckpointJob>());
            Console.WriteLine(outcome.Ran ? $"audit checkpoints written: {outcome.Count}" : "another node is writing the audit checkpoints");
            return 0;
        }),
    ];

    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("system", 910, "/audit", "nav.audit", AuditPermissions.AuditRead, Exact: true),
    ];
}
