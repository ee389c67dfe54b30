using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Calendar;
using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Common;
using Zhifa.Core.Organizations;
using Zhifa.Core.Parties;
using Zhifa.Core.Personnel.UseCases;

namespace Zhifa.Core.Inspections.UseCases;

/// <summary>An inspection of an enterprise planned by an officer (not by a draw): the enterprise, the day, the items, at least two inspectors.</summary>
public sealed record InspectionRequest([MustSend] Guid? PartyId = null, Guid? BodyId = null, DateOnly? PlannedOn = null,
    [MaxLength(20)] IReadOnlyList<Guid>? ItemIds = null, [MaxLength(10)] IReadOnlyList<Guid>? OfficerIds = null);

/// <summary>Filing (备案): the version read, and the reason when the visit is over the yearly cap (SSJ-FREQ).</summary>
public sealed record FileRequest([MustSend] [Range(0, int.MaxValue)] int? Version = null, [MaxLength(InspectionTask.MaxReason)] string? OverCapReason = null);

/// <summary>A step that needs only the version read.</summary>
public sealed record TaskStepRequest([MustSend] [Range(0, int.MaxValue)] int? Version = null);

/// <summary>The visit's record (现场检查笔录): the day, what was seen, the signatures' record and the result per item.</summary>
public sealed record VisitRequest([MustSend] [Range(0, int.MaxValue)] int? Version = null, DateOnly? VisitedOn = null,
    [MaxLength(InspectionTask.MaxText)] string? Record = null, [MaxLength(InspectionTask.MaxReason)] string? Signatures = null,
    [MaxLength(20)] IReadOnlyList<FindingRequest>? Findings = null);

public sealed record FindingRequest([MustSend] Guid? ItemId = null, FindingResult? Result = null, [MaxLength(InspectionItem.MaxNote)] string? Note = null);

/// <summary>Merging tasks of several bodies for one enterprise into one visit (综合查一次) led by one body.</summary>
public sealed record MergeRequest([MustSend] [MaxLength(10)] IReadOnlyList<Guid>? TaskIds = null, [MustSend] Guid? LeadBodyId = null);

/// <summary>The enterprise's rating after the visit: 1 to 5, and a comment.</summary>
public sealed record RatingRequest([MustSend] [Range(1, 5)] int? Score = null, [MaxLength(InspectionRating.MaxComment)] string? Comment = null);

public sealed record InspectionOfficerView(Guid OfficerId, string Name, string? CertificateNumber);

public sealed record InspectionItemView(Guid Id, Guid ItemId, string Code, string Name, string Basis, FindingResult? Result, string? Note, Guid? LeadCaseId);

/// <summary>An inspection as its body sees it, with its warnings (SSJ-FREQ), its publication deadline and days left (SSJ-PUB).</summary>
public sealed record InspectionView(Guid Id, Guid BodyId, string BodyName, Guid? PlanId, Guid? DrawId, Guid PartyId, string PartyName, string? PartyCode,
    InspectionState State, DateOnly PlannedOn, string? Code, DateTime? FiledAt, bool RepeatWithin30Days, string? OverCapReason, string? OverCapApprovedByName,
    DateOnly? VisitedOn, string? Record, string? Signatures, bool VisitedUnfiled, DateOnly? PublishDueOn, int? PublishDaysLeft, DateTime? PublishedAt,
    bool PublishedLate, Guid? JointGroupId, Guid? LeadBodyId, int VisitsThisYear, IReadOnlyList<InspectionOfficerView> Officers,
    IReadOnlyList<InspectionItemView> Items, int Version);

