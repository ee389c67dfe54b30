using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Calendar;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;
using Zhifa.Core.Messages;

namespace Zhifa.Core.Inspections.UseCases;

/// <summary>
/// The daily look at the inspections' publication deadlines (SSJ-PUB): a visited inspection whose result falls due within
/// the configured working days, and one past its day still unpublished, each tells its inspectors once in their message
/// centre and is marked so. Reads only the rows that are due (the (State, PublishDueOn) index), a batch at a time.
/// </summary>
public sealed class InspectionReminders(ZhifaDbContext db, IStatutoryCalendarSource calendar, InspectionRules rules, Inbox inbox, OfficerAccounts accounts,
    TimeProvider clock)
{
    private const int Batch = 500;

    /// <summary>What one run did: inspections newly overdue, newly due soon, messages sent.</summary>
    public sealed record Outcome(int Overdue, int DueSoon, int Messages);

    public async Task<Outcome> RunAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var until = (await calendar.GetAsync(ct)).AddWorkingDays(today, rules.PublishReminderWorkingDays).Date;
        var tasks = db.InspectionTasks.Unscoped("the daily job looks at every body's publication deadlines").Where(t => t.State == InspectionState.Recorded);
        var messages = 0;
        var overdue = await MarkAsync(tasks.Where(t => t.PublishDueOn < today && t.PublishOverdueSince == null), t => t.PublishOverdueSince = today,
            "message.inspection_publish_overdue", "overdue");
        var soon = await MarkAsync(tasks.Where(t => t.PublishDueOn >= today && t.PublishDueOn <= until && t.PublishRemindedOn == null), t => t.PublishRemindedOn = today,
            "message.inspection_publish_soon", "soon");
        return new Outcome(overdue, soon, messages);

        async Task<int> MarkAsync(IQueryable<InspectionTask> due, Action<InspectionTask> mark, string code, string kind)
        {
            var count = 0;
            while (await due.OrderBy(t => t.PublishDueOn).ThenBy(t => t.Id).Include(t => t.Officers).Take(Batch).ToListAsync(ct) is { Count: > 0 } batch)
            {
                batch.ForEach(mark);
                var users = await accounts.OfAsync([.. batch.SelectMany(t => t.Officers).Select(o => o.OfficerId).Distinct()], ct);
                var outgoing = batch.SelectMany(t => t.Officers.Select(o => users.GetValueOrDefault(o.OfficerId)).Where(u => u != Guid.Empty).Distinct()
                    .Select(u => new OutgoingMessage(u, code,
                        [t.PartyName, "SSJ-PUB", t.PublishDueOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)],
                        $"/inspections/{t.Id}", $"inspection-publication:{t.Id}:{kind}"))).ToList();
                messages += await inbox.SendAsync(outgoing, ct);
                await db.SaveChangesAsync(ct);
                count += batch.Count;
            }
            return count;
        }
    }
}
