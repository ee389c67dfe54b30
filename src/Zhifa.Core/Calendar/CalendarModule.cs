using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Zhifa.Core.Calendar;

/// <summary>
/// The statutory calendar: the yearly holiday schedules (shipped for the years whose notices are published, edited by
/// administrators) and the one service every deadline is computed with (<see cref="IStatutoryCalendarSource"/>).
/// Comes early: every later feature counts its deadlines with it.
/// </summary>
public sealed class CalendarModule : FeatureModule
{
    public override int Order => 5;

    public override IReadOnlyList<PermissionDefinition> Permissions =>
    [
        PermissionDefinition.Of(CalendarPermissions.Read, Stereotypes.All.ToArray()),
        PermissionDefinition.Of(CalendarPermissions.Manage, Stereotypes.Administrator),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new CalendarCacheOptions();
        configuration.GetSection(CalendarCacheOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<StatutoryCalendarCache>();
        services.AddScoped<StatutoryCalendarSource>();
        services.AddScoped<IStatutoryCalendarSource>(sp => sp.GetRequiredService<StatutoryCalendarSource>());
    }

    /// <summary>Puts each shipped year (<see cref="OfficialSchedules"/>) into a database that does not have it yet; an edited year is never touched.</summary>
    public override Task AfterMigrationAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<EnsureShippedSchedules>().ExecuteAsync(ct);
}

/// <summary>The calendar's permission codes.</summary>
public static class CalendarPermissions
{
    /// <summary>Reading the schedules and computing due dates: everyone who works with deadlines.</summary>
    public const string Read = "calendar.read";

    /// <summary>Entering and correcting a year's schedule from the State Council's notice.</summary>
    public const string Manage = "calendar.manage";
}

/// <summary>The calendar's sets of the database.</summary>
public static class CalendarSets
{
    extension(ZhifaDbContext db)
    {
        public DbSet<HolidaySchedule> HolidaySchedules => db.Set<HolidaySchedule>();
        public DbSet<ScheduleDay> ScheduleDays => db.Set<ScheduleDay>();
        public DbSet<ScheduleRevision> ScheduleRevisions => db.Set<ScheduleRevision>();
    }
}

/// <summary>Adds the shipped years a database lacks (at start-up, after the migrations), each with its revision.</summary>
public sealed class EnsureShippedSchedules(ZhifaDbContext db, TimeProvider clock, StatutoryCalendarCache cache)
{
    public async Task ExecuteAsync(CancellationToken ct = default)
    {
        var present = await db.HolidaySchedules.Select(s => s.Year).ToListAsync(ct);
        var missing = OfficialSchedules.Published.Where(p => !present.Contains(p.Year)).ToList();
        if (missing.Count == 0)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var p in missing)
        {
            var schedule = new HolidaySchedule(p.Year, p.Notice, p.PublishedOn, now);
            var changes = schedule.Replace(p.Notice, p.PublishedOn, p.Spans, now);
            db.HolidaySchedules.Add(schedule);
            db.ScheduleRevisions.Add(new ScheduleRevision(p.Year, now, db.Actor.UserId, db.Actor.ActorName, p.Notice, changes));
        }
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
    }
}
