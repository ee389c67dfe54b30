using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhifa.Core.Organizations;

/// <summary>One table for the whole tree (table per hierarchy), discriminated by <see cref="Organization.Kind"/>.</summary>
internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public const int PathMaxLength = 1000;

    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("Organizations");
        builder.HasKey(o => o.Id);
        builder.HasDiscriminator(o => o.Kind)
            .HasValue<Region>(OrganizationKind.Region)
            .HasValue<EnforcementBody>(OrganizationKind.Body)
            .HasValue<OrgUnit>(OrganizationKind.Unit);
        builder.Property(o => o.Kind).HasMaxLength(20);
        builder.Property(o => o.Name).HasMaxLength(Organization.MaxNameLength).IsRequired();

        builder.Property(o => o.Path).HasMaxLength(PathMaxLength).IsRequired();
        builder.HasIndex(o => o.Path).IsUnique();
        builder.Property(o => o.RegionPath).HasMaxLength(PathMaxLength).IsRequired();
        builder.HasIndex(o => o.RegionPath);
        builder.HasIndex(o => o.AgencyId);

        builder.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.ParentId);
        builder.HasIndex(o => o.Name);
        // Two active siblings with one name would be indistinguishable in every picker (SiblingNames): the database decides a race.
        builder.HasIndex(o => new { o.ParentId, o.Name }).IsUnique().HasFilter("\"IsActive\"").HasDatabaseName("UX_Organizations_ActiveSiblingName");
    }
}

internal static class OrganizationPathCollation
{
    /// <summary>
    /// The prefix query must use the path index: byte-order collation on PostgreSQL; on SQLite,
    /// LIKE uses an index only on a NOCASE column (paths are lower-case hex, so nothing is lost).
    /// </summary>
    public static void Apply(ModelBuilder modelBuilder, bool isPostgres)
    {
        var collation = isPostgres ? "C" : "NOCASE";
        modelBuilder.Entity<Organization>().Property(o => o.Path).UseCollation(collation);
        modelBuilder.Entity<Organization>().Property(o => o.RegionPath).UseCollation(collation);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(12).IsRequired();
        builder.HasIndex(r => r.Code).IsUnique();
        builder.HasOne<EnforcementBody>().WithMany().HasForeignKey(r => r.SupervisingBodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnforcementBodyConfiguration : IEntityTypeConfiguration<EnforcementBody>
{
    public void Configure(EntityTypeBuilder<EnforcementBody> builder)
    {
        builder.Property(b => b.CreditCode).HasMaxLength(18).IsRequired();
        builder.HasIndex(b => b.CreditCode).IsUnique();
        builder.Property(b => b.EstablishmentBasis).HasMaxLength(EnforcementBody.MaxEstablishmentBasisLength);
        builder.HasOne<Region>().WithMany().HasForeignKey(b => b.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.RegionId);
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder) => builder.Property(u => u.Duties).HasMaxLength(OrgUnit.MaxDutiesLength);
}
