using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhifa.Core.Calendar;

internal sealed class HolidayScheduleConfiguration : IEntityTypeConfiguration<HolidaySchedule>
{
    public void Configure(EntityTypeBuilder<HolidaySchedule> builder)
    {
        builder.ToTable("HolidaySchedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => s.Year).IsUnique();
        builder.Property(s => s.Notice).HasMaxLength(HolidaySchedule.MaxNoticeLength).IsRequired();
        builder.HasMany(s => s.Days).WithOne().HasForeignKey(d => d.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Days).HasField("_days").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ScheduleDayConfiguration : IEntityTypeConfiguration<ScheduleDay>
{
    public void Configure(EntityTypeBuilder<ScheduleDay> builder)
    {
        builder.ToTable("HolidayScheduleDays");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        // A date is a holiday or a make-up day once, in one year: never both, never twice.
        builder.HasIndex(d => d.Date).IsUnique();
        builder.HasIndex(d => d.ScheduleId);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Name).HasMaxLength(HolidaySchedule.MaxNameLength).IsRequired();
    }
}

internal sealed class ScheduleRevisionConfiguration : IEntityTypeConfiguration<ScheduleRevision>
{
    public void Configure(EntityTypeBuilder<ScheduleRevision> builder)
    {
        builder.ToTable("HolidayScheduleRevisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.Year, r.At });
        builder.Property(r => r.UserName).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Notice).HasMaxLength(HolidaySchedule.MaxNoticeLength).IsRequired();
        builder.Property(r => r.Changes).IsJson();
    }
}
