using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Inspections;

/// <summary>
/// Administrative inspections (行政检查) of enterprises: plans, 双随机 draws anyone can re-run (SSJ-DRAW, SSJ-RATIO), joint
/// inspections (综合查一次), filing and the inspection code (涉企检查备案, 扫码入企), caps on visits (SSJ-FREQ), the visit's
/// record with a lead for a case in one action, and publication of results (SSJ-PUB).
/// </summary>
public sealed class InspectionsModule : FeatureModule
{
    public override int Order => 70;

    public override IReadOnlyList<PermissionDefinition> Permissions =>
    [
        PermissionDefinition.Of(InspectionPermissions.Read, Stereotypes.All.ToArray()),
        PermissionDefinition.Of(InspectionPermissions.Handle, Stereotypes.Officer),
        PermissionDefinition.Of(InspectionPermissions.Plan, Stereotypes.AgencyHead, Stereotypes.Administrator),
        PermissionDefinition.Of(InspectionPermissions.Approve, Stereotypes.AgencyHead),
        PermissionDefinition.Of(InspectionPermissions.Supervise, Stereotypes.Supervisor),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var rules = new InspectionRules();
        configuration.GetSection("Zhifa:Inspections").Bind(rules);
        services.AddSingleton(rules);
    }

    public override void BuildModel(ModelBuilder model, ScopeFilters scope)
    {
        scope.ByOrganization<InspectionPlan>(p => p.BodyId);
        scope.ByOrganization<InspectionDraw>(d => d.BodyId);
        scope.ByOrganization<InspectionTask>(t => t.BodyId);
        scope.ByOrganization<InspectionConflict>(c => c.BodyId);
        scope.ByOrganization<InspectionRating>(r => r.BodyId);
        scope.ByOrganization<InspectionPhoto>(p => p.BodyId);
    }

    public override AuditOwner? AuditOwnerOf(EntityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Entity switch
        {
            InspectionPlan p => AuditOwner.Organization(p.BodyId),
            InspectionDraw d => AuditOwner.Organization(d.BodyId),
            InspectionTask t => AuditOwner.Organization(t.BodyId),
            InspectionOfficer o => AuditOwner.Parent<InspectionTask>(o.TaskId, t => t.BodyId),
            InspectionItem i => AuditOwner.Parent<InspectionTask>(i.TaskId, t => t.BodyId),
            InspectionConflict c => AuditOwner.Organization(c.BodyId),
            InspectionPhoto p => AuditOwner.Organization(p.BodyId),
            _ => null,
        };
    }

    public override async Task<IReadOnlyDictionary<Guid, string>> AuditNamesAsync(ZhifaDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var names = await db.InspectionTasks.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.PartyName, ct);
        foreach (var p in await db.InspectionPlans.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            names[p.Id] = p.Name;
        return names;
    }

    public override Task<bool> HasDataAsync(ZhifaDbContext db, CancellationToken ct) => db.InspectionPlans.AnyAsync(ct);

    public override Task SeedDemoAsync(DemoContext demo, CancellationToken ct) => InspectionsDemo.SeedAsync(demo, ct);
}

/// <summary>The inspections' sets of the database.</summary>
public static class InspectionSets
{
    extension(ZhifaDbContext db)
    {
        public DbSet<InspectionPlan> InspectionPlans => db.Set<InspectionPlan>();
        public DbSet<InspectionDraw> InspectionDraws => db.Set<InspectionDraw>();
        public DbSet<InspectionTask> InspectionTasks => db.Set<InspectionTask>();
        public DbSet<InspectionConflict> InspectionConflicts => db.Set<InspectionConflict>();
        public DbSet<InspectionRating> InspectionRatings => db.Set<InspectionRating>();
        public DbSet<InspectionPhoto> InspectionPhotos => db.Set<InspectionPhoto>();
    }
}

/// <summary>The permissions of inspections.</summary>
public static class InspectionPermissions
{
    public const string Read = "inspection.read";

    /// <summary>Plan an inspection of an enterprise, file it, record the visit, turn a finding into a lead, publish the result.</summary>
    public const string Handle = "inspection.handle";

    /// <summary>Make a body's plans, announce their draws, re-draw with a reason.</summary>
    public const string Plan = "inspection.plan";

    /// <summary>Approve a visit over the yearly cap (SSJ-FREQ).</summary>
    public const string Approve = "inspection.approve";

    /// <summary>The supervising bureau: contribute to draws, merge joint inspections, see caps, unfiled visits and ratings.</summary>
    public const string Supervise = "inspection.supervise";
}

/// <summary>The configurable rules of inspections (settings <c>Zhifa:Inspections:…</c>).</summary>
public sealed class InspectionRules
{
    /// <summary>SSJ-FREQ: visits of one enterprise per year, across every body (a joint inspection is one visit).</summary>
    public int YearlyCap { get; set; } = 3;

    /// <summary>SSJ-FREQ: a second visit within this many days is warned of.</summary>
    public int RepeatDays { get; set; } = 30;

    /// <summary>SSJ-PUB: working days after the visit by which its result is published.</summary>
    public int PublishWorkingDays { get; set; } = 20;

    /// <summary>SSJ-PUB: the inspectors are reminded this many working days before the publication falls due.</summary>
    public int PublishReminderWorkingDays { get; set; } = 3;

    /// <summary>SSJ-RATIO: the least share a plan may draw of any grade it draws from (enterprise disclosure spot checks: 3 %).</summary>
    public decimal MinimumRatioPercent { get; set; } = 3;

    /// <summary>SSJ-DRAW: inspectors per subject.</summary>
    public int InspectorsPerSubject { get; set; } = 2;
}
