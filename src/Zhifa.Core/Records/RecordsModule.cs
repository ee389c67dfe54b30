using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Organizations;
using Zhifa.Core.Records.UseCases;

namespace Zhifa.Core.Records;

/// <summary>
/// The full-process record (执法全过程记录, XZCF-47): the evidence of a case — photos, audio, video, documents — kept in a
/// content-addressed store with their hashes, never deleted, and verifiable against the record and the audit trail.
/// </summary>
public sealed class RecordsModule : FeatureModule
{
    public override int Order => 65;

    public override IReadOnlyList<PermissionDefinition> Permissions =>
    [
        PermissionDefinition.Of(RecordsPermissions.AddEvidence, Stereotypes.Officer),
        PermissionDefinition.Of(RecordsPermissions.WithdrawEvidence, Stereotypes.Officer, Stereotypes.AgencyHead),
        PermissionDefinition.Of(RecordsPermissions.Verify, Stereotypes.AgencyHead, Stereotypes.LegalReviewer, Stereotypes.Supervisor, Stereotypes.Administrator),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IBlobStore>(_ => DirectoryBlobStore.FromConfiguration(configuration));
        var limits = new EvidenceLimits();
        configuration.GetSection("Zhifa:Evidence").Bind(limits);
        services.AddSingleton(limits);
        services.AddScoped<ICaseRecordings, EvidenceRecordings>();
        services.AddSingleton<UploadSessions>();
    }

    public override void BuildModel(ModelBuilder model, ScopeFilters scope)
    {
        scope.ByOrganization<EvidenceFile>(e => e.BodyId);
        scope.ByOrganization<DocumentTemplate>(t => t.BodyId);
    }

    public override AuditOwner? AuditOwnerOf(EntityEntry entry) => entry?.Entity switch
    {
        EvidenceFile f => AuditOwner.Organization(f.BodyId),
        DocumentTemplate t => AuditOwner.Organization(t.BodyId),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<Guid, string>> AuditNamesAsync(ZhifaDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var names = await db.EvidenceFiles.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Title, ct);
        foreach (var t in await db.Set<DocumentTemplate>().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Kind, t.Revision }).ToListAsync(ct))
            names[t.Id] = $"{t.Kind} #{t.Revision}";
        return names;
    }

    public override Task<bool> HasDataAsync(ZhifaDbContext db, CancellationToken ct) => db.EvidenceFiles.AnyAsync(ct);

    public override Task SeedDemoAsync(DemoContext demo, CancellationToken ct) => RecordsDemo.SeedAsync(demo, ct);
}

/// <summary>The record's sets of the database.</summary>
public static class RecordsSets
{
    extension(ZhifaDbContext db)
    {
        public DbSet<EvidenceFile> EvidenceFiles => db.Set<EvidenceFile>();
    }
}
