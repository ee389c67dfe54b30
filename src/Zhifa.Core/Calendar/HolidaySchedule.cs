using Zhifa.Core.Common;

namespace Zhifa.Core.Calendar;

/// <summary>
/// One year's official schedule as stored: the notice it comes from and its listed days (<see cref="ScheduleDay"/>).
/// A year without a row has no schedule; its working days are Monday to Friday and every count reaching it is provisional.
/// </summary>
public sealed class HolidaySchedule : IVersioned, IEntityWithId
{
    public const int MaxNoticeLength = 100;
    public const int MaxNameLength = 50;

    private readonly List<ScheduleDay> _days = [];

    private HolidaySchedule()
    {
        Notice = "";
    }

    internal HolidaySchedule(int year, string notice, DateOnly? publishedOn, DateTime now)
    {
        Id = IdOf(year);
        Year = year;
        Notice = notice;
        PublishedOn = publishedOn;
        UpdatedAt = now;
    }

    /// <summary>One id per year, the same in every database.</summary>
    public static Guid IdOf(int year) => DeterministicGuid.From("calendar-year:" + year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Guid Id { get; private set; }
    public int Year { get; private set; }

    /// <summary>The notice's document number, e.g. 国办发明电〔2025〕7号.</summary>
    public string Notice { get; private set; }

    public DateOnly? PublishedOn { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>The concurrency token: raised by every saved change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ScheduleDay> Days => _days;

    /// <summary>
    /// Takes the schedule as given (spans already checked by <see cref="SaveCalendarYear"/>); returns what changed, day by
    /// day — empty when the schedule already was this one.
    /// </summary>
    internal IReadOnlyList<ScheduleChange> Replace(string notice, DateOnly? publishedOn, IEnumerable<ScheduleSpan> spans, DateTime now)
    {
        var wanted = spans.SelectMany(s => s.Days().Select(d => (Day: d, s.Kind, s.Name))).ToDictionary(x => x.Day);
        var changes = new List<ScheduleChange>();
        foreach (var day in _days.ToList())
        {
            if (!wanted.TryGetValue(day.Date, out var w))
            {
                _days.Remove(day);
                changes.Add(new ScheduleChange(day.Date, day.Kind, day.Name, ScheduleChangeKind.Removed));
            }
            else if (w.Kind != day.Kind || w.Name != day.Name)
            {
                day.Change(w.Kind, w.Name);
                changes.Add(new ScheduleChange(day.Date, w.Kind, w.Name, ScheduleChangeKind.Changed));
            }
        }
        var existing = _days.Select(d => d.Date).ToHashSet();
        foreach (var w in wanted.Values.Where(w => !existing.Contains(w.Day)))
        {
            _days.Add(new ScheduleDay(Id, w.Day, w.Kind, w.Name));
            changes.Add(new ScheduleChange(w.Day, w.Kind, w.Name, ScheduleChangeKind.Added));
        }
        if (changes.Count > 0 || notice != Notice || publishedOn != PublishedOn)
        {
            Notice = notice;
            PublishedOn = publishedOn;
            UpdatedAt = now;
        }
        return [.. changes.OrderBy(c => c.Date)];
    }

    /// <summary>The days as the notice lists them: runs of consecutive days of one kind and name.</summary>
    public IReadOnlyList<ScheduleSpan> Spans() => ScheduleSpans.Of(_days.Select(d => (d.Date, d.Kind, d.Name)));

    public CalendarYear ToCalendarYear() => CalendarYear.Of(Year,
        _days.Where(d => d.Kind == ScheduleDayKind.Holiday).Select(d => d.Date),
        _days.Where(d => d.Kind == ScheduleDayKind.MakeUpWorkingDay).Select(d => d.Date));
}

/// <summary>A listed day of a year's schedule; a date is listed once in the whole database.</summary>
public sealed class ScheduleDay : IEntityWithId
{
    private ScheduleDay()
    {
        Name = "";
    }

    internal ScheduleDay(Guid scheduleId, DateOnly date, ScheduleDayKind kind, string name)
    {
        Id = Guid.CreateVersion7();
        ScheduleId = scheduleId;
        Date = date;
        Kind = kind;
        Name = name;
    }

    public Guid Id { get; private set; }
    public Guid ScheduleId { get; private set; }
    public DateOnly Date { get; private set; }
    public ScheduleDayKind Kind { get; private set; }

    /// <summary>The holiday (春节), or the holiday a make-up day is worked for.</summary>
    public string Name { get; private set; }

    internal void Change(ScheduleDayKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }
}

/// <summary>
/// A saved change of a year's schedule: who, when, from which notice, and each day added, changed or removed. The
/// calendar page shows them (the audit trail keeps the same facts, scoped to no organisation).
/// </summary>
public sealed class ScheduleRevision : IEntityWithId
{
    private ScheduleRevision()
    {
        UserName = "";
        Notice = "";
        Changes = [];
    }

    internal ScheduleRevision(int year, DateTime at, Guid? userId, string userName, string notice, IReadOnlyList<ScheduleChange> changes)
    {
        Id = Guid.CreateVersion7();
        Year = year;
        At = at;
        UserId = userId;
        UserName = userName;
        Notice = notice;
        Changes = [.. changes];
    }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public DateTime At { get; private set; }
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; }
    public string Notice { get; private set; }
    public List<ScheduleChange> Changes { get; private set; }
}

public enum ScheduleChangeKind
{
    Added,
    Changed,
    Removed,
}

/// <summary>One day of a revision: what it is (after the change; before it for a removal) and what happened to it.</summary>
public sealed record ScheduleChange(DateOnly Date, ScheduleDayKind Kind, string Name, ScheduleChangeKind Change);

/// <summary>Listed days grouped back into the spans of a notice.</summary>
public static class ScheduleSpans
{
    public static IReadOnlyList<ScheduleSpan> Of(IEnumerable<(DateOnly Date, ScheduleDayKind Kind, string Name)> days)
    {
        var spans = new List<ScheduleSpan>();
        foreach (var (date, kind, name) in days.OrderBy(d => d.Date))
        {
            if (spans.Count > 0 && spans[^1] is var last && last.Kind == kind && last.Name == name && last.To.AddDays(1) == date)
                spans[^1] = last with { To = date };
            else
                spans.Add(new ScheduleSpan(date, date, kind, name));
        }
        return spans;
    }
}
