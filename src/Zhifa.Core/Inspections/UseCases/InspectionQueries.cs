using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Inspections.Draws;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Inspections.UseCases;

/// <summary>Which inspections a list shows: the caller's own, those whose publication is due or overdue, or all in scope.</summary>
public enum InspectionListView
{
    All,
    Mine,
    Due,
    Overdue,
}

public sealed record InspectionFilter(InspectionListView? View = null, InspectionState? State = null, int? Page = null, int? PageSize = null);

public sealed record InspectionRow(Guid Id, Guid BodyId, string BodyName, string PartyName, InspectionState State, DateOnly PlannedOn, string? Code, DateOnly? PublishDueOn,
    int? PublishDaysLeft, bool RepeatWithin30Days, bool VisitedUnfiled, bool PublishedLate, bool Joint);

/// <summary>What the enterprise sees after scanning the code: who inspects it, their certificates, the basis and items, and whether it may rate.</summary>
public sealed record CodeView(string Code, DateOnly PlannedOn, InspectionState State, IReadOnlyList<CodeBody> Bodies, bool MayRate, bool Rated);

public sealed record CodeBody(string BodyName, bool Lead, IReadOnlyList<InspectionOfficerView> Officers, IReadOnlyList<CodeItem> Items);

public sealed record CodeItem(string Code, string Name, string Basis, FindingResult? Result);

/// <summary>A published result (SSJ-PUB; a person's name masked, SXZD-MASK).</summary>
public sealed record PublishedResult(Guid Id, string BodyName, string PartyName, DateOnly VisitedOn, DateTime PublishedAt, bool Late, IReadOnlyList<CodeItem> Items);

/// <summary>An enterprise with its visits this year (SSJ-FREQ) and whether that is over the cap.</summary>
public sealed record VisitCount(Guid PartyId, string PartyName, int Visits, bool OverCap, DateOnly LastVisit);

public sealed record RatingRow(string BodyName, string PartyName, DateOnly? VisitedOn, int Score, string? Comment, DateTime At);

/// <summary>Inspections per body and month of a year (the chart).</summary>
public sealed record MonthlyCount(string BodyName, int Month, int Count);

/// <summary>A proposal to merge tasks of several bodies for one enterprise in the same month into one visit (综合查一次).</summary>
public sealed record JointProposal(Guid PartyId, string PartyName, int Year, int Month, IReadOnlyList<InspectionRow> Tasks);

/// <summary>A published draw as anyone may read it, with its published document and the re-run's verdict.</summary>
public sealed record PublicDraw(DrawView Draw, string PlanName, string BodyName, string? PublishedJson, DrawVerification? Verification);

/// <summary>The lists, the supervisor's views and the public's: every list is one query per page, scoped to the caller except the public ones.</summary>
public sealed class InspectionQueries(ZhifaDbContext db, InspectionRules rules, TimeProvider clock)
{
    public async Task<Page<InspectionRow>> ListAsync(InspectionFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = clock.Today();
        var query = db.InspectionTasks.AsNoTracking().Where(t => t.State != InspectionState.Cancelled);
        if (filter.State is { } state)
            query = query.Where(t => t.State == state);
        switch (filter.View)
        {
            case InspectionListView.Mine:
                var officerId = db.Actor.Access?.OfficerId ?? Guid.Empty;
                query = query.Where(t => t.Officers.Any(o => o.OfficerId == officerId));
                break;
            case InspectionListView.Due:
                query = query.Where(t => t.State == InspectionState.Recorded && t.PublishDueOn >= today);
                break;
            case InspectionListView.Overdue:
                query = query.Where(t => (t.State == InspectionState.Recorded && t.PublishDueOn < today) || (t.State == InspectionState.Published && t.PublishedLate));
                break;
        }
        var size = Math.Clamp(filter.PageSize ?? 20, 1, 200);
        var (total, capped) = await Paging.CountCappedAsync(query, ct);
        var page = Math.Clamp(filter.Page ?? 1, 1, Math.Max(1, (total + size - 1) / size));
        var rows = await query.OrderByDescending(t => t.PlannedOn).ThenBy(t => t.Id).Skip((page - 1) * size).Take(size)
            .Select(t => new InspectionRow(t.Id, t.BodyId, t.BodyName, t.PartyName, t.State, t.PlannedOn, t.Code, t.PublishDueOn, null, t.RepeatWithin30Days, t.VisitedUnfiled,
                t.PublishedLate, t.JointGroupId != null)).ToListAsync(ct);
        return new Page<InspectionRow>([.. rows.Select(r => r with { PublishDaysLeft = r.PublishDueOn is { } d && r.State == InspectionState.Recorded ? d.DayNumber - today.DayNumber : null })],
            total, page, size, capped);
    }

