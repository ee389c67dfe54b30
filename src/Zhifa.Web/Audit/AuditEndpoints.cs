using System.Globalization;
using Zhifa.Core.Audit;
using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using Zhifa.Web.Identity;

namespace Zhifa.Web.Audit;

/// <summary>The audit trail: browse, filter, export, verify.</summary>
public static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/audit").WithTags("Audit");

        g.MapGet("/", async (AuditQueries q, string? entityType, string? entityId, string? userName, string? action, DateTime? from, DateTime? to,
                string? sort, int? page, int? pageSize, CancellationToken ct) =>
                Results.Ok(await q.AuditAsync(new AuditFilter(entityType, entityId, userName, action, Utc(from), Utc(to), page, pageSize, sort), ct)))
            .RequirePermission(AuditPermissions.AuditRead).WithName("ListAuditEntries").WithSummary("The audit trail, newest first, within the caller's scope.")
            .Produces<Page<AuditEntryDto>>();

        g.MapGet("/export", async (AuditQueries q, string? entityType, string? entityId, string? userName, string? action, DateTime? from, DateTime? to, string? sort,
                CancellationToken ct) =>
            {
                var rows = await q.AuditAsync(new AuditFilter(entityType, entityId, userName, action, Utc(from), Utc(to), Sort: sort), ct, unpaged: true);
                var csv = Csv.Write(["sequence", "at_utc", "user", "address", "entity_type", "entity_id", "action", "before", "after", "hash"],
                    rows.Items.Select(e => new[] { e.Sequence.ToString(CultureInfo.InvariantCulture), e.At.ToString("O", CultureInfo.InvariantCulture), e.UserName,
                        e.Address ?? "", e.EntityType, e.EntityId, e.Action, e.Before ?? "", e.After ?? "", e.Hash }));
                return Results.File(csv, Csv.ContentType, "audit.csv");
            })
            .RequirePermission(AuditPermissions.AuditRead).WithName("ExportAuditEntries").WithSummary("The filtered audit trail as CSV.").Produces<byte[]>(200, "text/csv");

        g.MapGet("/verify", async (VerifyAudit verify, CancellationToken ct) => Results.Ok(await verify.ExecuteAsync(ct)))
            .RequirePermission(AuditPermissions.AuditVerify).WithName("VerifyAuditChain").WithSummary("Walk the hash chain and report the first entry that does not verify.")
            .Produces<AuditVerification>();

        g.MapPost("/verify", async (VerifyAudit verify, AuditCopyRequest copy, CancellationToken ct) => Results.Ok(await verify.ExecuteAsync(copy.Checkpoints, ct)))
            .RequirePermission(AuditPermissions.AuditVerify).WithName("VerifyAuditChainAgainstCopy")
            .WithSummary("Walk the chain and compare the checkpoints with a copy exported earlier (a supervising body's): a checkpoint missing or changed is reported.")
            .Produces<AuditVerification>();

        g.MapGet("/checkpoints", async (AuditCheckpoints checkpoints, CancellationToken ct) =>
                Results.Json(await checkpoints.ExportAsync(ct), ExportJson, statusCode: 200))
            .RequirePermission(AuditPermissions.AuditVerify).WithName("ExportAuditCheckpoints")
            .WithSummary("Every signed checkpoint of the chain with the public keys that check them, to keep outside Zhifa and compare later.")
            .Produces<AuditCheckpointExport>();

    }

    /// <summary>The checkpoint export's JSON, also read back by <c>verify-audit --checkpoints</c>.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions ExportJson = new(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Dates from query strings without a zone are China time (what people type); stored times are UTC.</summary>
    public static DateTime? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } v => v,
        { } v => DateTime.SpecifyKind(v.AddHours(-8), DateTimeKind.Utc),
    };
}
