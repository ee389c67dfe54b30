using Zhifa.Core.Audit;
using Zhifa.Web.Modules;

namespace Zhifa.Web.Audit;

/// <summary>The audit trail and the login log: their API, pages and navigation.</summary>
public sealed class AuditWebModule : WebModule
{
    public override int Order => 90;

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app) => AuditEndpoints.Map(api);

    /// <summary>Walks the hash chain; exits 3 naming the first bad entry.</summary>
    public override IReadOnlyList<HostCommand> Commands =>
    [
        new("verify-audit", async (sp, log) =>
        {
            var result = await sp.GetRequiredService<VerifyAudit>().ExecuteAsync();
            if (result.Intact)
            {
                log.LogInformation("Audit trail intact: {Count} entries verified.", result.Checked);
                Console.WriteLine($"audit trail intact: {result.Checked} entries verified");
                return 0;
            }
            log.LogError("Audit trail broken at entry {Sequence} ({Id}): {Problem}", result.FirstBadSequence, result.FirstBadId, result.Problem);
            Console.WriteLine($"audit trail broken at entry {result.FirstBadSequence} (id {result.FirstBadId}): {result.Problem}; {result.Checked} entries before it verified");
            return 3;
        }),
    ];

    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("system", 910, "/audit", "nav.audit", AuditPermissions.AuditRead, Exact: true),
    ];
}
