using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Calendar;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;
using Zhifa.Core.Messages;

namespace Zhifa.Core.Cases.UseCases;

/// <summary>
/// The daily look at every case's clocks (DESIGN.md "Deadlines are rows"): an open deadline past its day is marked
/// overdue, one due within the configured working days is flagged; each time the case's officers and the user who
/// registered it get one message in their message centre. Reads only the rows that are due (the (Status, DueOn) index),
/// a batch at a time; runs again without sending twice (the deadline is marked, and a message is unique per user and key).
/// </summary>
public sealed class CaseReminders(ZhifaDbContext db, IStatutoryCalendarSource calendar, CaseRuleBook rules, Inbox inbox, OfficerAccounts accounts,
    TimeProvider clock)
{
    private const int Batch = 500;

    /// <summary>What one run did: deadlines newly overdue, deadlines newly due soon, messages sent.</summary>
    public sealed record Outcome(int Overdue, int DueSoon, int Messages);

    public async Task<Outcome> RunAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        var cal = await calendar.GetAsync(ct);
        var until = cal.AddWorkingDays(today, rules.Default.DueSoonWorkingDays).Date;
        var deadlines = db.CaseDeadlines.Unscoped("the daily job looks at every body's clocks");
        var messages = 0;
        // Past its day (or its hour, for a clock counted in hours) and still open, not yet marked.
        var overdue = await MarkAsync(deadlines.Where(d => d.Status == DeadlineStatus.Open && d.OverdueSince == null && d.DueOn <= today
            && (d.DueOn < today || (d.DueAt != null && d.DueAt < now))), d => d.OverdueSince = today, "message.case_deadline_overdue", "overdue");
        var soon = await MarkAsync(deadlines.Where(d => d.Status == DeadlineStatus.Open && d.RemindedOn == null && d.OverdueSince == null
            && d.DueOn >= today && d.DueOn <= until), d => d.RemindedOn = today, "message.case_deadline_soon", "soon");
        return new Outcome(overdue, soon, messages);

        // A batch at a time: marked (so the next batch and the next run skip it), its people told, saved.
        async Task<int> MarkAsync(IQueryable<CaseDeadline> due, Action<CaseDeadline> mark, string code, string kind)
        {
            var count = 0;
            while (await due.OrderBy(d => d.DueOn).ThenBy(d => d.Id).Take(Batch).ToListAsync(ct) is { Count: > 0 } batch)
            {
                batch.ForEach(mark);
                messages += await NotifyAsync(batch, code, kind, ct);
                await db.SaveChangesAsync(ct);
                count += batch.Count;
            }
            return count;
        }
    }

    private async Task<int> NotifyAsync(IReadOnlyList<CaseDeadline> batch, string code, string kind, CancellationToken ct)
    {
        var caseIds = batch.Select(d => d.CaseId).Distinct().ToList();
        var cases = await db.Cases.Unscoped("the daily job tells each case's own people").AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.CaseNumber, c.Title, c.PartyName, c.RegisteredById }).ToDictionaryAsync(c => c.Id, ct);
        var officers = await db.Set<CaseOfficer>().AsNoTracking().Where(o => caseIds.Contains(o.CaseId)).Select(o => new { o.CaseId, o.OfficerId }).ToListAsync(ct);
        var officerUsers = await accounts.OfAsync([.. officers.Select(o => o.OfficerId).Distinct()], ct);
        var registrars = await accounts.ActiveAsync([.. cases.Values.Select(c => c.RegisteredById).Distinct()], ct);
        var outgoing = new List<OutgoingMessage>();
        foreach (var d in batch)
        {
            var c = cases[d.CaseId];
            var to = officers.Where(o => o.CaseId == d.CaseId).Select(o => officerUsers.GetValueOrDefault(o.OfficerId)).Where(u => u != Guid.Empty).ToHashSet();
            if (registrars.Contains(c.RegisteredById))
                to.Add(c.RegisteredById);
            string[] args = [c.CaseNumber ?? c.Title, c.PartyName, $"enum.DeadlineKind.{d.Kind}", d.RuleId, d.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
            outgoing.AddRange(to.Select(u => new OutgoingMessage(u, code, args, $"/cases/{c.Id}", $"deadline:{d.Id}:{kind}")));
        }
        return await inbox.SendAsync(outgoing, ct);
    }
}
