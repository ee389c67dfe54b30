using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Inspections.Draws;
using Zhifa.Core.Organizations;
using Zhifa.Core.Parties;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;

namespace Zhifa.Core.Inspections.UseCases;

/// <summary>
/// A new plan: the body, year and period, the inspection items, the share per credit grade (SSJ-RATIO) and whether only the
/// order is drawn. Grade E not given takes grade D's share (a region grading A–D only never needs to name it).
/// </summary>
public sealed record PlanRequest(
    [MustSend] Guid? BodyId = null, [Range(2000, 2100)] int? Year = null, [MaxLength(InspectionPlan.MaxName)] string? Name = null, DateOnly? StartsOn = null,
    DateOnly? EndsOn = null, bool KeyItems = false, [Range(0, 100)] decimal? RatioA = null, [Range(0, 100)] decimal? RatioB = null,
    [Range(0, 100)] decimal? RatioC = null, [Range(0, 100)] decimal? RatioD = null, [Range(0, 100)] decimal? RatioE = null,
    [Range(0, 100)] decimal? RatioUngraded = null,
    [MaxLength(50)] IReadOnlyList<Guid>? ItemIds = null);

/// <summary>The supervising bureau's contribution to a draw's seed (empty: a random value is made for it).</summary>
public sealed record ContributeRequest([MustSend] [Range(0, int.MaxValue)] int? Version = null, [MaxLength(InspectionDraw.MaxSupervisorValue)] string? Value = null);

/// <summary>A re-draw: the draw replaced and why.</summary>
public sealed record RedrawRequest([MustSend] [Range(0, int.MaxValue)] int? Version = null, [MustSend] [MaxLength(InspectionDraw.MaxReason)] string? Reason = null);

/// <summary>An inspector's declared relationship with a subject.</summary>
public sealed record ConflictRequest([MustSend] Guid? OfficerId = null, [MustSend] Guid? PartyId = null, [MustSend] [MaxLength(InspectionConflict.MaxReason)] string? Reason = null);

public sealed record PlanView(Guid Id, Guid BodyId, string BodyName, int Year, string Name, DateOnly StartsOn, DateOnly EndsOn, bool KeyItems,
    IReadOnlyDictionary<string, decimal> Ratios, IReadOnlyList<Guid> ItemIds, IReadOnlyList<DrawView> Draws, int Version);

/// <summary>A draw as published: the hashes and commitment from its announcement, the result once drawn, the reason of a re-draw.</summary>
public sealed record DrawView(Guid Id, Guid PlanId, int Sequence, DrawState State, string Commitment, string SubjectsHash, string InspectorsHash, string InputsHash,
    int Subjects, int Inspectors, DateTime AnnouncedAt, string AnnouncedByName, string? SupervisorName, DateTime? DrawnAt, string? ResultHash,
    IReadOnlyList<DrawnSubject> Result, string? Reason, string? SupersededReason, int Version);

public sealed record DrawnSubject(int Order, string Key, string Name, IReadOnlyList<string> Inspectors);

/// <summary>What an announcement freezes: the inputs without the secret, and who is behind each key.</summary>
internal sealed record AnnouncedDraw(List<DrawSubject> Subjects, List<DrawInspector> Inspectors, Dictionary<string, decimal> Ratios, int InspectorsPerSubject,
    bool OrderOnly, List<DrawExclusion> Conflicts, List<DrawExclusion> PreviousPairings, Dictionary<string, KeyRef> SubjectRefs, Dictionary<string, KeyRef> InspectorRefs)
{
    public DrawInputs Inputs(string secret, string supervisorValue) =>
        new(Subjects, Inspectors, new DrawParameters(Ratios, InspectorsPerSubject, OrderOnly), Conflicts, PreviousPairings, secret, supervisorValue);
}

internal sealed record KeyRef(Guid Id, string Name, string? Code);

