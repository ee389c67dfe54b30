using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Zhifa.Core.Audit;

/// <summary>The tamper-evident audit trail: every change to business data, chained, in the transaction that makes it.</summary>
public sealed class AuditModule : FeatureModule
{
    public override int Order => 15;

    public override IReadOnlyList<PermissionDefinition> Permissions =>
    [
        PermissionDefinition.Of(AuditPermissions.AuditRead, Stereotypes.AgencyHead, Stereotypes.Supervisor, Stereotypes.Administrator),
        PermissionDefinition.Of(AuditPermissions.AuditVerify, Stereotypes.Supervisor, Stereotypes.Administrator),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        // The keys are read (or the default key file made) when first needed, from the app's final configuration.
        services.AddSingleton(sp => AuditKeyRing.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        var options = new AuditCheckpointOptions();
        configuration.GetSection(AuditCheckpointOptions.Section).Bind(options);
        services.AddSingleton(options);
    }

    public override void BuildModel(ModelBuilder model, ScopeFilters scope) =>
        scope.Add<AuditEntry>((db, e) => db.Scope.All || e.OrganizationId == null
            || db.Set<Organizations.Organization>().Any(o => o.Id == e.OrganizationId));

    public override ISaveParticipant SaveParticipant { get; } = new AuditParticipant();

    private sealed class AuditParticipant : ISaveParticipant
    {
        private const long AuditLockKey = 7_461_001;

        // The chain's lock serialises every writer: taken after everything else is written, it is held for the entries and the commit only.
        public SavePhase Phase => SavePhase.Last;

        public Func<CancellationToken, Task>? Prepare(ZhifaDbContext db, DateTime now)
        {
            var keys = AuditTrail.KeysOf(db);
            var pending = AuditTrail.Collect(db.ChangeTracker, keys?.Current);
            if (pending.Count == 0)
                return null;
            return async ct =>
            {
                // One writer at a time extends the chain; the unique sequence stops a fork on any database.
                if (db.IsPostgres)
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditLockKey})", ct);
                await AuditTrail.AppendAsync(db, pending, keys, db.Actor, now, ct);
            };
        }
    }
}

/// <summary>The audit trail's permission codes.</summary>
public static class AuditPermissions
{
    public const string AuditRead = "audit.read";
    public const string AuditVerify = "audit.verify";
}

/// <summary>The audit trail's sets of the database.</summary>
public static class AuditSets
{
    extension(ZhifaDbContext db)
    {
        public DbSet<AuditEntry> AuditEntries => db.Set<AuditEntry>();

        public DbSet<AuditCheckpoint> AuditCheckpoints => db.Set<AuditCheckpoint>();
    }
}
