using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel.UseCases;

namespace Zhifa.Core.Personnel;

/// <summary>Enforcement personnel: the officer registry, exams, certificates, training, assessments.</summary>
public sealed class PersonnelModule : FeatureModule
{
    public override int Order => 20;

    public override IReadOnlyList<PermissionDefinition> Permissions =>
    [
        PermissionDefinition.Of(PersonnelPermissions.PersonnelRead, Stereotypes.All.ToArray()),
        PermissionDefinition.Of(PersonnelPermissions.PersonnelManage, Stereotypes.AgencyHead, Stereotypes.Administrator),
        PermissionDefinition.Of(PersonnelPermissions.PersonnelIdNumberView, Stereotypes.AgencyHead, Stereotypes.Administrator),
        PermissionDefinition.Of(PersonnelPermissions.CertificateIssue, Stereotypes.Supervisor),
        PermissionDefinition.Of(PersonnelPermissions.TrainingManage, Stereotypes.Supervisor, Stereotypes.Administrator),
        PermissionDefinition.Of(PersonnelPermissions.QualificationCheck, Stereotypes.LegalReviewer),
    ];

    public override void BuildModel(ModelBuilder model, ScopeFilters scope)
    {
        scope.ByOrganization<Officer>(o => o.BodyId);
        scope.ByOrganization<Certificate>(c => c.BodyId);
        scope.Add<ExamResult>((db, r) => db.Scope.All || db.Set<Officer>().Any(o => o.Id == r.OfficerId));
        scope.Add<TrainingAttendance>((db, a) => db.Scope.All || db.Set<Officer>().Any(o => o.Id == a.OfficerId));
        scope.Add<AnnualAssessment>((db, a) => db.Scope.All || db.Set<Officer>().Any(o => o.Id == a.OfficerId));
    }

    public override AuditOwner? AuditOwnerOf(EntityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Guid? Fk(string name) => entry.Metadata.FindProperty(name) is null ? null : entry.Property(name).CurrentValue as Guid?;
        return entry.Entity switch
        {
            ExamSession s => AuditOwner.Organization(s.RegionId),
            TrainingCourse c => AuditOwner.Organization(c.OrganizerId),
            RegionPersonnelSettings r => AuditOwner.Organization(r.RegionId),
            ExamResult r => OfOfficer(r.OfficerId),
            TrainingAttendance a => OfOfficer(a.OfficerId),
            AnnualAssessment a => OfOfficer(a.OfficerId),
            EmploymentChange when Fk("OfficerId") is { } id => OfOfficer(id),
            CertificateEvent when Fk("CertificateId") is { } id => AuditOwner.Parent<Certificate>(id, c => c.BodyId),
            TrainingSession s => AuditOwner.Parent<TrainingCourse>(s.CourseId, c => c.OrganizerId),
            _ => null,
        };
    }

    private static AuditOwner OfOfficer(Guid id) => AuditOwner.Parent<Officer>(id, o => o.BodyId);

    public override async Task<IReadOnlyDictionary<Guid, string>> AuditNamesAsync(ZhifaDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var names = await db.Officers.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.FullName, ct);
        foreach (var c in await db.Certificates.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToListAsync(ct))
            names[c.Id] = c.Number;
        return names;
    }

    public override void AddServices(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
    }

    public override Task SeedDemoAsync(DemoContext demo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var protector = demo.Services.GetRequiredService<IIdNumberProtector>();
        var pepper = demo.Services.GetRequiredService<IdNumberPepper>();
        PersonnelDemo.Seed(demo.Db, protector, pepper.Value, demo.Today, demo.Now,
            demo.Db.ChangeTracker.Entries<Region>().Select(e => e.Entity).ToDictionary(r => r.Id),
            demo.Db.ChangeTracker.Entries<EnforcementBody>().Select(e => e.Entity).ToDictionary(b => b.Id));
        return demo.Db.SaveChangesAsync(ct);
    }

    /// <summary>The first protection creates the key ring, which is stored in its own transaction: before the demo's begins.</summary>
    public override void PrepareDemo(IServiceProvider services) =>
        services.GetRequiredService<IIdNumberProtector>().Protect("warm-up");
}

/// <summary>Personnel's permission codes.</summary>
public static class PersonnelPermissions
{
    public const string PersonnelRead = "personnel.read";
    public const string PersonnelManage = "personnel.manage";
    public const string CertificateIssue = "personnel.certificate.issue";
    public const string PersonnelIdNumberView = "personnel.id_number.view";
    public const string TrainingManage = "personnel.training.manage";

    /// <summary>
    /// Checking that the officers of one's scope may act (法制审核 of 执法人员资格): the legal reviewer's to-do of officers
    /// without a valid certificate and certificates whose annual review is overdue.
    /// </summary>
    public const string QualificationCheck = "personnel.qualification.check";
}

/// <summary>Personnel's sets of the database.</summary>
public static class PersonnelSets
{
    extension(ZhifaDbContext db)
    {
        public DbSet<Officer> Officers => db.Set<Officer>();
        public DbSet<Certificate> Certificates => db.Set<Certificate>();
        public DbSet<ExamSession> ExamSessions => db.Set<ExamSession>();
        public DbSet<ExamResult> ExamResults => db.Set<ExamResult>();
        public DbSet<TrainingCourse> TrainingCourses => db.Set<TrainingCourse>();
        public DbSet<TrainingSession> TrainingSessions => db.Set<TrainingSession>();
        public DbSet<TrainingAttendance> TrainingAttendances => db.Set<TrainingAttendance>();
        public DbSet<AnnualAssessment> AnnualAssessments => db.Set<AnnualAssessment>();
        public DbSet<RegionPersonnelSettings> PersonnelSettings => db.Set<RegionPersonnelSettings>();
    }
}

/// <summary>
/// Told when an officer leaves the post, inside the same unit of work (before its one save): another feature closes
/// what belongs to the person (Identity closes their account).
/// </summary>
public interface IOfficerDeparture
{
    Task OfficerLeftAsync(Guid officerId, DateTime now, CancellationToken ct);
}
