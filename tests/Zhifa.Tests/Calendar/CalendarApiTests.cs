using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Calendar;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Calendar;

/// <summary>The statutory calendar over HTTP, on SQLite and on PostgreSQL: the shipped years, an administrator's edit, the hook.</summary>
public abstract class CalendarApiTests(ZhifaApp app)
{
    private readonly HttpClient _admin = app.ApiAs("admin");

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static ScheduleSpanRequest Off(DateOnly from, DateOnly to, string name) => new(from, to, ScheduleDayKind.Holiday, name);

    private async Task<DueDateDto> DueAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/calendar/due?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<DueDateDto>();
    }

    [Fact]
    public async Task TheShippedYears_ArePresent_WithTheirNotices()
    {
        var years = await _admin.GetFromJsonAsync<List<CalendarYearSummary>>("/api/v1/calendar", ZhifaApp.Json);
        var y2025 = Assert.Single(years!, y => y.Year == 2025);
        var y2026 = Assert.Single(years!, y => y.Year == 2026);
        Assert.True(y2025.HasSchedule);
        Assert.True(y2026.HasSchedule);
        Assert.Equal("国办发明电〔2025〕7号", y2026.Notice);
        // 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 days off; 6 make-up days.
        Assert.Equal(33, y2026.Holidays);
        Assert.Equal(6, y2026.MakeUpWorkingDays);

        var detail = await _admin.GetFromJsonAsync<CalendarYearDto>("/api/v1/calendar/2026", ZhifaApp.Json);
        Assert.Contains(new ScheduleSpan(D(2026, 2, 15), D(2026, 2, 23), ScheduleDayKind.Holiday, "春节"), detail!.Days);
        Assert.Contains(new ScheduleSpan(D(2026, 2, 28), D(2026, 2, 28), ScheduleDayKind.MakeUpWorkingDay, "春节"), detail.Days);
        var shipped = Assert.Single(detail.History);
        Assert.Null(shipped.UserId);
        Assert.Contains(shipped.Changes, c => c.Date == D(2026, 2, 14) && c.Kind == ScheduleDayKind.MakeUpWorkingDay && c.Change == ScheduleChangeKind.Added);
    }

    [Fact]
    [Trait("Rule", "XZCF-64")]
    public async Task TheDueDate_AcrossTheSpringFestival_CountsTheMakeUpSaturday()
    {
        var due = await DueAsync(app.ApiAs("yp.market.officer"), "from=2026-02-13&count=5&unit=workingDays");
        Assert.Equal(D(2026, 2, 27), due.Due);
        Assert.False(due.Provisional);
        // 15 calendar days from 2026-09-16 end on National Day: moved to 10-08.
        Assert.Equal(D(2026, 10, 8), (await DueAsync(_admin, "from=2026-09-16&count=15&unit=calendarDays")).Due);
    }

    [Fact]
    public async Task TheCalculator_NamesEveryWrongParameter()
    {
        var problem = await Problem.ReadAsync(await _admin.GetAsync("/api/v1/calendar/due?from=2026-13-01&count=x&unit=weeks"), HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.For("from"));
        Assert.NotEmpty(problem.For("count"));
        Assert.NotEmpty(problem.For("unit"));
    }

    [Fact]
    public async Task AnAdministratorEntering2027_MakesTheDueDateFinal_AndMovesItPastTheNewHoliday()
    {
        // No 2027 schedule: Tue 2026-12-29 + 5 working days counts Fri 2027-01-01 as a weekday → Tue 01-05, provisional.
        var before = await DueAsync(_admin, "from=2026-12-29&count=5&unit=workingDays");
        Assert.Equal(new DateOnly(2027, 1, 5), before.Due);
        Assert.True(before.Provisional);
        var empty = await _admin.GetFromJsonAsync<CalendarYearDto>("/api/v1/calendar/2027", ZhifaApp.Json);
        Assert.False(empty!.HasSchedule);

        // A test's own 2027 (not the official one): New Year's Day off.
        var response = await _admin.PutJsonAsync("/api/v1/calendar/2027",
            new SaveCalendarYearRequest("测试通知〔2026〕1号", D(2026, 11, 1), [Off(D(2027, 1, 1), D(2027, 1, 1), "元旦")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.ReadAsync<CalendarYearDto>();
        Assert.True(saved.HasSchedule);
        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);

        // 12-30 (1), 12-31 (2), 01-01 off, Mon 01-04 (3), Tue 01-05 (4), Wed 01-06 (5): later, and final.
        var after = await DueAsync(_admin, "from=2026-12-29&count=5&unit=workingDays");
        Assert.Equal(new DateOnly(2027, 1, 6), after.Due);
        Assert.False(after.Provisional);

        // Who changed what, when: on the page's history and in the audit trail.
        var revision = Assert.Single(saved.History);
        Assert.Equal("admin", revision.UserName);
        Assert.Equal([new ScheduleChange(D(2027, 1, 1), ScheduleDayKind.Holiday, "元旦", ScheduleChangeKind.Added)], revision.Changes);
        await using var scope = app.Scope(out var db);
        var id = HolidaySchedule.IdOf(2027).ToString();
        Assert.True(await db.Set<Zhifa.Core.Audit.AuditEntry>().AnyAsync(e => e.EntityId == id), "the new year is in the audit trail");
    }

    [Fact]
    public async Task AWrongSchedule_IsRefusedWithEveryWrongField_AndNothingChanges()
    {
        // 2028-01-01 is a Saturday; 02-01 a Tuesday, 02-07 a Monday.
        var response = await _admin.PutJsonAsync("/api/v1/calendar/2028", new SaveCalendarYearRequest("测试通知〔2027〕1号", null,
        [
            Off(D(2027, 12, 31), D(2028, 1, 1), "元旦"),                                             // 0: starts in 2027
            Off(D(2028, 2, 1), D(2028, 2, 1), "春节"),                                               // 1: fine
            Off(D(2028, 2, 1), D(2028, 2, 2), "春节"),                                               // 2: 02-01 twice
            new(D(2028, 2, 7), D(2028, 2, 7), ScheduleDayKind.MakeUpWorkingDay, "春节"),             // 3: a make-up Monday
            new(D(2028, 2, 1), D(2028, 2, 1), ScheduleDayKind.MakeUpWorkingDay, "春节"),             // 4: holiday and make-up
            Off(D(2028, 1, 1), D(2028, 1, 1), "元旦"),                                               // 5: a holiday on a Saturday is fine
            Off(D(2028, 3, 5), D(2028, 3, 3), "测试"),                                               // 6: reversed
        ]));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["days[0].from", "days[2]", "days[3].from", "days[4]", "days[4].from", "days[6].to"], problem.Errors!.Keys.Order(StringComparer.Ordinal));

        var year = await _admin.GetFromJsonAsync<CalendarYearDto>("/api/v1/calendar/2028", ZhifaApp.Json);
        Assert.False(year!.HasSchedule);
        Assert.Empty(year.History);
    }

    [Fact]
    public async Task OnlyAnAdministrator_EditsTheCalendar()
    {
        var body = new SaveCalendarYearRequest("测试通知〔2028〕1号", null, [Off(D(2029, 1, 1), D(2029, 1, 1), "元旦")]);
        foreach (var user in new[] { "yp.market.officer", "yp.supervisor", "yp.market.head" })
            Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs(user).PutJsonAsync("/api/v1/calendar/2029", body)).StatusCode);
        Assert.False((await _admin.GetFromJsonAsync<CalendarYearDto>("/api/v1/calendar/2029", ZhifaApp.Json))!.HasSchedule);
    }

    [Fact]
    public async Task AStaleVersion_IsRefused_AndARetriedKey_IsReplayed()
    {
        var first = new SaveCalendarYearRequest("测试通知〔2029〕1号", null, [Off(D(2030, 1, 1), D(2030, 1, 1), "元旦")]);
        Assert.Equal(HttpStatusCode.OK, (await _admin.PutJsonAsync("/api/v1/calendar/2030", first)).StatusCode);
        var second = first with { Days = [Off(D(2030, 1, 1), D(2030, 1, 2), "元旦")], Version = 0 };
        var moved = await _admin.PutJsonAsync("/api/v1/calendar/2030", second);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(1, (await moved.ReadAsync<CalendarYearDto>()).Version);

        // Someone who read version 0 saves after that: 409, nothing changed.
        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/v1/calendar/2030") { Content = JsonContent.Create(first, options: ZhifaApp.Json) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        await Problem.ReadAsync(await _admin.SendAsync(stale), HttpStatusCode.Conflict);
        var year = await _admin.GetFromJsonAsync<CalendarYearDto>("/api/v1/calendar/2030", ZhifaApp.Json);
        Assert.Equal([new ScheduleSpan(D(2030, 1, 1), D(2030, 1, 2), ScheduleDayKind.Holiday, "元旦")], year!.Days);

        // The same request retried with its idempotency key gets the first answer again.
        var third = second with { Days = [Off(D(2030, 1, 1), D(2030, 1, 3), "元旦")], Version = 1 };
        HttpRequestMessage Keyed()
        {
            var m = new HttpRequestMessage(HttpMethod.Put, "/api/v1/calendar/2030") { Content = JsonContent.Create(third, options: ZhifaApp.Json) };
            m.Headers.Add("Idempotency-Key", "calendar-2030-" + app.Provider);
            return m;
        }
        using var once = Keyed();
        using var again = Keyed();
        Assert.Equal(HttpStatusCode.OK, (await _admin.SendAsync(once)).StatusCode);
        var replay = await _admin.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(2, (await _admin.GetFromJsonAsync<CalendarYearDto>("/api/v1/calendar/2030", ZhifaApp.Json))!.Version);
    }

    [Fact]
    public async Task TheHook_IsToldTheYear_InTheSaveItsUnitOfWork_AndAnotherNodeSeesTheEditByItsStamp()
    {
        // A second node on the same database, with a test's own listener, checking the stamp on every request.
        var recorder = new ConcurrentBag<(int Year, bool NewHolidayVisible, bool Unsaved)>();
        using var node = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Zhifa:Calendar:StampCheckSeconds", "0");
            b.ConfigureServices(s => s.AddScoped<ICalendarChanged>(sp => new Recorder(sp.GetRequiredService<IStatutoryCalendarSource>(), sp.GetRequiredService<ZhifaDbContext>(), recorder)));
        });
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.IssueToken("admin"));

        var saved = await client.PutJsonAsync("/api/v1/calendar/2031", new SaveCalendarYearRequest("测试通知〔2030〕1号", null, [Off(D(2031, 1, 1), D(2031, 1, 1), "元旦")]));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal([(2031, true, true)], recorder.ToList());

        // Wed 2031-12-31 + 1 working day: Thu 2032-01-01 while 2032 has no schedule; the first node then enters 2032.
        Assert.Equal(new DateOnly(2032, 1, 1), (await DueAsync(client, "from=2031-12-31&count=1&unit=workingDays")).Due);
        Assert.Equal(HttpStatusCode.OK, (await _admin.PutJsonAsync("/api/v1/calendar/2032",
            new SaveCalendarYearRequest("测试通知〔2031〕1号", null, [Off(D(2032, 1, 1), D(2032, 1, 1), "元旦")]))).StatusCode);
        var seen = await DueAsync(client, "from=2031-12-31&count=1&unit=workingDays");
        Assert.Equal(new DateOnly(2032, 1, 2), seen.Due);
        Assert.False(seen.Provisional);
        Assert.Single(recorder);
    }

    /// <summary>Records each call: the year, whether the calendar asked in the same scope already has the saved holiday, and whether the save is still pending.</summary>
    private sealed class Recorder(IStatutoryCalendarSource source, ZhifaDbContext db, ConcurrentBag<(int, bool, bool)> calls) : ICalendarChanged
    {
        public async Task CalendarChangedAsync(int year, CancellationToken ct)
        {
            var calendar = await source.GetAsync(ct);
            calls.Add((year, calendar.IsHoliday(new DateOnly(year, 1, 1)), db.ChangeTracker.HasChanges()));
        }
    }
}

public sealed class CalendarApiTests_Sqlite(SqliteApp fixture) : CalendarApiTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class CalendarApiTests_Postgres(PostgresApp fixture) : CalendarApiTests(fixture.App), IClassFixture<PostgresApp>;