    /// <summary>The enterprise's page behind the code: no sign-in; a joint inspection shows every body's inspectors and items.</summary>
    public async Task<Result<CodeView>> ByCodeAsync(string code, CancellationToken ct = default)
    {
        var normalized = (code ?? "").Trim().ToUpperInvariant();
        var task = await db.InspectionTasks.Unscoped("the inspection code is shown to the inspected enterprise without sign-in").AsNoTracking()
            .FirstOrDefaultAsync(t => t.Code == normalized, ct);
        if (task is null)
            return InspectionErrors.TaskNotFound();
        var group = task.JointGroupId is { } g
            ? await db.InspectionTasks.Unscoped("a joint inspection's bodies behind its one code").AsNoTracking().Include(t => t.Officers).Include(t => t.Items)
                .Where(t => t.JointGroupId == g).ToListAsync(ct)
            : await db.InspectionTasks.Unscoped("the inspection behind the code").AsNoTracking().Include(t => t.Officers).Include(t => t.Items)
                .Where(t => t.Id == task.Id).ToListAsync(ct);
        var rated = await db.InspectionRatings.Unscoped("whether the code's inspection was rated already (not the rating)").AnyAsync(r => r.TaskId == task.Id, ct);
        var visited = task.State is InspectionState.Recorded or InspectionState.Published;
        return new CodeView(normalized, task.PlannedOn, task.State,
            [.. group.OrderByDescending(t => t.Id == task.Id).Select(t => new CodeBody(t.BodyName, t.Id == task.Id,
                [.. t.Officers.Select(o => new InspectionOfficerView(o.OfficerId, o.Name, o.CertificateNumber))],
                [.. t.Items.Select(i => new CodeItem(i.Code, i.Name, i.Basis, visited ? i.Result : null))]))],
            visited && !rated, rated);
    }

