using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Calendar;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Cases;

/// <summary>Case handling (执法办案): penalty cases in the general and the simple procedure, their clocks and their record.</summary>
public sealed class CasesModule : FeatureModule
{
    public override int Order => 60;

    public override IReadOnlyList<PermissionDefinition> Permissions =>
    [
        PermissionDefinition.Of(CasePermissions.Read, Stereotypes.All.ToArray()),
        PermissionDefinition.Of(CasePermissions.Handle, Stereotypes.Officer),
        PermissionDefinition.Of(CasePermissions.Approve, Stereotypes.AgencyHead),
        PermissionDefinition.Of(CasePermissions.Review, Stereotypes.LegalReviewer),
        PermissionDefinition.Of(CasePermissions.Archive, Stereotypes.AgencyHead),
        PermissionDefinition.Of(CasePermissions.RunReminders, Stereotypes.Administrator),
        PermissionDefinition.Of(CasePermissions.ConfigureDocuments, Stereotypes.AgencyHead, Stereotypes.Administrator),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new CaseRuleBook(configuration));
        services.AddScoped<ICalendarChanged, CaseCalendarChanged>();
    }

    public override void BuildModel(ModelBuilder model, ScopeFilters scope)
    {
        scope.ByOrganization<PenaltyCase>(c => c.BodyId);
        scope.ByOrganization<CaseDeadline>(d => d.BodyId);
        scope.ByOrganization<CaseCount>(c => c.BodyId);
        scope.ByOrganization<OpenDeadlineCount>(c => c.BodyId);
        scope.ByOrganization<DocumentSettings>(s => s.BodyId);
        scope.ByOrganization<DocumentSettingsRevision>(s => s.BodyId);
        scope.ByOrganization<ServiceAddress>(s => s.BodyId);
    }

    /// <summary>The statistics' rollups move with every saved change of a case or a deadline (<see cref="CaseCountRollup"/>).</summary>
    public override ISaveParticipant SaveParticipant { get; } = new CaseRollupParticipant();

    /// <summary>A database from before the rollups (or one whose rollups were emptied) gets them made from its cases once.</summary>
    public override async Task AfterMigrationAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<ZhifaDbContext>();
        if (!await db.CaseCounts.Unscoped("whether the rollup exists at all, across every body").AnyAsync(ct)
            && await db.Cases.Unscoped("whether any case exists at all, across every body").AnyAsync(ct))
            await CaseCountRollup.RebuildAsync(db, ct);
    }

    public override AuditOwner? AuditOwnerOf(EntityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Entity switch
        {
            PenaltyCase c => AuditOwner.Organization(c.BodyId),
            CaseDeadline d => AuditOwner.Organization(d.BodyId),
            CaseOfficer o => OfCase(o.CaseId),
            CaseClockStop s => OfCase(s.CaseId),
            CaseEvent e => OfCase(e.CaseId),
            CasePayment p => OfCase(p.CaseId),
            CaseMeasure m => OfCase(m.CaseId),
            DocumentSettings s => AuditOwner.Organization(s.BodyId),
            ServiceAddress a => AuditOwner.Organization(a.BodyId),
            _ => null,
        };
    }

    private static AuditOwner OfCase(Guid id) => AuditOwner.Parent<PenaltyCase>(id, c => c.BodyId);

    public override async Task<IReadOnlyDictionary<Guid, string>> AuditNamesAsync(ZhifaDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Cases.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CaseNumber ?? c.Title, ct);

    public override Task<bool> HasDataAsync(ZhifaDbContext db, CancellationToken ct) => db.Cases.AnyAsync(ct);

    public override Task SeedDemoAsync(DemoContext demo, CancellationToken ct) => CasesDemo.SeedAsync(demo, ct);
}

/// <summary>Case handling's sets of the database.</summary>
public static class CaseSets
{
    extension(ZhifaDbContext db)
    {
        public DbSet<PenaltyCase> Cases => db.Set<PenaltyCase>();
        public DbSet<CaseDeadline> CaseDeadlines => db.Set<CaseDeadline>();
        public DbSet<CaseEvent> CaseEvents => db.Set<CaseEvent>();
        public DbSet<CaseCount> CaseCounts => db.Set<CaseCount>();
        public DbSet<OpenDeadlineCount> OpenDeadlineCounts => db.Set<OpenDeadlineCount>();
    }
}
