using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Parties;

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Party.MaxNameLength).IsRequired();
        builder.HasIndex(p => p.Name);
        // Uniqueness lives in the database: a race of two registrations of one code or one person ends in one record.
        builder.Property(p => p.CreditCode).HasMaxLength(PartyCreditCode.Length);
        builder.HasIndex(p => p.CreditCode).IsUnique();
        builder.Property(p => p.LegalRepresentative).HasMaxLength(Party.MaxPersonLength);
        builder.Property(p => p.Address).HasMaxLength(Party.MaxAddressLength);
        builder.Property(p => p.Phone).HasMaxLength(Party.MaxPhoneLength);
        builder.Property(p => p.Industry).HasMaxLength(2);
        builder.Property(p => p.CreditGrade).HasMaxLength(2);
        builder.Property(p => p.RiskTags).HasMaxLength(Party.MaxRiskTagsLength);
        builder.Property(p => p.IdNumberHash).HasMaxLength(64);
        builder.HasIndex(p => p.IdNumberHash).IsUnique();
        builder.Property(p => p.IdNumberProtected).HasMaxLength(1000);
        builder.Property(p => p.IdNumberMasked).HasMaxLength(18);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.RegionPath).HasMaxLength(1000).IsRequired();
        builder.HasIndex(p => p.RegionPath);
        builder.HasIndex(p => new { p.Kind, p.Name });
        builder.Ignore(p => p.IsPerson);
    }
}