    /// <summary>The enterprise rates the inspection once, anonymously, after the visit: seen by the supervising bureau only.</summary>
    public async Task<Result<bool>> RateAsync(string code, RatingRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var normalized = (code ?? "").Trim().ToUpperInvariant();
        var task = await db.InspectionTasks.Unscoped("the inspected enterprise rates by the code, without sign-in").AsNoTracking()
            .FirstOrDefaultAsync(t => t.Code == normalized, ct);
        if (task is null)
            return InspectionErrors.TaskNotFound();
        var errors = new ValidationBuilder();
        if (request.Score is not (>= 1 and <= 5))
            errors.Add(InspectionErrors.ScoreOutOfRange());
        if (request.Comment is { Length: > InspectionRating.MaxComment })
            errors.Add(CommonErrors.FieldTooLong("comment", InspectionRating.MaxComment));
        if (errors.Build() is { } invalid)
            return invalid;
        if (task.State is not (InspectionState.Recorded or InspectionState.Published))
            return InspectionErrors.NotVisitedYet();
        if (await db.InspectionRatings.Unscoped("one rating per inspection").AnyAsync(r => r.TaskId == task.Id, ct))
            return InspectionErrors.AlreadyRated();
        db.InspectionRatings.Add(new InspectionRating(Guid.CreateVersion7(), task.Id, task.BodyId, request.Score!.Value,
            string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Published results, newest first (the public site): a natural person's name masked (SXZD-MASK).</summary>
    public async Task<Page<PublishedResult>> PublishedAsync(int? page, int? pageSize = null, CancellationToken ct = default)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var number = Math.Max(1, page ?? 1);
        var query = db.InspectionTasks.Unscoped("published results are public").AsNoTracking().Where(t => t.State == InspectionState.Published);
        var (total, capped) = await Paging.CountCappedAsync(query, ct);
        number = Math.Min(number, Math.Max(1, (total + size - 1) / size));
        var tasks = await query.OrderByDescending(t => t.PublishedAt).ThenBy(t => t.Id).Skip((number - 1) * size).Take(size).Include(t => t.Items).ToListAsync(ct);
        return new Page<PublishedResult>([.. tasks.Select(t => new PublishedResult(t.Id, t.BodyName, t.PartyIsPerson ? Mask(t.PartyName) : t.PartyName, t.VisitedOn!.Value,
            t.PublishedAt!.Value, t.PublishedLate, [.. t.Items.Select(i => new CodeItem(i.Code, i.Name, "", i.Result))]))], total, number, size, capped);
    }

    /// <summary>The enterprises visited this year in the caller's scope, with their visits by every body (SSJ-FREQ), most visited first.</summary>
    public async Task<IReadOnlyList<VisitCount>> VisitCountsAsync(int year, bool overCapOnly, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var parties = db.InspectionTasks.Where(t => t.PlannedOn >= from && t.PlannedOn <= to).Select(t => t.PartyId);
        var visits = await db.InspectionTasks.Unscoped("SSJ-FREQ counts the visits of an enterprise in scope by every body").AsNoTracking()
            .Where(t => parties.Contains(t.PartyId) && t.FiledAt != null && t.State != InspectionState.Cancelled && t.PlannedOn >= from && t.PlannedOn <= to)
            .Select(t => new { t.PartyId, t.PartyName, Visit = t.JointGroupId ?? t.Id, t.PlannedOn }).ToListAsync(ct);
        return [.. visits.GroupBy(v => v.PartyId).Select(g => new VisitCount(g.Key, g.First().PartyName, g.Select(v => v.Visit).Distinct().Count(),
                g.Select(v => v.Visit).Distinct().Count() > rules.YearlyCap, g.Max(v => v.PlannedOn)))
            .Where(v => !overCapOnly || v.OverCap).OrderByDescending(v => v.Visits).ThenBy(v => v.PartyName, StringComparer.Ordinal)];
    }

    /// <summary>Visits recorded without a filed code (flagged to the supervisor).</summary>
    public async Task<IReadOnlyList<InspectionRow>> UnfiledAsync(CancellationToken ct = default) =>
        await db.InspectionTasks.AsNoTracking().Where(t => t.VisitedUnfiled).OrderByDescending(t => t.VisitedOn).Take(200)
            .Select(t => new InspectionRow(t.Id, t.BodyId, t.BodyName, t.PartyName, t.State, t.PlannedOn, t.Code, t.PublishDueOn, null, t.RepeatWithin30Days, t.VisitedUnfiled,
                t.PublishedLate, t.JointGroupId != null)).ToListAsync(ct);

    /// <summary>The enterprises' ratings: for the supervising bureau only (the endpoint's permission), never the inspecting body.</summary>
    public async Task<IReadOnlyList<RatingRow>> RatingsAsync(CancellationToken ct = default)
    {
        var ratings = await db.InspectionRatings.AsNoTracking().OrderByDescending(r => r.At).Take(200).ToListAsync(ct);
        var ids = ratings.Select(r => r.TaskId).ToList();
        var tasks = await db.InspectionTasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return [.. ratings.Where(r => tasks.ContainsKey(r.TaskId)).Select(r => new RatingRow(tasks[r.TaskId].BodyName, tasks[r.TaskId].PartyName,
            tasks[r.TaskId].VisitedOn, r.Score, r.Comment, r.At))];
    }

    /// <summary>Inspections per body and month of the year (planned day; cancelled ones not counted).</summary>
    public async Task<IReadOnlyList<MonthlyCount>> MonthlyAsync(int year, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var rows = await db.InspectionTasks.AsNoTracking().Where(t => t.PlannedOn >= from && t.PlannedOn <= to && t.State != InspectionState.Cancelled)
            .GroupBy(t => new { t.BodyName, t.PlannedOn.Month }).Select(g => new MonthlyCount(g.Key.BodyName, g.Key.Month, g.Count())).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.BodyName, StringComparer.Ordinal).ThenBy(r => r.Month)];
    }

