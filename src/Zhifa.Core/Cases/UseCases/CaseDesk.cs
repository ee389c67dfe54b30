using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Discretion;
using Zhifa.Core.Organizations;
using Zhifa.Core.Parties;

namespace Zhifa.Core.Cases.UseCases;

/// <summary>A lead to register (案源登记): the body that will decide (default: the caller's own), where it came from, the party, the act.</summary>
public sealed record RegisterLeadRequest(
    Guid? BodyId, LeadSource? Source, Guid? PartyId, [MaxLength(PenaltyCase.MaxTitle)] string? Title, [MaxLength(PenaltyCase.MaxText)] string? Facts,
    DateOnly? ActOn, DateOnly? DiscoveredOn, bool SeriousHarm = false, Guid? ItemId = null, [MaxLength(CaseActionRequest.MaxOfficers)] IReadOnlyList<Guid>? OfficerIds = null);

/// <summary>
/// An on-the-spot decision (简易程序, XZCF-51/52): the pre-numbered form, the party, the act, a warning or a small fine,
/// and optionally the fine collected there and then (XZCF-68) with its receipt number.
/// </summary>
public sealed record OnSpotRequest(
    Guid? PartyId, [MaxLength(60)] string? FormNumber, [MaxLength(PenaltyCase.MaxTitle)] string? Title, [MaxLength(PenaltyCase.MaxText)] string? Facts,
    [MaxLength(CaseActionRequest.MaxKinds)] IReadOnlyList<PenaltyKind>? PenaltyKinds, [Range(0, Money.MaxAmount)] decimal? FineAmount, Guid? ItemId = null,
    [Range(0, Money.MaxAmount)] decimal? CollectedAmount = null, [MaxLength(CaseActionRequest.MaxReference)] string? ReceiptNumber = null);

/// <summary>The case use cases: registering a lead or an on-the-spot decision, and taking any step of the table.</summary>
public sealed class CaseDesk(CaseContext ctx, PartyDirectory parties, DiscretionQueries discretion, IEnumerable<ICaseRecordings> recordings)
{
    private ZhifaDbContext Db => ctx.Db;

    public async Task<Result<Guid>> RegisterLeadAsync(RegisterLeadRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationBuilder();
        var bodyId = request.BodyId ?? await discretion.OwnAgencyAsync(ct);
        Organization? body = bodyId is { } b ? await Db.ActOnAsync(Db.Organizations, b, CasePermissions.Handle, ct) : null;
        if (body is null || body.Kind != OrganizationKind.Body)
            errors.Add(CaseErrors.UnknownBody());
        if (request.Source is null)
            errors.Add(CommonErrors.FieldRequired("source"));
        var party = request.PartyId is { } p ? await parties.FindAsync(p, ct) : null;
        if (party is null)
            errors.Add(request.PartyId is null ? CommonErrors.FieldRequired("partyId") : CaseErrors.UnknownParty());
        if (string.IsNullOrWhiteSpace(request.Title))
            errors.Add(CommonErrors.FieldRequired("title"));
        if (string.IsNullOrWhiteSpace(request.Facts))
            errors.Add(CommonErrors.FieldRequired("facts"));
        if (request.ActOn is null)
            errors.Add(CommonErrors.FieldRequired("actOn"));
        var discovered = request.DiscoveredOn ?? ctx.Today;
        if (discovered > ctx.Today)
            errors.Add(CaseErrors.DayInFuture("discoveredOn"));
        if (request.ActOn is { } act && act > discovered)
            errors.Add(CaseErrors.DiscoveredBeforeAct());
        if (errors.Build() is { } invalid)
            return invalid;

        var c = new PenaltyCase(Guid.CreateVersion7(ctx.Now), body!.Id, CaseProcedure.General, CaseState.Lead, request.Source!.Value, party!.Id, party.Name,
            party.Kind != PartyKind.NaturalPerson, request.ItemId, request.Title!.Trim(), request.Facts!.Trim(), request.ActOn!.Value, discovered, request.SeriousHarm,
            ctx.Today, ctx.ActorId ?? Guid.Empty, ctx.Now);
        var step = await ctx.StepContextAsync(c.BodyId, null, false, null, ct);
        CaseEngine.Start(c, DeadlineKind.OpeningDecision, discovered, step);
        c.Events.Add(new CaseEvent(CaseAction.Register, CaseState.Lead, CaseState.Lead, discovered, ctx.Now, ctx.ActorId, ctx.ActorName, null, DocumentKind.LeadRegistration, null));
        Db.Cases.Add(c);
        await Db.SaveChangesAsync(ct);
        return c.Id;
    }

