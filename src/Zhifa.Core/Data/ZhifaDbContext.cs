using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Data;

/// <summary>The one database of Zhifa. Each feature plugs its entities in with <see cref="IEntityTypeConfiguration{TEntity}"/> classes in its own folder.</summary>
public class ZhifaDbContext(DbContextOptions<ZhifaDbContext> options) : DbContext(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<EnforcementBody> Bodies => Set<EnforcementBody>();
    public DbSet<OrgUnit> Units => Set<OrgUnit>();

    public bool IsPostgres => Database.ProviderName == DatabaseProviders.NpgsqlProviderName;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ZhifaDbContext).Assembly, t => t.Namespace?.StartsWith("Zhifa.Core", StringComparison.Ordinal) == true);
        OrganizationPathCollation.Apply(modelBuilder, IsPostgres);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Storage is UTC everywhere; values read back are marked UTC so nothing downstream guesses.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}