/// <summary>
/// Inspections of enterprises, step by step: planned, filed with a code before the visit (SSJ-FREQ checked across every
/// body: over the cap needs a reason and the head's approval, a repeat within 30 days is warned of), the visit recorded
/// with a result per item (without a filed code it is flagged to the supervisor), a finding turned into a lead for a case
/// in one action, the result published within 20 working days (SSJ-PUB: late is flagged). Joint inspections merge tasks
/// of several bodies into one visit, which counts once.
/// </summary>
public sealed class InspectionDesk(ZhifaDbContext db, InspectionRules rules, TimeProvider clock, IStatutoryCalendarSource calendar, PartyQueries parties,
    PersonnelQueries personnel, InspectionPlans plans, CaseDesk cases, Zhifa.Core.Discretion.DiscretionQueries discretion,
    ConcurrencyExpectation? concurrency = null)
{
    private const string CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>What a new inspection's form offers: the body acted for, its inspection items and its officers in post.</summary>
    public async Task<(Guid? BodyId, IReadOnlyList<(Guid Id, string Name)> Items, IReadOnlyList<(Guid Id, string Name)> Officers)> OptionsAsync(
        Zhifa.Core.Catalogue.CatalogueQueries catalogue, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (await discretion.OwnAgencyAsync(ct) is not { } bodyId)
            return (null, [], []);
        var items = await catalogue.OptionsAsync(null, [Zhifa.Core.Catalogue.ItemKind.Inspection], bodyId, 200, ct);
        var officers = await personnel.AllOfficerRowsAsync(new OfficerListFilter(BodyId: bodyId, Status: Zhifa.Core.Personnel.EmploymentStatus.Active), ct);
        return (bodyId, [.. items.Select(i => (i.Id, $"{i.Code} {i.Name}"))], [.. officers.OrderBy(o => o.FullName, StringComparer.Ordinal).Select(o => (o.Id, o.FullName))]);
    }

    public async Task<Result<InspectionView>> CreateAsync(InspectionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationBuilder();
        var bodyId = request.BodyId ?? await discretion.OwnAgencyAsync(ct);
        var body = bodyId is { } b ? await db.ActOnAsync(db.Bodies.AsNoTracking(), b, InspectionPermissions.Handle, ct) : null;
        if (body is null)
            return InspectionErrors.BodyNotFound();
        var party = request.PartyId is { } p ? await parties.GetAsync(p, ct) : (Result<PartyView>?)null;
        if (party is not { IsSuccess: true })
            errors.Add(InspectionErrors.UnknownParty());
        var on = request.PlannedOn ?? clock.Today();
        var itemIds = request.ItemIds ?? [];
        if (itemIds.Count == 0)
            errors.Add(InspectionErrors.Required("itemIds"));
        var items = await plans.ItemsAsync(itemIds.Distinct(), ct);
        for (var i = 0; i < itemIds.Count; i++)
            if (items.All(x => x.Id != itemIds[i]))
                errors.Add(InspectionErrors.NotAnInspectionItem($"itemIds[{i}]"));
        var officerIds = (request.OfficerIds ?? []).Distinct().ToList();
        if (errors.Build() is { } invalid)
            return invalid;
        if (officerIds.Count < rules.InspectorsPerSubject)
            return InspectionErrors.TwoInspectorsNeeded(rules.InspectorsPerSubject);
        var officers = new List<InspectionOfficer>();
        var refused = new List<string>();
        var id = Guid.CreateVersion7();
        foreach (var officerId in officerIds)
        {
            var officer = await personnel.OfficerAsync(officerId, ct);
            if (!officer.IsSuccess)
                return InspectionErrors.UnknownOfficer("officerIds");
            var verdict = await personnel.EligibilityAsync(officerId, body.Id, body.Sector, on, ct);
            if (verdict is not { IsSuccess: true, Value.Allowed: true })
                refused.Add(officer.Value.Officer.FullName);
            officers.Add(new InspectionOfficer(id, officerId, officer.Value.Officer.FullName, officer.Value.Officer.CertificateNumber));
        }
        if (refused.Count > 0)
            return InspectionErrors.InspectorsNotEligible(string.Join("、", refused));
        var pv = party!.Value.Value;
        var task = new InspectionTask(id, body.Id, body.Name, null, null, pv.Id, pv.Name, pv.CreditCode, pv.Kind == PartyKind.NaturalPerson, on,
            clock.GetUtcNow().UtcDateTime, db.Actor.ActorName);
        task.Officers.AddRange(officers);
        foreach (var item in items)
            task.Items.Add(new InspectionItem(Guid.CreateVersion7(), id, item.Id, item.Code, item.Name, item.Basis));
        db.InspectionTasks.Add(task);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<Result<InspectionView>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var task = await db.InspectionTasks.AsNoTracking().Include(t => t.Officers).Include(t => t.Items).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
            return InspectionErrors.TaskNotFound();
        return await ViewAsync(task, ct);
    }

    /// <summary>
    /// Files the inspection before the visit and issues its code. SSJ-FREQ: the enterprise's visits this year by every body
    /// (a joint inspection once) at the cap: refused without a reason, with one it waits for the head's approval; a visit
    /// within 30 days of another is warned of. A joint inspection is filed once for all its bodies, the code the lead's.
    /// </summary>
    public async Task<Result<InspectionView>> FileAsync(Guid id, FileRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var step = await StepAsync(id, request.Version, InspectionAction.File, ct);
        if (!step.IsSuccess)
            return step.Error!;
        var task = step.Value;
        var (visits, repeat) = await VisitsAsync(task, ct);
        if (visits >= rules.YearlyCap && string.IsNullOrWhiteSpace(request.OverCapReason))
            return InspectionErrors.OverCap(visits, rules.YearlyCap);
        var group = await GroupAsync(task, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var t in group)
        {
            t.RepeatWithin30Days = repeat;
            t.FiledAt = now;
            t.FiledByName = db.Actor.ActorName;
        }
        if (visits >= rules.YearlyCap)
        {
            foreach (var t in group)
            {
                t.OverCapReason = request.OverCapReason!.Trim();
                InspectionWorkflow.Apply(t, InspectionAction.FileOverCap);
            }
        }
        else
            Issue(group, InspectionAction.File);
        await db.SaveChangesAsync(ct);
        return View(task, visits);
    }

    /// <summary>The head approves a visit over the yearly cap (SSJ-FREQ): it is filed and gets its code.</summary>
    public async Task<Result<InspectionView>> ApproveOverCapAsync(Guid id, TaskStepRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var step = await StepAsync(id, request.Version, InspectionAction.ApproveOverCap, ct);
        if (!step.IsSuccess)
            return step.Error!;
        var task = step.Value;
        var group = await GroupAsync(task, ct);
        foreach (var t in group)
        {
            t.OverCapApprovedByName = db.Actor.ActorName;
            t.OverCapApprovedAt = clock.GetUtcNow().UtcDateTime;
        }
        Issue(group, InspectionAction.ApproveOverCap);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(task, ct);
    }

    /// <summary>
    /// Records the visit: a result for every item, the day (not in the future), the record and the signatures. Without a
    /// filed code the visit is recorded and flagged to the supervisor. Its publication is due 20 working days later (SSJ-PUB).
    /// </summary>
    public async Task<Result<InspectionView>> RecordVisitAsync(Guid id, VisitRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var step = await StepAsync(id, request.Version, InspectionAction.RecordVisit, ct);
        if (!step.IsSuccess)
            return step.Error!;
        var task = step.Value;
        var errors = new ValidationBuilder();
        var day = request.VisitedOn ?? clock.Today();
        if (day > clock.Today())
            errors.Add(InspectionErrors.DayInFuture("visitedOn"));
        if (string.IsNullOrWhiteSpace(request.Record))
            errors.Add(InspectionErrors.Required("record"));
        var findings = request.Findings ?? [];
        for (var i = 0; i < findings.Count; i++)
            if (task.Items.All(x => x.ItemId != findings[i].ItemId))
                errors.Add(InspectionErrors.ItemNotInTask($"findings[{i}].itemId"));
        for (var i = 0; i < task.Items.Count; i++)
            if (findings.FirstOrDefault(f => f.ItemId == task.Items[i].ItemId)?.Result is null)
                errors.Add(InspectionErrors.ResultMissing($"findings.{task.Items[i].ItemId}"));
        if (errors.Build() is { } invalid)
            return invalid;
        foreach (var item in task.Items)
        {
            var f = findings.First(f => f.ItemId == item.ItemId);
            item.Result = f.Result == FindingResult.Lead ? FindingResult.ProblemFound : f.Result;
            item.Note = string.IsNullOrWhiteSpace(f.Note) ? null : f.Note.Trim();
        }
        task.VisitedUnfiled = task.State == InspectionState.Planned;
        task.VisitedOn = day;
        task.Record = request.Record!.Trim();
        task.Signatures = string.IsNullOrWhiteSpace(request.Signatures) ? null : request.Signatures.Trim();
        task.RecordedAt = clock.GetUtcNow().UtcDateTime;
        task.RecordedByName = db.Actor.ActorName;
        task.PublishDueOn = (await calendar.GetAsync(ct)).AddWorkingDays(day, rules.PublishWorkingDays).Date;
        InspectionWorkflow.Apply(task, InspectionAction.RecordVisit);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(task, ct);
    }

    /// <summary>A finding that warrants a penalty becomes a lead (案源) of the body, from the inspection, in one action.</summary>
    public async Task<Result<InspectionView>> LeadAsync(Guid id, Guid itemId, TaskStepRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = await LoadAsync(id, InspectionWorkflow.PermissionOf(InspectionAction.MakeLead), ct);
        if (task is null || task.Items.FirstOrDefault(i => i.ItemId == itemId) is not { } item)
            return InspectionErrors.TaskNotFound();
        if (request.Version is { } v && v != task.Version)
            return CommonErrors.StaleVersion();
        if (task.VisitedOn is not { } visited)
            return InspectionErrors.NotVisitedYet();
        if (InspectionWorkflow.Refusal(task.State, InspectionAction.MakeLead) is { } refused)
            return refused;
        if (item.LeadCaseId is not null)
            return InspectionErrors.AlreadyALead();
        if (item.Result is not (FindingResult.ProblemFound or FindingResult.OrderedToCorrect))
            return InspectionErrors.NotAProblem();
        Result<InspectionView>? outcome = null;
        await db.InTransactionAsync(async () =>
        {
            var title = $"{task.PartyName}：{item.Name}";
            var lead = await cases.RegisterLeadAsync(new RegisterLeadRequest(task.BodyId, LeadSource.Inspection, task.PartyId,
                title.Length > PenaltyCase.MaxTitle ? title[..PenaltyCase.MaxTitle] : title, item.Note ?? task.Record ?? item.Name, visited, visited), ct);
            if (!lead.IsSuccess)
            {
                outcome = lead.Error!;
                return;
            }
            // The lead's save checked the version read and moved the inspection on: the second save of this unit of work is ours.
            concurrency?.Clear();
            item.LeadCaseId = lead.Value;
            item.Result = FindingResult.Lead;
            await db.SaveChangesAsync(ct);
        }, ct);
        if (outcome is not null)
            return outcome.Value;
        return await ViewAsync(task, ct);
    }

    /// <summary>Publishes the result (SSJ-PUB): after the deadline it is published all the same and flagged late.</summary>
    public async Task<Result<InspectionView>> PublishAsync(Guid id, TaskStepRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var step = await StepAsync(id, request.Version, InspectionAction.Publish, ct);
        if (!step.IsSuccess)
            return step.Error!;
        var task = step.Value;
        task.PublishedAt = clock.GetUtcNow().UtcDateTime;
        task.PublishedLate = clock.Today() > task.PublishDueOn;
        InspectionWorkflow.Apply(task, InspectionAction.Publish);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(task, ct);
    }

    /// <summary>Merges planned tasks of several bodies for one enterprise into one visit led by one of them (the supervisor's).</summary>
    public async Task<Result<IReadOnlyList<Guid>>> MergeAsync(MergeRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ids = (request.TaskIds ?? []).Distinct().ToList();
        var tasks = await db.InspectionTasks.Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        if (tasks.Count != ids.Count)
            return InspectionErrors.TaskNotFound();
        foreach (var t in tasks)
            if (await db.ActOnAsync(db.Bodies.AsNoTracking(), t.BodyId, InspectionWorkflow.PermissionOf(InspectionAction.Merge), ct) is null)
                return InspectionErrors.TaskNotFound();
        if (tasks.Select(t => t.BodyId).Distinct().Count() < 2)
            return InspectionErrors.MergeNeedsTwoBodies();
        if (tasks.Select(t => t.PartyId).Distinct().Count() != 1)
            return InspectionErrors.MergeOneEnterprise();
        if (tasks.FirstOrDefault(t => t.BodyId == request.LeadBodyId) is not { } lead)
            return InspectionErrors.LeadBodyNotInMerge();
        if (tasks.Any(t => t.JointGroupId is not null))
            return InspectionErrors.AlreadyMerged();
        if (tasks.Select(t => InspectionWorkflow.Refusal(t.State, InspectionAction.Merge)).FirstOrDefault(r => r is not null) is { } refused)
            return refused;
        var group = Guid.CreateVersion7();
        foreach (var t in tasks)
        {
            t.JointGroupId = group;
            t.LeadBodyId = lead.BodyId;
            t.PlannedOn = lead.PlannedOn;
        }
        await db.SaveChangesAsync(ct);
        return tasks.Select(t => t.Id).ToList();
    }

    private static void Issue(IReadOnlyList<InspectionTask> group, InspectionAction action)
    {
        var code = NewCode();
        foreach (var t in group)
        {
            InspectionWorkflow.Apply(t, action);
            // The code is the lead's (one per visit); the others are reached through their group.
            if (t.JointGroupId is null || t.BodyId == t.LeadBodyId)
                t.Code = code;
        }
    }

    internal static string NewCode() => string.Create(InspectionTask.CodeLength, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
            span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
    });

    /// <summary>
    /// The inspection for a step: in scope for the permission the table gives the action (404 otherwise), at the version
    /// read (409), in a state the table allows the action from (409).
    /// </summary>
    private async Task<Result<InspectionTask>> StepAsync(Guid id, int? version, InspectionAction action, CancellationToken ct)
    {
        var task = await LoadAsync(id, InspectionWorkflow.PermissionOf(action), ct);
        if (task is null)
            return InspectionErrors.TaskNotFound();
        if (version is { } v && v != task.Version)
            return CommonErrors.StaleVersion();
        if (InspectionWorkflow.Refusal(task.State, action) is { } refused)
            return refused;
        return task;
    }

    /// <summary>The inspection as the caller sees it after a step, with the enterprise's visits this year.</summary>
    private async Task<InspectionView> ViewAsync(InspectionTask task, CancellationToken ct)
    {
        var (visits, _) = await VisitsAsync(task, ct);
        return View(task, visits);
    }

    private async Task<InspectionTask?> LoadAsync(Guid id, string permission, CancellationToken ct)
    {
        var task = await db.InspectionTasks.Include(t => t.Officers).Include(t => t.Items).FirstOrDefaultAsync(t => t.Id == id, ct);
        return task is not null && await db.ActOnAsync(db.Bodies.AsNoTracking(), task.BodyId, permission, ct) is not null ? task : null;
    }

    private async Task<IReadOnlyList<InspectionTask>> GroupAsync(InspectionTask task, CancellationToken ct) =>
        task.JointGroupId is { } g
            ? await db.InspectionTasks.Unscoped("a joint inspection is filed once for every body in it").Where(t => t.JointGroupId == g).ToListAsync(ct)
            : [task];

    /// <summary>
    /// SSJ-FREQ: the enterprise's other visits in the year of this one, by every body (filed, not cancelled; a joint
    /// inspection once), and whether one is within the repeat window of this one.
    /// </summary>
    private async Task<(int Visits, bool Repeat)> VisitsAsync(InspectionTask task, CancellationToken ct)
    {
        var from = new DateOnly(task.PlannedOn.Year, 1, 1);
        var to = new DateOnly(task.PlannedOn.Year, 12, 31);
        var others = await db.InspectionTasks.Unscoped("SSJ-FREQ counts an enterprise's visits by every body").AsNoTracking()
            .Where(t => t.PartyId == task.PartyId && t.Id != task.Id && t.FiledAt != null && t.State != InspectionState.Cancelled
                && t.PlannedOn >= from.AddDays(-rules.RepeatDays) && t.PlannedOn <= to)
            .Select(t => new { t.Id, t.JointGroupId, t.PlannedOn }).ToListAsync(ct);
        var distinct = others.Where(t => task.JointGroupId is null || t.JointGroupId != task.JointGroupId).ToList();
        var visits = distinct.Where(t => t.PlannedOn >= from).Select(t => t.JointGroupId ?? t.Id).Distinct().Count();
        var repeat = distinct.Any(t => Math.Abs(t.PlannedOn.DayNumber - task.PlannedOn.DayNumber) <= rules.RepeatDays);
        return (visits, repeat);
    }

    private InspectionView View(InspectionTask t, int visits)
    {
        int? left = t.PublishDueOn is { } due && t.PublishedAt is null ? due.DayNumber - clock.Today().DayNumber : null;
        return new InspectionView(t.Id, t.BodyId, t.BodyName, t.PlanId, t.DrawId, t.PartyId, t.PartyName, t.PartyCode, t.State, t.PlannedOn, t.Code, t.FiledAt,
            t.RepeatWithin30Days, t.OverCapReason, t.OverCapApprovedByName, t.VisitedOn, t.Record, t.Signatures, t.VisitedUnfiled, t.PublishDueOn, left, t.PublishedAt,
            t.PublishedLate, t.JointGroupId, t.LeadBodyId, visits, [.. t.Officers.Select(o => new InspectionOfficerView(o.OfficerId, o.Name, o.CertificateNumber))],
            [.. t.Items.OrderBy(i => i.Code).Select(i => new InspectionItemView(i.Id, i.ItemId, i.Code, i.Name, i.Basis, i.Result, i.Note, i.LeadCaseId))], t.Version);
    }
}