    public async Task<Result<Guid>> RecordOnSpotAsync(OnSpotRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Db.Actor.Access?.OfficerId is not { } officerId)
            return CaseErrors.NotAnOfficer();
        var errors = new ValidationBuilder();
        var bodyId = await discretion.OwnAgencyAsync(ct);
        Organization? body = bodyId is { } b ? await Db.ActOnAsync(Db.Organizations, b, CasePermissions.Handle, ct) : null;
        if (body is null)
            errors.Add(CaseErrors.UnknownBody());
        var party = request.PartyId is { } p ? await parties.FindAsync(p, ct) : null;
        if (party is null)
            errors.Add(request.PartyId is null ? CommonErrors.FieldRequired("partyId") : CaseErrors.UnknownParty());
        if (string.IsNullOrWhiteSpace(request.FormNumber))
            errors.Add(CommonErrors.FieldRequired("formNumber"));
        else if (body is not null && await Db.Cases.Unscoped("a form number is unique in its body whoever used it").AnyAsync(c => c.BodyId == body.Id && c.OnSpotFormNumber == request.FormNumber.Trim(), ct))
            errors.Add(CaseErrors.FormNumberTaken());
        if (string.IsNullOrWhiteSpace(request.Title))
            errors.Add(CommonErrors.FieldRequired("title"));
        if (string.IsNullOrWhiteSpace(request.Facts))
            errors.Add(CommonErrors.FieldRequired("facts"));
        var kinds = (request.PenaltyKinds ?? []).Distinct().ToList();
        if (kinds.Count == 0)
            errors.Add(CommonErrors.FieldRequired("penaltyKinds"));
        if (kinds.Contains(PenaltyKind.Fine) && request.FineAmount is not > 0)
            errors.Add(CommonErrors.FieldRequired("fineAmount"));
        if (request.CollectedAmount is > 0 && string.IsNullOrWhiteSpace(request.ReceiptNumber))
            errors.Add(CommonErrors.FieldRequired("receiptNumber"));
        if (errors.Build() is { } invalid)
            return invalid;
        var rules = await ctx.RulesForAsync(body!.Id, ct);
        var organization = party!.Kind != PartyKind.NaturalPerson;
        if (CaseEngine.SimpleProcedureRefusal(kinds, request.FineAmount, organization, rules) is { } refused)
            return refused;
        // The officer deciding on the spot holds a valid certificate for the body and its field today (XZCF-42, ZFRY-CERT).
        var team = await ctx.TeamAsync([officerId], body.Id, ctx.Today, ct);
        if (team is null || team.Count == 0)
            return CaseErrors.NotAnOfficer();
        if (team[0] is { Eligible: false } me)
            return CaseErrors.OfficerNotEligible(me.Name, me.ReasonCode ?? "", me.RuleId ?? "ZFRY-CERT");

