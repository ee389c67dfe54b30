namespace Zhifa.Core.Calendar;

/// <summary>The statutory calendar as configured now (the shipped schedules and the administrators' edits), cached.</summary>
public interface IStatutoryCalendarSource
{
    Task<StatutoryCalendar> GetAsync(CancellationToken ct);
}
