using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Personnel;

internal sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.FullName).HasMaxLength(Officer.MaxNameLength).IsRequired();
        builder.Property(o => o.IdNumberHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(o => o.IdNumberHash).IsUnique();
        builder.Property(o => o.IdNumberProtected).HasMaxLength(1000).IsRequired();
        builder.Property(o => o.IdNumberMasked).HasMaxLength(18).IsRequired();
        builder.Property(o => o.Post).HasMaxLength(Officer.MaxPostLength);
        builder.PrimitiveCollection(o => o.Fields).HasField("_fields").UsePropertyAccessMode(PropertyAccessMode.Field)
            .ElementType().HasConversion<string>();
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.BodyId);
        builder.HasIndex(o => o.FullName);
        builder.HasMany(o => o.EmploymentHistory).WithOne().HasForeignKey("OfficerId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.EmploymentHistory).HasField("_employmentHistory").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class EmploymentChangeConfiguration : IEntityTypeConfiguration<EmploymentChange>
{
    public void Configure(EntityTypeBuilder<EmploymentChange> builder)
    {
        builder.ToTable("EmploymentChanges");
        builder.HasKey(c => c.Id);
        // Ids are set by the domain: a new entry found in the officer's history is an insert, not an update.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.HasIndex("OfficerId", nameof(EmploymentChange.Sequence)).IsUnique();
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(Certificate.MaxNumberLength).IsRequired();
        builder.HasIndex(c => new { c.RegionId, c.Number }).IsUnique();
        builder.HasIndex(c => c.Number);
        builder.HasIndex(c => c.OfficerId);
        builder.HasIndex(c => c.BodyId);
        builder.PrimitiveCollection(c => c.Fields).HasField("_fields").UsePropertyAccessMode(PropertyAccessMode.Field)
            .ElementType().HasConversion<string>();
        builder.HasOne<Officer>().WithMany().HasForeignKey(c => c.OfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.History).WithOne().HasForeignKey("CertificateId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class CertificateEventConfiguration : IEntityTypeConfiguration<CertificateEvent>
{
    public void Configure(EntityTypeBuilder<CertificateEvent> builder)
    {
        builder.ToTable("CertificateEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.RuleId).HasMaxLength(20);
        // One event per place in a certificate's history: two runs of the expiry job cannot both record an expiry.
        builder.HasIndex("CertificateId", nameof(CertificateEvent.Sequence)).IsUnique();
    }
}

internal sealed class ExamSessionConfiguration : IEntityTypeConfiguration<ExamSession>
{
    public void Configure(EntityTypeBuilder<ExamSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(ExamSession.MaxNameLength).IsRequired();
        builder.Property(s => s.PassMark).HasPrecision(6, 2);
        builder.Property(s => s.FullScore).HasPrecision(6, 2);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExamResultConfiguration : IEntityTypeConfiguration<ExamResult>
{
    public void Configure(EntityTypeBuilder<ExamResult> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Score).HasPrecision(6, 2);
        builder.HasIndex(r => new { r.SessionId, r.OfficerId }).IsUnique();
        builder.HasIndex(r => r.OfficerId);
        builder.HasOne<ExamSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Officer>().WithMany().HasForeignKey(r => r.OfficerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingCourseConfiguration : IEntityTypeConfiguration<TrainingCourse>
{
    public void Configure(EntityTypeBuilder<TrainingCourse> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(TrainingCourse.MaxNameLength).IsRequired();
        builder.Property(c => c.Hours).HasPrecision(6, 1);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Hours).HasPrecision(6, 1);
        builder.HasOne<TrainingCourse>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.EndsOn);
    }
}

internal sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Hours).HasPrecision(6, 1);
        builder.HasIndex(a => new { a.SessionId, a.OfficerId }).IsUnique();
        builder.HasIndex(a => a.OfficerId);
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Officer>().WithMany().HasForeignKey(a => a.OfficerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnnualAssessmentConfiguration : IEntityTypeConfiguration<AnnualAssessment>
{
    public void Configure(EntityTypeBuilder<AnnualAssessment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Remarks).HasMaxLength(Text.MaxReasonLength);
        builder.HasIndex(a => new { a.OfficerId, a.Year }).IsUnique();
        builder.HasOne<Officer>().WithMany().HasForeignKey(a => a.OfficerId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>One region's personnel settings, stored as JSON; regions without a row use their nearest ancestor's, else the defaults.</summary>
public sealed class RegionPersonnelSettings : Zhifa.Core.Common.IVersioned
{
    /// <summary>The concurrency token: raised by every saved change (<see cref="Zhifa.Core.Common.IVersioned"/>).</summary>
    public int Version { get; private set; }

    private RegionPersonnelSettings()
    {
        Settings = PersonnelSettings.Default;
    }

    internal RegionPersonnelSettings(Guid regionId, PersonnelSettings settings, DateTime now)
    {
        RegionId = regionId;
        Settings = settings;
        UpdatedAt = now;
    }

    public Guid RegionId { get; private set; }
    public PersonnelSettings Settings { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    internal void Change(PersonnelSettings settings, DateTime now)
    {
        Settings = settings;
        UpdatedAt = now;
    }
}

internal sealed class RegionPersonnelSettingsConfiguration : IEntityTypeConfiguration<RegionPersonnelSettings>
{
    private static readonly JsonSerializerOptions Json = new();

    public void Configure(EntityTypeBuilder<RegionPersonnelSettings> builder)
    {
        builder.HasKey(s => s.RegionId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Settings).HasConversion(
                s => JsonSerializer.Serialize(s, Json),
                s => JsonSerializer.Deserialize<PersonnelSettings>(s, Json) ?? PersonnelSettings.Default,
                new ValueComparer<PersonnelSettings>((a, b) => a == b, s => s.GetHashCode(), s => s))
            .IsRequired();
    }
}
