using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Identity;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.UserName).HasMaxLength(User.MaxUserNameLength).IsRequired();
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.Property(u => u.FullName).HasMaxLength(User.MaxFullNameLength).IsRequired();
        builder.Property(u => u.Phone).HasMaxLength(User.MaxPhoneLength);
        builder.Property(u => u.PasswordHash).HasMaxLength(200).IsRequired();
        builder.Property(u => u.SecurityStamp).HasMaxLength(40).IsRequired();
        builder.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(u => u.Assignments).WithOne().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.OrganizationId);
        // One account per officer; officers are never deleted, so the link is never left dangling.
        builder.HasOne<Personnel.Officer>().WithMany().HasForeignKey(u => u.OfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.OfficerId).IsUnique();
    }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Code).HasMaxLength(Role.MaxCodeLength).IsRequired();
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(Role.MaxNameLength).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(Role.MaxDescriptionLength);
        builder.PrimitiveCollection(r => r.Permissions);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne(a => a.Role).WithMany().HasForeignKey(a => a.RoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.PrimitiveCollection(a => a.CustomOrganizationIds);
        builder.HasIndex(a => new { a.UserId, a.RoleId, a.OrganizationId }).IsUnique();
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(ApiTokens.MaxNameLength).IsRequired();
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Prefix).HasMaxLength(12).IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LoginLogConfiguration : IEntityTypeConfiguration<LoginLogEntry>
{
    public void Configure(EntityTypeBuilder<LoginLogEntry> builder)
    {
        builder.ToTable("LoginLog");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.UserName).HasMaxLength(100).IsRequired();
        builder.Property(l => l.Address).HasMaxLength(64);
        builder.Property(l => l.UserAgent).HasMaxLength(300);
        builder.Property(l => l.Outcome).HasMaxLength(40).IsRequired();
        builder.Property(l => l.Channel).HasMaxLength(20).IsRequired();
        builder.HasIndex(l => new { l.UserName, l.At });
        builder.HasIndex(l => l.At);
    }
}