/// <summary>
/// Plans and their draws (双随机, SSJ-DRAW, SSJ-RATIO). A draw is announced with its inputs frozen — the subjects from the
/// party registry (enterprises the body reaches, with their credit grade), the inspectors from the personnel registry
/// (the body's officers eligible in its field on the plan's first day, XZCF-42), the declared conflicts and each subject's
/// last inspectors — and their hash published with the commitment to the body's secret; the supervising bureau then
/// contributes its value and the draw is made, its tasks created. Nobody at the body can choose the seed alone.
/// </summary>
public sealed class InspectionPlans(ZhifaDbContext db, InspectionRules rules, TimeProvider clock, PartyQueries parties, PersonnelQueries personnel,
    CatalogueQueries catalogue)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<Result<PlanView>> CreateAsync(PlanRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationBuilder();
        var body = request.BodyId is { } b ? await db.ActOnAsync(db.Bodies.AsNoTracking(), b, InspectionPermissions.Plan, ct) : null;
        if (body is null)
            return InspectionErrors.BodyNotFound();
        if (request.Year is not { } year)
            errors.Add(InspectionErrors.Required("year"));
        if (string.IsNullOrWhiteSpace(request.Name))
            errors.Add(InspectionErrors.Required("name"));
        if (request.StartsOn is null)
            errors.Add(InspectionErrors.Required("startsOn"));
        if (request.EndsOn is null)
            errors.Add(InspectionErrors.Required("endsOn"));
        if (request.StartsOn is { } s && request.EndsOn is { } e)
        {
            if (e < s)
                errors.Add(InspectionErrors.PeriodReversed());
            if (request.Year is { } y && (s.Year != y || e.Year != y))
                errors.Add(InspectionErrors.PeriodOutsideYear("endsOn"));
        }
        var ratios = new (string Grade, string Field, decimal? Value)[]
        {
            ("A", "ratioA", request.RatioA), ("B", "ratioB", request.RatioB), ("C", "ratioC", request.RatioC), ("D", "ratioD", request.RatioD), ("E", "ratioE", request.RatioE ?? request.RatioD),
            ("", "ratioUngraded", request.RatioUngraded),
        };
        if (!request.KeyItems)
        {
            foreach (var (_, field, value) in ratios)
                if (value is { } v && v > 0 && v < rules.MinimumRatioPercent)
                    errors.Add(InspectionErrors.RatioTooLow(field, rules.MinimumRatioPercent));
            // Raised for poor grades: A (best) ≤ B ≤ C ≤ D ≤ E.
            for (var i = 1; i < 5; i++)
                if ((ratios[i].Value ?? 0) < (ratios[i - 1].Value ?? 0))
                    errors.Add(InspectionErrors.RatioNotRaised(ratios[i].Field));
            if (ratios.All(r => (r.Value ?? 0) == 0))
                errors.Add(InspectionErrors.Required("ratioA"));
        }
        var items = request.ItemIds ?? [];
        if (items.Count == 0)
            errors.Add(InspectionErrors.Required("itemIds"));
        for (var i = 0; i < items.Count; i++)
            if (await catalogue.GetAsync(items[i], ct) is not { IsSuccess: true } item || (item.Value.InForce ?? item.Value.Current).Kind != ItemKind.Inspection)
                errors.Add(InspectionErrors.NotAnInspectionItem($"itemIds[{i}]"));
        if (errors.Build() is { } invalid)
            return invalid;
        var plan = new InspectionPlan(Guid.CreateVersion7(), body.Id, request.Year!.Value, request.Name!.Trim(), request.StartsOn!.Value, request.EndsOn!.Value, request.KeyItems,
            ratios.ToDictionary(r => r.Grade, r => request.KeyItems ? 100m : r.Value ?? 0), [.. items.Distinct()], clock.GetUtcNow().UtcDateTime);
        db.InspectionPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return await GetAsync(plan.Id, ct);
    }

    public async Task<Page<PlanView>> ListAsync(int? year, int? page, int? pageSize, CancellationToken ct = default)
    {
        var query = db.InspectionPlans.AsNoTracking();
        if (year is { } y)
            query = query.Where(p => p.Year == y);
        var size = Math.Clamp(pageSize ?? 20, 1, 200);
        var (total, capped) = await Paging.CountCappedAsync(query, ct);
        var number = Math.Clamp(page ?? 1, 1, Math.Max(1, (total + size - 1) / size));
        var plans = await query.OrderByDescending(p => p.Year).ThenBy(p => p.Name).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var ids = plans.Select(p => p.Id).ToList();
        var draws = await db.InspectionDraws.AsNoTracking().Where(d => ids.Contains(d.PlanId)).ToListAsync(ct);
        var names = await BodyNamesAsync(plans.Select(p => p.BodyId), ct);
        return new Page<PlanView>([.. plans.Select(p => View(p, names.GetValueOrDefault(p.BodyId, ""), draws.Where(d => d.PlanId == p.Id)))], total, number, size, capped);
    }

    public async Task<Result<PlanView>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var plan = await db.InspectionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
            return InspectionErrors.PlanNotFound();
        var draws = await db.InspectionDraws.AsNoTracking().Where(d => d.PlanId == id).ToListAsync(ct);
        var names = await BodyNamesAsync([plan.BodyId], ct);
        return View(plan, names.GetValueOrDefault(plan.BodyId, ""), draws);
    }

    /// <summary>
    /// Freezes the inputs and publishes their hashes with the commitment to a new secret. Refused (SSJ-DRAW) when a subject
    /// that could be drawn has fewer eligible inspectors than required, naming each, or when the plan has a draw in force.
    /// </summary>
    public async Task<Result<DrawView>> AnnounceAsync(Guid planId, CancellationToken ct = default)
    {
        var plan = await db.InspectionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || await db.ActOnAsync(db.Bodies.AsNoTracking(), plan.BodyId, InspectionPermissions.Plan, ct) is not { } body)
            return InspectionErrors.PlanNotFound();
        var existing = await db.InspectionDraws.AsNoTracking().Where(d => d.PlanId == planId).ToListAsync(ct);
        if (existing.Any(d => d.State != DrawState.Superseded))
            return InspectionErrors.DrawExists();
        var draw = await NewDrawAsync(plan, body, existing.Count + 1, null, ct);
        if (!draw.IsSuccess)
            return draw.Error!;
        db.InspectionDraws.Add(draw.Value);
        await db.SaveChangesAsync(ct);
        return View(draw.Value);
    }

    private async Task<Result<InspectionDraw>> NewDrawAsync(InspectionPlan plan, EnforcementBody body, int sequence, string? reason, CancellationToken ct)
    {
        var announced = await InputsAsync(plan, body, ct);
        if (announced.Subjects.Count == 0)
            return InspectionErrors.NoSubjects();
        var excluded = announced.Conflicts.Concat(announced.PreviousPairings).GroupBy(x => x.SubjectKey)
            .ToDictionary(g => g.Key, g => g.Select(x => x.InspectorKey).Distinct().Count());
        var shortOf = announced.Subjects.Where(s => plan.KeyItems || announced.Ratios.GetValueOrDefault(s.Grade) > 0)
            .Where(s => announced.Inspectors.Count - excluded.GetValueOrDefault(s.Key) < rules.InspectorsPerSubject).ToList();
        if (shortOf.Count > 0)
            return InspectionErrors.TooFewInspectors(string.Join("、", shortOf.Take(20).Select(s => announced.SubjectRefs[s.Key].Name)), rules.InspectorsPerSubject);
        var secret = VerifiableDraw.NewSecret();
        var preview = VerifiableDraw.Run(announced.Inputs(secret, "announcement"));
        return new InspectionDraw(Guid.CreateVersion7(), plan.Id, plan.BodyId, sequence, JsonSerializer.Serialize(announced, Json), VerifiableDraw.Commit(secret),
            preview.SubjectsHash, preview.InspectorsHash, preview.InputsHash, secret, clock.GetUtcNow().UtcDateTime, db.Actor.ActorName, reason);
    }

    /// <summary>The bureau's value: the draw is made from the announced inputs, its result published and its tasks planned.</summary>
    public async Task<Result<DrawView>> ContributeAsync(Guid drawId, ContributeRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var draw = await db.InspectionDraws.FirstOrDefaultAsync(d => d.Id == drawId, ct);
        if (draw is null || await db.ActOnAsync(db.Bodies.AsNoTracking(), draw.BodyId, InspectionPermissions.Supervise, ct) is not { } body)
            return InspectionErrors.DrawNotFound();
        if (request.Version is { } v && v != draw.Version)
            return CommonErrors.StaleVersion();
        if (draw.State != DrawState.Announced)
            return InspectionErrors.DrawNotAnnounced();
        var plan = await db.InspectionPlans.AsNoTracking().FirstAsync(p => p.Id == draw.PlanId, ct);
        var announced = JsonSerializer.Deserialize<AnnouncedDraw>(draw.InputsJson, Json)!;
        var value = string.IsNullOrWhiteSpace(request.Value) ? Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)) : request.Value.Trim();
        var inputs = announced.Inputs(draw.BodySecret, value);
        var result = VerifiableDraw.Run(inputs);
        if (result.InputsHash != draw.InputsHash)
            return InspectionErrors.DrawInputsChanged();
        var now = clock.GetUtcNow().UtcDateTime;
        draw.Drawn(value, db.Actor.ActorName, VerifiableDraw.ToPublishedJson(inputs, result), result.ResultHash, now);

        var items = await ItemsAsync(plan.ItemIds, ct);
        var on = plan.StartsOn < clock.Today() ? clock.Today() : plan.StartsOn;
        foreach (var a in result.Assignments.Where(a => a.InspectorKeys.Count > 0))
        {
            var subject = announced.SubjectRefs[a.SubjectKey];
            var task = new InspectionTask(Guid.CreateVersion7(), plan.BodyId, body.Name, plan.Id, draw.Id, subject.Id, subject.Name, subject.Code, false, on, now, db.Actor.ActorName);
            foreach (var key in a.InspectorKeys)
                task.Officers.Add(new InspectionOfficer(task.Id, announced.InspectorRefs[key].Id, announced.InspectorRefs[key].Name, announced.InspectorRefs[key].Code));
            foreach (var item in items)
                task.Items.Add(new InspectionItem(Guid.CreateVersion7(), task.Id, item.Id, item.Code, item.Name, item.Basis));
            db.InspectionTasks.Add(task);
        }
        await db.SaveChangesAsync(ct);
        return View(draw);
    }

    /// <summary>A re-draw: refused once a visit of the draw was filed; its planned tasks are cancelled and a new draw announced with the reason, both kept.</summary>
    public async Task<Result<DrawView>> RedrawAsync(Guid drawId, RedrawRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var draw = await db.InspectionDraws.FirstOrDefaultAsync(d => d.Id == drawId, ct);
        if (draw is null || await db.ActOnAsync(db.Bodies.AsNoTracking(), draw.BodyId, InspectionPermissions.Plan, ct) is null)
            return InspectionErrors.DrawNotFound();
        if (string.IsNullOrWhiteSpace(request.Reason))
            return InspectionErrors.Required("reason");
        if (request.Version is { } v && v != draw.Version)
            return CommonErrors.StaleVersion();
        if (draw.State == DrawState.Superseded)
            return InspectionErrors.DrawNotAnnounced();
        var tasks = await db.InspectionTasks.Where(t => t.DrawId == drawId).ToListAsync(ct);
        if (tasks.Any(t => !InspectionWorkflow.Allows(t.State, InspectionAction.Cancel)))
            return InspectionErrors.DrawHasVisits();
        var plan = await db.InspectionPlans.AsNoTracking().FirstAsync(p => p.Id == draw.PlanId, ct);
        var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == plan.BodyId, ct);
        var count = await db.InspectionDraws.CountAsync(d => d.PlanId == plan.Id, ct);
        var next = await NewDrawAsync(plan, body, count + 1, request.Reason.Trim(), ct);
        if (!next.IsSuccess)
            return next.Error!;
        draw.Supersede(request.Reason.Trim(), clock.GetUtcNow().UtcDateTime);
        foreach (var t in tasks)
            InspectionWorkflow.Apply(t, InspectionAction.Cancel);
        db.InspectionDraws.Add(next.Value);
        await db.SaveChangesAsync(ct);
        return View(next.Value);
    }

    /// <summary>Declares an inspector's relationship with a subject: the inspector is never drawn for it.</summary>
    public async Task<Result<Guid>> DeclareConflictAsync(ConflictRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationBuilder();
        var officer = request.OfficerId is { } o ? await personnel.OfficerAsync(o, ct) : (Result<OfficerDetail>?)null;
        if (officer is not { IsSuccess: true })
            errors.Add(InspectionErrors.UnknownOfficer("officerId"));
        var party = request.PartyId is { } p ? await parties.GetAsync(p, ct) : (Result<PartyView>?)null;
        if (party is not { IsSuccess: true })
            errors.Add(InspectionErrors.UnknownParty());
        if (string.IsNullOrWhiteSpace(request.Reason))
            errors.Add(InspectionErrors.Required("reason"));
        if (errors.Build() is { } invalid)
            return invalid;
        var bodyId = officer!.Value.Value.Officer.BodyId;
        if (await db.ActOnAsync(db.Bodies.AsNoTracking(), bodyId, InspectionPermissions.Handle, ct) is null)
            return InspectionErrors.BodyNotFound();
        var existing = await db.InspectionConflicts.FirstOrDefaultAsync(c => c.OfficerId == request.OfficerId && c.PartyId == request.PartyId, ct);
        if (existing is not null)
            return existing.Id;
        var conflict = new InspectionConflict(Guid.CreateVersion7(), bodyId, request.OfficerId!.Value, request.PartyId!.Value, request.Reason!.Trim(),
            clock.GetUtcNow().UtcDateTime, db.Actor.ActorName);
        db.InspectionConflicts.Add(conflict);
        await db.SaveChangesAsync(ct);
        return conflict.Id;
    }

    private async Task<AnnouncedDraw> InputsAsync(InspectionPlan plan, EnforcementBody body, CancellationToken ct)
    {
        // The subject list as published (一单两库): the enterprises and organisations on the body's branch of the region tree
        // (not natural persons), with their grade — the same whoever announces the draw.
        var subjects = string.IsNullOrEmpty(body.RegionPath) ? [] : await parties.AllSubjectsOnBranchAsync(body.RegionPath, ct);
        var subjectRefs = new Dictionary<string, KeyRef>(StringComparer.Ordinal);
        foreach (var p in subjects)
            subjectRefs[p.Key] = new KeyRef(p.Id, p.Name, p.CreditCode);
        // The inspector list: the body's officers who may act in its field on the day of the draw, or the plan's first if later (XZCF-42).
        var on = plan.StartsOn > clock.Today() ? plan.StartsOn : clock.Today();
        var inspectorRefs = new Dictionary<string, KeyRef>(StringComparer.Ordinal);
        foreach (var o in await personnel.EligibleInspectorsAsync(body.Id, body.Sector, on, ct))
            inspectorRefs[o.CertificateNumber] = new KeyRef(o.OfficerId, o.FullName, o.CertificateNumber);
        var byParty = subjectRefs.ToDictionary(s => s.Value.Id, s => s.Key);
        var byOfficer = inspectorRefs.ToDictionary(s => s.Value.Id, s => s.Key);
        var partyIds = byParty.Keys.ToList();
        var conflicts = (await db.InspectionConflicts.AsNoTracking().Where(c => c.BodyId == body.Id).Select(c => new { c.OfficerId, c.PartyId }).ToListAsync(ct))
            .Where(c => byParty.ContainsKey(c.PartyId) && byOfficer.ContainsKey(c.OfficerId))
            .Select(c => new DrawExclusion(byOfficer[c.OfficerId], byParty[c.PartyId])).ToList();
        // Not sent to the same subject twice in a row: each subject's last inspectors at this body (of an inspection filed or
        // visited: a drawn inspection never carried out sent nobody). A conflict is absolute; the rotation is kept where the
        // body has inspectors enough for it, and where it has not (three inspectors, two to a visit), the subject is still
        // drawn rather than the whole draw refused. The exclusions applied are the ones published with the draw.
        var last = await db.InspectionTasks.AsNoTracking().Where(t => t.BodyId == body.Id && t.State != InspectionState.Cancelled && partyIds.Contains(t.PartyId)
                && (t.FiledAt != null || t.VisitedOn != null))
            .Select(t => new { t.PartyId, t.PlannedOn, t.CreatedAt, Officers = t.Officers.Select(o => o.OfficerId).ToList() }).ToListAsync(ct);
        var conflicted = conflicts.GroupBy(c => c.SubjectKey).ToDictionary(g => g.Key, g => g.Select(c => c.InspectorKey).ToHashSet(StringComparer.Ordinal));
        var noConflict = new HashSet<string>(StringComparer.Ordinal);
        HashSet<string> Conflicted(string subject) => conflicted.GetValueOrDefault(subject) ?? noConflict;
        var previous = last.GroupBy(t => t.PartyId).Select(g => g.OrderBy(t => t.PlannedOn).ThenBy(t => t.CreatedAt).Last())
            .Select(t => (Subject: byParty[t.PartyId], Inspectors: t.Officers.Where(byOfficer.ContainsKey).Select(o => byOfficer[o])
                .Where(k => !Conflicted(byParty[t.PartyId]).Contains(k)).Distinct().ToList()))
            .Where(p => inspectorRefs.Count - Conflicted(p.Subject).Count - p.Inspectors.Count >= rules.InspectorsPerSubject)
            .SelectMany(p => p.Inspectors.Select(k => new DrawExclusion(k, p.Subject))).ToList();
        return new AnnouncedDraw(
            [.. subjects.Select(p => new DrawSubject(p.Key, p.CreditGrade?.ToString() ?? ""))],
            [.. inspectorRefs.Keys.Select(k => new DrawInspector(k))],
            new Dictionary<string, decimal>(plan.Ratios), rules.InspectorsPerSubject, plan.KeyItems, conflicts, previous, subjectRefs, inspectorRefs);
    }

    internal sealed record ItemSnapshot(Guid Id, string Code, string Name, string Basis);

    internal async Task<List<ItemSnapshot>> ItemsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var items = new List<ItemSnapshot>();
        foreach (var id in ids)
            if (await catalogue.GetAsync(id, ct) is { IsSuccess: true } found)
            {
                var version = found.Value.InForce ?? found.Value.Current;
                items.Add(new ItemSnapshot(id, found.Value.Code, version.Name, string.Join("；", version.Bases.Select(b => $"《{b.LawName}》{b.Article}{b.Clause}"))));
            }
        return items;
    }

    private async Task<Dictionary<Guid, string>> BodyNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Bodies.Unscoped("a body's name is public").Where(b => list.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
    }

    private static PlanView View(InspectionPlan p, string bodyName, IEnumerable<InspectionDraw> draws) =>
        new(p.Id, p.BodyId, bodyName, p.Year, p.Name, p.StartsOn, p.EndsOn, p.KeyItems, p.Ratios, p.ItemIds, [.. draws.OrderBy(d => d.Sequence).Select(View)], p.Version);

    internal static DrawView View(InspectionDraw d)
    {
        var announced = JsonSerializer.Deserialize<AnnouncedDraw>(d.InputsJson, Json)!;
        var result = new List<DrawnSubject>();
        if (d.PublishedJson is { } json)
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var a in doc.RootElement.GetProperty("assignments").EnumerateArray())
            {
                var key = a.GetProperty("subjectKey").GetString()!;
                result.Add(new DrawnSubject(a.GetProperty("order").GetInt32(), key, announced.SubjectRefs.GetValueOrDefault(key)?.Name ?? key,
                    [.. a.GetProperty("inspectorKeys").EnumerateArray().Select(k => announced.InspectorRefs.GetValueOrDefault(k.GetString()!)?.Name ?? k.GetString()!)]));
            }
        }
        return new DrawView(d.Id, d.PlanId, d.Sequence, d.State, d.Commitment, d.SubjectsHash, d.InspectorsHash, d.InputsHash, announced.Subjects.Count,
            announced.Inspectors.Count, d.AnnouncedAt, d.AnnouncedByName, d.SupervisorName, d.DrawnAt, d.ResultHash, result, d.Reason, d.SupersededReason, d.Version);
    }
}
