using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Zhifa.Core.Audit;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Discretion;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;

namespace Zhifa.Core.Data;

/// <summary>
/// The one database of Zhifa. Each feature plugs its entities in with <see cref="IEntityTypeConfiguration{TEntity}"/>
/// classes in its own folder. Scoped data is filtered by the actor's <see cref="DataScope"/> (the second line behind
/// the use cases' own checks), and every change is written to the audit trail in the same transaction.
/// </summary>
public class ZhifaDbContext(DbContextOptions<ZhifaDbContext> options, ActorContext? actor = null, TimeProvider? clock = null,
    Common.ConcurrencyExpectation? expectation = null) : DbContext(options)
{
    private const long AuditLockKey = 7_461_001;
    private readonly ActorContext _actor = actor ?? ActorContext.System();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<EnforcementBody> Bodies => Set<EnforcementBody>();
    public DbSet<OrgUnit> Units => Set<OrgUnit>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Role> Roles => Set<Role>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<LoginLogEntry> LoginLog => Set<LoginLogEntry>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<ExamSession> ExamSessions => Set<ExamSession>();
    public DbSet<ExamResult> ExamResults => Set<ExamResult>();
    public DbSet<TrainingCourse> TrainingCourses => Set<TrainingCourse>();
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<TrainingAttendance> TrainingAttendances => Set<TrainingAttendance>();
    public DbSet<AnnualAssessment> AnnualAssessments => Set<AnnualAssessment>();
    public DbSet<RegionPersonnelSettings> PersonnelSettings => Set<RegionPersonnelSettings>();
    public DbSet<CatalogueItem> CatalogueItems => Set<CatalogueItem>();
    public DbSet<CatalogueItemVersion> CatalogueItemVersions => Set<CatalogueItemVersion>();
    public DbSet<DiscretionBenchmark> Benchmarks => Set<DiscretionBenchmark>();
    public DbSet<ListCuration> ListCurations => Set<ListCuration>();
    public DbSet<ListPublication> ListPublications => Set<ListPublication>();

    public ActorContext Actor => _actor;

    public bool IsPostgres => Database.ProviderName == DatabaseProviders.NpgsqlProviderName;

    /// <summary>Read by the query filters on every query, so each query sees the scope of the moment.</summary>
    private DataScope Scope => _actor.Scope;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ZhifaDbContext).Assembly, t => t.Namespace?.StartsWith("Zhifa.Core", StringComparison.Ordinal) == true);
        OrganizationPathCollation.Apply(modelBuilder, IsPostgres);
        JsonColumns.Apply(modelBuilder, IsPostgres);
        Common.Versioning.Configure(modelBuilder);

        modelBuilder.Entity<Organization>().HasQueryFilter(o => Scope.All
            || Scope.OrganizationIds.Contains(o.Id)
            || (o.AgencyId != null && Scope.AgencyIds.Contains(o.AgencyId.Value))
            || Scope.Prefixes.Any(p => o.Path.StartsWith(p))
            || Scope.RegionPrefixes.Any(p => o.RegionPath.StartsWith(p)));
        modelBuilder.Entity<User>().HasQueryFilter(u => Scope.All || Organizations.Any(o => o.Id == u.OrganizationId));
        modelBuilder.Entity<RoleAssignment>().HasQueryFilter(a => Scope.All || Organizations.Any(o => o.Id == a.OrganizationId));
        modelBuilder.Entity<LoginLogEntry>().HasQueryFilter(l => Scope.All || Organizations.Any(o => o.Id == l.OrganizationId));
        modelBuilder.Entity<AuditEntry>().HasQueryFilter(e => Scope.All || e.OrganizationId == null || Organizations.Any(o => o.Id == e.OrganizationId));
        modelBuilder.Entity<Officer>().HasQueryFilter(o => Scope.All || Organizations.Any(x => x.Id == o.BodyId));
        modelBuilder.Entity<Certificate>().HasQueryFilter(c => Scope.All || Organizations.Any(x => x.Id == c.BodyId));
        modelBuilder.Entity<ExamResult>().HasQueryFilter(r => Scope.All || Officers.Any(o => o.Id == r.OfficerId));
        modelBuilder.Entity<TrainingAttendance>().HasQueryFilter(a => Scope.All || Officers.Any(o => o.Id == a.OfficerId));
        modelBuilder.Entity<AnnualAssessment>().HasQueryFilter(a => Scope.All || Officers.Any(o => o.Id == a.OfficerId));

        // The catalogue and the benchmarks are public once published; drafts are seen within the owner's scope.
        modelBuilder.Entity<CatalogueItem>().HasQueryFilter(i => Scope.All || Organizations.Any(o => o.Id == i.OwnerId)
            || CatalogueItemVersions.Any(v => v.ItemId == i.Id && v.EffectiveFrom != null));
        modelBuilder.Entity<CatalogueItemVersion>().HasQueryFilter(v => Scope.All || v.EffectiveFrom != null || Organizations.Any(o => o.Id == v.OwnerId));
        modelBuilder.Entity<DiscretionBenchmark>().HasQueryFilter(b => Scope.All || b.Status == BenchmarkStatus.Published || Organizations.Any(o => o.Id == b.IssuingBodyId));
        modelBuilder.Entity<ListCuration>().HasQueryFilter(c => Scope.All || Organizations.Any(o => o.Id == c.BodyId));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Storage is UTC everywhere; values read back are marked UTC so nothing downstream guesses.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Zhifa saves asynchronously, so that every change reaches the audit trail: use SaveChangesAsync.");

    /// <summary>Saves the changes and their audit entries in one transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        Common.Versioning.Stamp(ChangeTracker, expectation);
        var pending = AuditTrail.Collect(ChangeTracker);
        if (pending.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var saved = 0;
        await this.InTransactionAsync(async () =>
        {
            // One writer at a time extends the chain; the unique sequence stops a fork on any database.
            if (IsPostgres)
                await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditLockKey})", cancellationToken);
            await AuditTrail.AppendAsync(this, pending, _actor, _clock.GetUtcNow().UtcDateTime, cancellationToken);
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }, cancellationToken);
        return saved;
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}