    /// <summary>Planned tasks of different bodies for one enterprise in the same month, not yet merged: proposed as one visit.</summary>
    public async Task<IReadOnlyList<JointProposal>> JointProposalsAsync(CancellationToken ct = default)
    {
        var planned = await db.InspectionTasks.AsNoTracking().Where(t => t.State == InspectionState.Planned && t.JointGroupId == null)
            .OrderBy(t => t.PlannedOn).Take(2000)
            .Select(t => new { Row = new InspectionRow(t.Id, t.BodyId, t.BodyName, t.PartyName, t.State, t.PlannedOn, t.Code, t.PublishDueOn, null, false, false, false, false), t.PartyId, t.BodyId })
            .ToListAsync(ct);
        return [.. planned.GroupBy(t => (t.PartyId, t.Row.PlannedOn.Year, t.Row.PlannedOn.Month)).Where(g => g.Select(t => t.BodyId).Distinct().Count() > 1)
            .Select(g => new JointProposal(g.Key.PartyId, g.First().Row.PartyName, g.Key.Year, g.Key.Month, [.. g.Select(t => t.Row)]))];
    }

    /// <summary>A draw as published, for anyone: the inputs' hashes and commitment, the result, and its re-run from the published document alone.</summary>
    public async Task<Result<PublicDraw>> PublicDrawAsync(Guid id, CancellationToken ct = default)
    {
        var draw = await db.InspectionDraws.Unscoped("published draws are public").AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draw is null)
            return InspectionErrors.DrawNotFound();
        var plan = await db.InspectionPlans.Unscoped("the plan of a published draw is public").AsNoTracking().FirstAsync(p => p.Id == draw.PlanId, ct);
        var body = await db.Bodies.Unscoped("a body's name is public").Where(b => b.Id == draw.BodyId).Select(b => b.Name).FirstAsync(ct);
        var verification = draw.PublishedJson is { } json ? VerifiableDraw.Verify(json, draw.Commitment) : null;
        return new PublicDraw(InspectionPlans.View(draw), plan.Name, body, draw.PublishedJson, verification);
    }

    /// <summary>The draws of every body, newest first (the public site's list).</summary>
    public async Task<IReadOnlyList<PublicDraw>> PublicDrawsAsync(CancellationToken ct = default)
    {
        var draws = await db.InspectionDraws.Unscoped("published draws are public").AsNoTracking().OrderByDescending(d => d.AnnouncedAt).Take(50).ToListAsync(ct);
        var planIds = draws.Select(d => d.PlanId).Distinct().ToList();
        var plans = await db.InspectionPlans.Unscoped("the plans of published draws are public").AsNoTracking().Where(p => planIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var bodyIds = draws.Select(d => d.BodyId).Distinct().ToList();
        var bodies = await db.Bodies.Unscoped("a body's name is public").Where(b => bodyIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        return [.. draws.Select(d => new PublicDraw(InspectionPlans.View(d), plans.GetValueOrDefault(d.PlanId, ""), bodies.GetValueOrDefault(d.BodyId, ""), null, null))];
    }

    /// <summary>SXZD-MASK: a person's name shows its first character only.</summary>
    public static string Mask(string name) => string.IsNullOrEmpty(name) ? name : name[..1] + new string('*', Math.Max(1, name.Length - 1));
}
