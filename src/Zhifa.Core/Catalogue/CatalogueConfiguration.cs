using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Catalogue;

internal sealed class CatalogueItemConfiguration : IEntityTypeConfiguration<CatalogueItem>
{
    public void Configure(EntityTypeBuilder<CatalogueItem> builder)
    {
        builder.ToTable("CatalogueItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Code).HasMaxLength(CatalogueItem.MaxCodeLength).IsRequired();
        builder.HasIndex(i => i.Code).IsUnique();
        builder.HasOne<EnforcementBody>().WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.OwnerId);
        builder.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(i => i.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(i => i.Evaluations).HasField("_evaluations").UsePropertyAccessMode(PropertyAccessMode.Field).IsJson().IsRequired();

        builder.Ignore(i => i.Working);
        builder.Ignore(i => i.Published);
        builder.Ignore(i => i.IsAbolished);
        builder.Ignore(i => i.FirstEffectiveFrom);
    }
}

internal sealed class CatalogueItemVersionConfiguration : IEntityTypeConfiguration<CatalogueItemVersion>
{
    public void Configure(EntityTypeBuilder<CatalogueItemVersion> builder)
    {
        builder.ToTable("CatalogueItemVersions");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.ItemId, v.VersionNumber }).IsUnique();
        builder.HasIndex(v => v.OwnerId);
        builder.HasIndex(v => v.State);
        builder.Property(v => v.Name).HasMaxLength(ItemContent.MaxNameLength).IsRequired();
        builder.HasIndex(v => v.Name);
        builder.Property(v => v.Bases).HasField("_bases").UsePropertyAccessMode(PropertyAccessMode.Field).IsJson().IsRequired();
        // A list of ids, not of records: a primitive collection, so that "items a body implements" is a query.
        builder.PrimitiveCollection(v => v.BodyIds).HasField("_bodyIds").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();
        builder.Property(v => v.Delegation).IsJson();
        builder.Property(v => v.ReviewComments).HasMaxLength(1000);

        builder.Ignore(v => v.DelegatedToTownship);
        builder.Ignore(v => v.IsEditable);
        builder.Ignore(v => v.WasPublished);
        builder.Ignore(v => v.Content);
    }
}
