using Zhifa.Core.Calendar;
using Zhifa.Core.Common;

namespace Zhifa.Web.Calendar;

/// <summary>REST API of the statutory calendar: the years, a year's schedule (edited by administrators), the due-date calculator.</summary>
public static class CalendarEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/calendar").WithTags("Calendar");

        g.MapGet("/", async (CalendarQueries q, CancellationToken ct) => TypedResults.Ok(await q.YearsAsync(ct)))
            .WithName("ListCalendarYears").RequirePermission(CalendarPermissions.Read)
            .WithSummary("The years with a schedule, and last, this and next year even without one (hasSchedule false: working days there are provisional, Monday to Friday).");

        g.MapGet("/due", async (string? from, string? count, string? unit, CalendarQueries q, HttpContext http, CancellationToken ct) =>
                (await q.DueAsync(from, count, unit, ct)).ToResult(http))
            .WithName("ComputeDueDate").RequirePermission(CalendarPermissions.Read)
            .WithSummary("The due date of a period after an event (the event's day not counted): workingDays, calendarDays or months; provisional when the count reaches a year without a schedule.")
            .Produces<DueDateDto>().ProducesValidationProblem();

        g.MapGet("/{year:int}", async (int year, CalendarQueries q, HttpContext http, CancellationToken ct) => (await q.YearAsync(year, ct)).ToResult(http))
            .WithName("GetCalendarYear").RequirePermission(CalendarPermissions.Read)
            .WithSummary("A year's schedule (holidays and make-up working days as the notice lists them), its version and its history.")
            .Produces<CalendarYearDto>().ProducesProblem(404);

        g.MapPut("/{year:int}", async (int year, SaveCalendarYearRequest body, SaveCalendarYear uc, CalendarQueries q, HttpContext http, CancellationToken ct) =>
            {
                // The version read: If-Match, else the body's (the shared concurrency filter only knows records keyed by a Guid).
                var request = http.Request.Headers.IfMatch.Count > 0 ? body with { Version = Versioning.Parse(http.Request.Headers.IfMatch.ToString()) } : body;
                var saved = await uc.ExecuteAsync(year, request, ct);
                return saved.IsSuccess ? (await q.YearAsync(saved.Value, ct)).ToResult(http) : saved.Error.ToProblem(http);
            })
            .WithName("SaveCalendarYear").RequirePermission(CalendarPermissions.Manage)
            .WithSummary("Enter or correct a year's schedule from the State Council's notice; replaces the stored one whole. Features recompute what they counted on that year.")
            .Produces<CalendarYearDto>().ProducesValidationProblem().ProducesProblem(409);
    }
}
