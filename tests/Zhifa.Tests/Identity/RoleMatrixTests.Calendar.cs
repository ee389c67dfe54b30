using Zhifa.Core.Calendar;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Identity;

/// <summary>The statutory calendar's rows of the role matrix: everyone reads it, only the administrator edits it. It has no scope.</summary>
public abstract partial class RoleMatrixTests
{
    /// <summary>A year no other test uses: the matrix's edits change no deadline anyone counts.</summary>
    private static readonly SaveCalendarYearRequest MatrixYear =
        new("国办发明电〔2098〕1号", new DateOnly(2098, 11, 1), [new ScheduleSpanRequest(new DateOnly(2099, 1, 1), new DateOnly(2099, 1, 1), ScheduleDayKind.Holiday, "元旦")]);

    internal static readonly string CalendarExpected = """
        endpoint                          officer  legal_reviewer  agency_head  supervisor  administrator
        GET    /api/v1/calendar           200/-    200/-           200/-        200/-       200/-
        GET    /api/v1/calendar/due       200/-    200/-           200/-        200/-       200/-
        GET    /api/v1/calendar/{year:int}  200/-  200/-           200/-        200/-       200/-
        PUT    /api/v1/calendar/{year:int}  403/-  403/-           403/-        403/-       200/-
        """;

    private static readonly Case[] CalendarCases =
    [
        new("GET /api/v1/calendar", c => c.Client.GetAsync("/api/v1/calendar"), null,
            async (r, _) => (await r.Content.ReadAsStringAsync()).Contains("国办发明电〔2025〕7号", StringComparison.Ordinal) ? null : "the shipped 2026 is missing"),
        new("GET /api/v1/calendar/due", c => c.Client.GetAsync("/api/v1/calendar/due?from=2026-02-13&count=5&unit=workingDays"), null,
            async (r, _) => (await r.Content.ReadAsStringAsync()).Contains("\"2026-02-27\"", StringComparison.Ordinal) ? null : "not the due date across the Spring Festival"),
        new("GET /api/v1/calendar/{year:int}", c => c.Client.GetAsync("/api/v1/calendar/2026"), null,
            async (r, _) => (await r.Content.ReadAsStringAsync()).Contains("春节", StringComparison.Ordinal) ? null : "2026 lacks the Spring Festival"),
        new("PUT /api/v1/calendar/{year:int}", c => c.Client.PutJsonAsync("/api/v1/calendar/2099", MatrixYear), null,
            async (r, _) => (await r.Content.ReadAsStringAsync()).Contains("\"2099-01-01\"", StringComparison.Ordinal) ? null : "the saved year is not answered"),
    ];
}
