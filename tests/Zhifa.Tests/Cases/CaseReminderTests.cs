using System.Net;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Cases;
using Zhifa.Core.Common;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Cases;
using Zhifa.Web.Messages;

namespace Zhifa.Tests.Cases;

/// <summary>
/// The daily look at the cases' clocks: an open deadline past its day is marked overdue and the case's people are told
/// once in their message centre; one due within 3 working days is flagged; running again sends nothing twice.
/// </summary>
public abstract class CaseReminderTests(ZhifaApp app)
{
    private async Task<ReminderRunDto> RunAsync()
    {
        var response = await app.ApiAs("admin").PostJsonAsync("/api/v1/cases/reminders", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<ReminderRunDto>();
    }

    private async Task<CaseDeadline> DeadlineAsync(string title, DeadlineKind kind)
    {
        await using var scope = app.Scope(out var db);
        var id = await db.Cases.Where(c => c.Title == title).Select(c => c.Id).SingleAsync();
        return await db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == id && d.Kind == kind).OrderByDescending(d => d.StartedOn).FirstAsync();
    }

    private async Task<IReadOnlyList<MessageDto>> MessagesAsync(string user, bool unread = false) =>
        (await (await app.ApiAs(user).GetAsync($"/api/v1/messages?unread={unread}")).ReadAsync<MessagePageDto>()).Items;

    [Fact]
    [Trait("Rule", "XZCF-54")]
    public async Task OverdueClocksAreMarked_DueSoonFlagged_AndEachTellsTheCasesOfficerOnce()
    {
        // The demo lead found 20 working days ago is past XZCF-54's 15 working days.
        var first = await RunAsync();
        Assert.True(first.Ran);
        var lead = await DeadlineAsync("涉嫌未凭处方销售处方药", DeadlineKind.OpeningDecision);
        Assert.Equal(app.Clock.Today(), lead.OverdueSince);
        Assert.Equal(DeadlineStatus.Open, lead.Status);
        var officer = await MessagesAsync("yp.market.officer");
        var overdue = Assert.Single(officer, m => m.Text.Contains("涉嫌未凭处方销售处方药", StringComparison.Ordinal));
        Assert.Equal("message.case_deadline_overdue", overdue.Code);
        Assert.Contains("立案决定", overdue.Text, StringComparison.Ordinal);
        Assert.Contains("XZCF-54", overdue.Text, StringComparison.Ordinal);
        Assert.False(overdue.Read);
        // Another body's officer is told nothing of the market bureau's cases.
        Assert.DoesNotContain(await MessagesAsync("yp.transport.officer"), m => m.Text.Contains("涉嫌未凭处方销售处方药", StringComparison.Ordinal));

        // Again the same day: nothing new, nothing sent twice.
        Assert.Equal(0, (await RunAsync()).Deadlines);
        Assert.Equal(officer.Count, (await MessagesAsync("yp.market.officer")).Count);

        // The fresh lead on its last day: due soon (not overdue); the day after: overdue. Each message once.
        var fresh = await DeadlineAsync("涉嫌销售过期预包装食品", DeadlineKind.OpeningDecision);
        app.Clock.Advance(TimeSpan.FromDays(fresh.DueOn.DayNumber - app.Clock.Today().DayNumber));
        Assert.True((await RunAsync()).Deadlines >= 1);
        var soon = await DeadlineAsync("涉嫌销售过期预包装食品", DeadlineKind.OpeningDecision);
        Assert.Equal((fresh.DueOn, (DateOnly?)null), (soon.RemindedOn!.Value, soon.OverdueSince));
        Assert.Single(await MessagesAsync("yp.market.officer"), m => m.Code == "message.case_deadline_soon" && m.Text.Contains("涉嫌销售过期预包装食品", StringComparison.Ordinal));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        Assert.Equal(fresh.DueOn.AddDays(1), (await DeadlineAsync("涉嫌销售过期预包装食品", DeadlineKind.OpeningDecision)).OverdueSince);
        var both = (await MessagesAsync("yp.market.officer")).Where(m => m.Text.Contains("涉嫌销售过期预包装食品", StringComparison.Ordinal)).Select(m => m.Code).Order().ToList();
        Assert.Equal(["message.case_deadline_overdue", "message.case_deadline_soon"], both);

        // Read: the unread list empties for this user only.
        var marked = await app.ApiAs("yp.market.officer").PostJsonAsync("/api/v1/messages/read", new { });
        Assert.True(marked.StatusCode == HttpStatusCode.OK, await marked.Content.ReadAsStringAsync());
        Assert.InRange((await marked.ReadAsync<MarkedDto>()).Marked, 3, 10_000);
        Assert.Empty(await MessagesAsync("yp.market.officer", unread: true));
    }

    [Fact]
    public async Task RunningTheRemindersOnDemand_IsForAdministrators()
    {
        var response = await app.ApiAs("yp.market.officer").PostJsonAsync("/api/v1/cases/reminders", new { });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TheCommand_RunsTheReminders_AndSaysHowMany()
    {
        var (exit, output) = await AppProcess.RunAsync("remind-deadlines", app.Provider, app.ConnectionString);
        Assert.True(exit == 0, output);
        Assert.Matches(@"\d+ case deadline\(s\) marked overdue or due soon", output);
    }
}

public sealed class CaseReminderTests_Sqlite(SqliteApp fixture) : CaseReminderTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class CaseReminderTests_Postgres(PostgresApp fixture) : CaseReminderTests(fixture.App), IClassFixture<PostgresApp>;
