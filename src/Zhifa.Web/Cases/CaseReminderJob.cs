using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Messages;
using Zhifa.Web.Common;

namespace Zhifa.Web.Cases;

/// <summary>
/// The daily look at the cases' clocks (<see cref="CaseReminders"/>), once across all nodes; also the
/// <c>remind-deadlines</c> command and <c>POST /api/v1/cases/reminders</c> for an administrator who wants it now.
/// </summary>
internal sealed class CaseReminderJob : IZhifaJob
{
    public const string JobName = "case-deadlines";

    public string Name => JobName;

    public async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var outcome = await services.GetRequiredService<CaseReminders>().RunAsync(ct);
        return outcome.Overdue + outcome.DueSoon;
    }
}

/// <summary>
/// Runs the deadline look every <c>Zhifa:Cases:ReminderIntervalMinutes</c> (default 60) as well as in the daily run, so
/// that a clock counted in hours (YSGD-5's 24 hours for the file to reach the police, XZQZ-19's 24 hours to approve an
/// emergency seizure) is marked overdue within the hour, not the next morning. One node at a time (the job runner).
/// </summary>
internal sealed class CaseReminderTimer(JobRunner runner, IEnumerable<IZhifaJob> jobs, IConfiguration config, TimeProvider clock,
    ILogger<CaseReminderTimer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var job = jobs.Single(j => j.Name == CaseReminderJob.JobName);
        var interval = TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Zhifa:Cases:ReminderIntervalMinutes", 60)));
        await runner.RepeatAsync(job, interval, clock, outcome =>
        {
            if (outcome.Count > 0)
                log.LogInformation("Case deadlines marked overdue or due soon: {Count}.", outcome.Count);
        }, stoppingToken);
    }
}

/// <summary>What waits on the workbench from cases: clocks due soon and overdue, approvals, legal reviews, unread messages.</summary>
internal sealed class CaseTodo(CaseQueries cases, Inbox inbox, Zhifa.Core.Data.ActorContext actor) : IWorkbenchTodo
{
    public int Order => 5;

    public async Task<IReadOnlyList<TodoCard>> CardsAsync(CancellationToken ct)
    {
        List<TodoCard> cards = [];
        if (actor.UserId is not null && await inbox.UnreadCountAsync(ct) is > 0 and var unread)
            cards.Add(new("messages_unread", unread, "/messages?unread=true"));
        if (!actor.Can(CasePermissions.Read))
            return cards;
        if (actor.Can(CasePermissions.Handle) || actor.Can(CasePermissions.Approve))
        {
            cards.Add(new("case_due_soon", await cases.CountAsync(CaseView.DueSoon, ct), "/cases?view=DueSoon"));
            cards.Add(new("case_overdue", await cases.CountAsync(CaseView.Overdue, ct), "/cases?view=Overdue"));
        }
        if (actor.Can(CasePermissions.Approve))
            cards.Add(new("case_awaiting_approval", await cases.CountAsync(CaseView.AwaitingApproval, ct), "/cases?view=AwaitingApproval"));
        if (actor.Can(CasePermissions.Review))
            cards.Add(new("case_awaiting_review", await cases.CountAsync(CaseView.AwaitingReview, ct), "/cases?view=AwaitingReview"));
        return cards;
    }
}

/// <summary>The reminder run on demand over the API.</summary>
internal static class CaseReminderEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/cases/reminders", async (JobRunner runner, IEnumerable<IZhifaJob> jobs, CancellationToken ct) =>
            {
                var outcome = await runner.RunAsync(jobs.Single(j => j.Name == CaseReminderJob.JobName), ct);
                return TypedResults.Ok(new ReminderRunDto(outcome.Ran, outcome.Count));
            })
            .WithTags("Cases").WithName("RunCaseReminders").RequirePermission(CasePermissions.RunReminders)
            .WithSummary("Runs the daily deadline look now: marks overdue clocks, reminds of those due soon (once each); skipped (ran false) while another node runs it.")
            .Produces<ReminderRunDto>();
    }
}

/// <summary>Whether the run happened here, and how many deadlines it marked or flagged.</summary>
public sealed record ReminderRunDto(bool Ran, int Deadlines);
