using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Discretion;

internal sealed class DiscretionBenchmarkConfiguration : IEntityTypeConfiguration<DiscretionBenchmark>
{
    public void Configure(EntityTypeBuilder<DiscretionBenchmark> builder)
    {
        builder.ToTable("DiscretionBenchmarks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.ItemCode).HasMaxLength(CatalogueItem.MaxCodeLength).IsRequired();
        builder.Property(b => b.ItemName).HasMaxLength(ItemContent.MaxNameLength).IsRequired();
        builder.Property(b => b.Title).HasMaxLength(DiscretionBenchmark.MaxTitleLength).IsRequired();
        builder.Property(b => b.ReviewComments).HasMaxLength(1000);
        builder.HasOne<CatalogueItem>().WithMany().HasForeignKey(b => b.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CatalogueItemVersion>().WithMany().HasForeignKey(b => b.ItemVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EnforcementBody>().WithMany().HasForeignKey(b => b.IssuingBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DiscretionBenchmark>().WithMany().HasForeignKey(b => b.UpperBenchmarkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.ItemVersionId);
        builder.HasIndex(b => b.IssuingBodyId);
        builder.HasIndex(b => b.Status);
        // One benchmark in the making per item version and body (BenchmarkAccess.DraftExistsAsync), enforced by the database.
        builder.HasIndex(b => new { b.ItemVersionId, b.IssuingBodyId }).IsUnique().HasFilter("\"Status\" <> 'Published'")
            .HasDatabaseName("UX_DiscretionBenchmarks_OpenPerBody");

        builder.Property(b => b.StatutoryRange).IsJson();
        builder.Property(b => b.StatutoryKinds).HasField("_statutoryKinds").UsePropertyAccessMode(PropertyAccessMode.Field).IsJson().IsRequired();
        builder.Property(b => b.Tiers).HasField("_tiers").UsePropertyAccessMode(PropertyAccessMode.Field).IsJson().IsRequired();
        builder.Property(b => b.Exemption).IsJson();
    }
}

internal sealed class ListCurationConfiguration : IEntityTypeConfiguration<ListCuration>
{
    public void Configure(EntityTypeBuilder<ListCuration> builder)
    {
        builder.ToTable("ListCurations");
        builder.HasKey(c => c.Id);
        builder.HasOne<EnforcementBody>().WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DiscretionBenchmark>().WithMany().HasForeignKey(c => c.BenchmarkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.BodyId, c.List, c.BenchmarkId, c.Tier }).IsUnique();
        builder.Property(c => c.Annotation).HasMaxLength(ListCuration.MaxAnnotationLength);
    }
}

internal sealed class ListPublicationConfiguration : IEntityTypeConfiguration<ListPublication>
{
    public void Configure(EntityTypeBuilder<ListPublication> builder)
    {
        builder.ToTable("ListPublications");
        builder.HasKey(p => p.Id);
        builder.HasOne<EnforcementBody>().WithMany().HasForeignKey(p => p.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.BodyId, p.List, p.Edition }).IsUnique();
        builder.Property(p => p.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field).IsJson().IsRequired();
    }
}
