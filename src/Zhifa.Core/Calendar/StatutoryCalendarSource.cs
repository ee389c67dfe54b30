using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Zhifa.Core.Calendar;

/// <summary>
/// The statutory calendar in force: what every feature computes its deadlines with (DESIGN.md "Time"). Cheap to ask on
/// every request: the schedules are held in memory (see <see cref="StatutoryCalendarCache"/>).
/// </summary>
public interface IStatutoryCalendarSource
{
    Task<StatutoryCalendar> GetAsync(CancellationToken ct);
}

/// <summary>
/// Told when an administrator saves a year's schedule, inside the same unit of work, before its one save: a feature
/// recomputes what it counted on that year (the cases recompute their provisional deadlines). Asked from the same
/// scope, <see cref="IStatutoryCalendarSource"/> already answers with the saved schedule. Throwing aborts the save.
/// </summary>
public interface ICalendarChanged
{
    Task CalendarChangedAsync(int year, CancellationToken ct);
}

/// <summary>How often a node checks whether another node changed the schedules (<c>Zhifa:Calendar:StampCheckSeconds</c>).</summary>
public sealed class CalendarCacheOptions
{
    public const string Section = "Zhifa:Calendar";

    public int StampCheckSeconds { get; set; } = 30;
}

/// <summary>
/// The schedules of this node, in memory. A save on this node invalidates them at once (<see cref="Invalidate"/>). A save
/// on another node is seen at the latest <see cref="CalendarCacheOptions.StampCheckSeconds"/> later: after that long,
/// the next request asks the database for the schedules' stamp — the sum over the year rows of (version + 1), one
/// aggregate over a handful of rows, which grows with every create and every edit (versions only go up, years are never
/// deleted) — and reloads the schedules only when it moved. So a province's thousands of requests share one small query
/// per node every 30 seconds, and one reload per edit.
/// </summary>
public sealed class StatutoryCalendarCache(IServiceScopeFactory scopes, TimeProvider clock, CalendarCacheOptions options)
{
    private sealed record Snapshot(StatutoryCalendar Calendar, long Stamp, long CheckedAt);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _current;

    /// <summary>Forgets what is held: the next request reloads (after a save on this node).</summary>
    public void Invalidate() => _current = null;

    public async Task<StatutoryCalendar> GetAsync(CancellationToken ct)
    {
        if (_current is { } fresh && !Due(fresh))
            return fresh.Calendar;
        await _refresh.WaitAsync(ct);
        try
        {
            var snapshot = _current;
            if (snapshot is not null && !Due(snapshot))
                return snapshot.Calendar;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
            var stamp = await StampAsync(db, ct);
            if (snapshot is not null && snapshot.Stamp == stamp)
            {
                _current = snapshot with { CheckedAt = clock.GetTimestamp() };
                return snapshot.Calendar;
            }
            var calendar = await LoadAsync(db, ct);
            _current = new Snapshot(calendar, stamp, clock.GetTimestamp());
            return calendar;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private bool Due(Snapshot s) => clock.GetElapsedTime(s.CheckedAt) >= TimeSpan.FromSeconds(options.StampCheckSeconds);

    private static async Task<long> StampAsync(ZhifaDbContext db, CancellationToken ct) =>
        await db.HolidaySchedules.SumAsync(s => (long)s.Version + 1, ct);

    /// <summary>Every stored year's schedule (two queries).</summary>
    internal static async Task<StatutoryCalendar> LoadAsync(ZhifaDbContext db, CancellationToken ct)
    {
        var years = await db.HolidaySchedules.AsNoTracking().Select(s => new { s.Id, s.Year }).ToListAsync(ct);
        var days = await db.ScheduleDays.AsNoTracking().Select(d => new { d.ScheduleId, d.Date, d.Kind }).ToListAsync(ct);
        var byYear = days.ToLookup(d => d.ScheduleId);
        return new StatutoryCalendar(years.Select(y => CalendarYear.Of(y.Year,
            byYear[y.Id].Where(d => d.Kind == ScheduleDayKind.Holiday).Select(d => d.Date),
            byYear[y.Id].Where(d => d.Kind == ScheduleDayKind.MakeUpWorkingDay).Select(d => d.Date))));
    }
}

/// <summary>
/// The calendar for one scope (a request): the node's cached one, or — inside a save of a schedule — the calendar with
/// the schedule being saved, so that <see cref="ICalendarChanged"/> implementations count with what is about to be stored.
/// </summary>
public sealed class StatutoryCalendarSource(StatutoryCalendarCache cache) : IStatutoryCalendarSource
{
    private StatutoryCalendar? _pending;

    public Task<StatutoryCalendar> GetAsync(CancellationToken ct) => _pending is { } p ? Task.FromResult(p) : cache.GetAsync(ct);

    /// <summary>From now on in this scope, the calendar being saved.</summary>
    internal void UsePending(StatutoryCalendar calendar) => _pending = calendar;
}