        var c = new PenaltyCase(Guid.CreateVersion7(ctx.Now), body.Id, CaseProcedure.Simple, CaseState.OnSpotDecided, LeadSource.OwnDiscovery, party.Id, party.Name,
            organization, request.ItemId, request.Title!.Trim(), request.Facts!.Trim(), ctx.Today, ctx.Today, false, ctx.Today, ctx.ActorId ?? Guid.Empty, ctx.Now)
        {
            DecidedOn = ctx.Today,
            DecidedKinds = kinds,
            DecidedFine = kinds.Contains(PenaltyKind.Fine) ? request.FineAmount : null,
            ServedOn = ctx.Today,
            ServiceMethod = Cases.ServiceMethod.InPerson,
            OnSpotFormNumber = request.FormNumber!.Trim(),
            DecisionNumber = request.FormNumber!.Trim(),
        };
        c.Officers.Add(new CaseOfficer(officerId, team[0].Name, ctx.Today));
        var step = await ctx.StepContextAsync(c.BodyId, team, false, null, ct);
        CaseEngine.Start(c, DeadlineKind.Filing, ctx.Today, step);
        if (c.Outstanding > 0)
            c.PaymentDueOn = step.Calendar.AddCalendarDays(ctx.Today, rules.PaymentDays).Date;
        c.Events.Add(new CaseEvent(CaseAction.Decide, CaseState.OnSpotDecided, CaseState.OnSpotDecided, ctx.Today, ctx.Now, ctx.ActorId, ctx.ActorName, null,
            DocumentKind.OnSpotDecision, c.OnSpotFormNumber));
        if (request.CollectedAmount is > 0)
        {
            var collected = CaseEngine.Apply(c, CaseAction.CollectOnSpot, new CaseActionRequest(Amount: request.CollectedAmount, Reference: request.ReceiptNumber), step);
            if (!collected.IsSuccess)
                return collected.Error!;
        }
        Settle(c, step);
        Db.Cases.Add(c);
        await Db.SaveChangesAsync(ct);
        return c.Id;
    }

    /// <summary>
    /// Takes <paramref name="action"/> on the case: the table names the permission (the case is found only where the caller
    /// holds it: else 404), the engine refuses what the law forbids, numbers are issued in the same transaction.
    /// </summary>
    public async Task<Result<Guid>> ActAsync(Guid caseId, CaseAction action, CaseActionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CaseWorkflow.Table.PermissionOf(action) is not { } permission)
            return CaseErrors.CaseNotFound();
        var c = await LoadAsync(caseId, permission, ct);
        if (c is null)
            return CaseErrors.CaseNotFound();
        if (CaseWorkflow.Find(c.State, action) is null)
            return CaseEngine.OutOfOrder(c.State, action);

        var on = request.On ?? ctx.Today;
        IReadOnlyList<TeamMember>? team = null;
        if (action == CaseAction.AssignOfficers)
        {
            team = await ctx.TeamAsync(request.OfficerIds ?? [], c.BodyId, on, ct);
            if (team is null)
                return CaseErrors.UnknownOfficer("officerIds");
        }
        else if (action is CaseAction.RegisterEvidence or CaseAction.Conclude or CaseAction.TakeMeasure)
            team = await ctx.TeamAsync(c.Officers.Select(o => o.OfficerId), c.BodyId, on, ct) ?? [];
        var qualified = action == CaseAction.PassLegalReview && await ctx.ActorLegallyQualifiedAsync(ct);
        ProposalCheck? check = null;
        if (action is CaseAction.Conclude or CaseAction.Decide)
        {
            var checkedProposal = await CheckAsync(c, action, request, on, ct);
            if (!checkedProposal.IsSuccess)
                return checkedProposal.Error!;
            check = checkedProposal.Value;
        }
        var step = await ctx.StepContextAsync(c.BodyId, team, qualified, check, ct);
        if (action == CaseAction.Serve && request.ServiceMethod == ServiceMethod.Electronic)
        {
            // XZCF-61: the party's recorded 送达地址确认书 with its consent, signed by the day of service.
            step = step with
            {
                ElectronicConsentRecorded = await Db.Set<ServiceAddress>().AnyAsync(s => s.CaseId == c.Id && s.ElectronicConsent && s.SignedOn <= on, ct),
            };
        }
        if (action == CaseAction.TakeMeasure)
        {
            // SXZD-AV: the measure's audio-video record, attached since the case's last measure was taken.
            var since = c.Events.Where(e => e.Action == CaseAction.TakeMeasure).Select(e => (DateTime?)e.At).Max();
            var recorded = false;
            foreach (var r in recordings)
                recorded |= await r.AudioVideoRecordedAsync(c.Id, CaseAction.TakeMeasure, since, ct);
            step = step with { AudioVideoRecorded = recorded };
        }
        var applied = CaseEngine.Apply(c, action, request, step);
        if (!applied.IsSuccess)
            return applied.Error!;
        Settle(c, step);

        await Db.InTransactionAsync(async () =>
        {
            if (DocumentNumbering.Numbered(action, applied.Value.Document))
            {
                var number = applied.Value.DocumentNumber = await ctx.NextNumberAsync(c.BodyId, applied.Value.Document!.Value, on.Year, ct);
                if (action == CaseAction.Open)
                    c.CaseNumber = number;
                else if (action == CaseAction.Decide)
                    c.DecisionNumber = number;
            }
            await Db.SaveChangesAsync(ct);
        }, ct);
        return c.Id;
    }

    /// <summary>When nothing is left to pay, the system moves a paying case to executed (its only system step).</summary>
    private static void Settle(PenaltyCase c, CaseStepContext step)
    {
        if (c.Outstanding <= 0 && CaseWorkflow.Find(c.State, CaseAction.Settle) is not null && (c.DecidedFine is not null || c.Procedure == CaseProcedure.Simple))
            CaseEngine.Apply(c, CaseAction.Settle, new CaseActionRequest(), step);
    }

    private async Task<Result<ProposalCheck?>> CheckAsync(PenaltyCase c, CaseAction action, CaseActionRequest r, DateOnly on, CancellationToken ct)
    {
        var kinds = action == CaseAction.Decide ? r.PenaltyKinds ?? c.NoticedKinds : r.PenaltyKinds ?? [];
        var itemId = r.ItemId ?? c.ItemId;
        if (kinds.Count == 0 || itemId is null)
            return (ProposalCheck?)null;
        var fine = kinds.Contains(PenaltyKind.Fine) ? (action == CaseAction.Decide ? r.FineAmount ?? c.NoticedFine : r.FineAmount) : null;
        var circumstances = action == CaseAction.Decide ? c.Circumstances : r.Circumstances ?? Circumstances.None;
        var result = await discretion.CheckAsync(new CheckRequest(itemId.Value, [.. kinds], fine, circumstances,
            action == CaseAction.Decide ? c.IllegalGain : r.IllegalGain, action == CaseAction.Decide ? c.GoodsValue : r.GoodsValue, c.BodyId, c.ActOn,
            action == CaseAction.Decide ? c.BaseAmount : r.BaseAmount, action == CaseAction.Decide ? c.Quantity : r.Quantity), ct);
        if (!result.IsSuccess)
            return result.Error!;
        var v = result.Value;
        return new ProposalCheck(v.WithinBenchmark, v.Tier, v.ReasonCodes, v.Calculation.Explanation);
    }

    private Task<PenaltyCase?> LoadAsync(Guid id, string permission, CancellationToken ct) =>
        Db.ActOnAsync(Db.Cases.Include(c => c.Officers).Include(c => c.Stops).Include(c => c.Deadlines).Include(c => c.Events).Include(c => c.Payments).Include(c => c.Measures).AsSplitQuery(),
            id, c => c.BodyId, Db.Organizations, permission, ct);
}
