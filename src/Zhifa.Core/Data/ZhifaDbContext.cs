using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Zhifa.Core.Data;

/// <summary>
/// The one database of Zhifa. Each feature (<see cref="FeatureModule"/>) plugs its entities in with
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes in its own folder, its sets as extension properties, and its
/// scope filters (the second line behind the use cases' own checks, <see cref="ScopeFilters"/>). What the features'
/// save participants add (the audit trail's entries) is written in the same transaction as the changes.
/// </summary>
public class ZhifaDbContext(DbContextOptions<ZhifaDbContext> options, ActorContext? actor = null, TimeProvider? clock = null,
    Common.ConcurrencyExpectation? expectation = null) : DbContext(options)
{
    private readonly ActorContext _actor = actor ?? ActorContext.System();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public ActorContext Actor => _actor;

    /// <summary>The data-protection key ring (it encrypts ID numbers), shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public bool IsPostgres => Database.ProviderName == DatabaseProviders.NpgsqlProviderName;

    /// <summary>What the caller may read. The scope filters read it on every query, so each query sees the scope of the moment.</summary>
    public DataScope Scope => _actor.Scope;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var scope = new ScopeFilters(modelBuilder, this);
        foreach (var module in ModuleCatalog.All)
        {
            var ns = module.GetType().Namespace!;
            NameTablesAfterSets(modelBuilder, ns);
            modelBuilder.ApplyConfigurationsFromAssembly(typeof(ZhifaDbContext).Assembly,
                t => t.Namespace == ns || t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) == true);
            module.BuildModel(modelBuilder, scope);
        }
        // The kernel's own records (the key ring, stored idempotent answers).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ZhifaDbContext).Assembly,
            t => t.Namespace == typeof(ZhifaDbContext).Namespace || t.Namespace == typeof(Common.IVersioned).Namespace);
        JsonColumns.Apply(modelBuilder, IsPostgres);
        Common.Versioning.Configure(modelBuilder);
    }

    /// <summary>
    /// A feature's set (an extension property on the context, <c>db.Officers</c>) names its table, as a DbSet property
    /// would: the table of a root entity is the set's name unless its configuration says otherwise.
    /// </summary>
    private static void NameTablesAfterSets(ModelBuilder modelBuilder, string featureNamespace)
    {
        var getters = typeof(ZhifaDbContext).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Namespace == featureNamespace)
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(m => m.Name.StartsWith("get_", StringComparison.Ordinal) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(ZhifaDbContext)
                && m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(DbSet<>));
        foreach (var getter in getters)
        {
            var entity = getter.ReturnType.GetGenericArguments()[0];
            if (entity.BaseType == typeof(object))
                modelBuilder.Entity(entity).ToTable(getter.Name["get_".Length..]);
        }
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

    /// <summary>Saves the changes and what the features' save participants add (the audit trail's entries) in one transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        Common.Versioning.Stamp(ChangeTracker, expectation);
        var now = _clock.GetUtcNow().UtcDateTime;
        var work = ModuleCatalog.All.Where(m => m.SaveParticipant is not null)
            .Select(m => (Work: m.SaveParticipant!.Prepare(this, now), m.SaveParticipant.Phase)).Where(w => w.Work is not null)
            .OrderBy(w => w.Phase).ToList(); // stable: within a phase, the modules' order
        if (work.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // Changes not accepted after a save would be written twice: then everything runs before the one save.
        var late = acceptAllChangesOnSuccess ? work.Where(w => w.Phase != SavePhase.BeforeSave).ToList() : [];
        var saved = 0;
        await this.InTransactionAsync(async () =>
        {
            foreach (var (step, _) in work.Except(late))
                await step!(cancellationToken);
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            // Work that holds a lock other writers need comes after the business rows: the lock lasts its statements and the commit.
            if (late.Count > 0)
            {
                foreach (var (step, _) in late)
                    await step!(cancellationToken);
                saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
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
