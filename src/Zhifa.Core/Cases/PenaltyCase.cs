using Zhifa.Core.Calendar;
using Zhifa.Core.Common;
using Zhifa.Core.Discretion;

namespace Zhifa.Core.Cases;

/// <summary>
/// A penalty case (行政处罚案件) from the lead to the archive. Its state moves only through <see cref="CaseEngine"/>,
/// which reads <see cref="CaseWorkflow"/>; every step is an event of its timeline and every clock a
/// <see cref="CaseDeadline"/> row.
/// </summary>
public sealed class PenaltyCase : IVersioned, IHasOrganization, IEntityWithId
{
    public const int MaxText = 4000;
    public const int MaxTitle = 200;

    private PenaltyCase()
    {
    }

    public PenaltyCase(Guid id, Guid bodyId, CaseProcedure procedure, CaseState state, LeadSource source, Guid partyId, string partyName,
        bool partyIsOrganization, Guid? itemId, string title, string facts, DateOnly actOn, DateOnly discoveredOn, bool seriousHarm,
        DateOnly registeredOn, Guid registeredById, DateTime now)
    {
        Id = id;
        BodyId = bodyId;
        Procedure = procedure;
        State = state;
        Source = source;
        PartyId = partyId;
        PartyName = partyName;
        PartyIsOrganization = partyIsOrganization;
        ItemId = itemId;
        Title = title;
        Facts = facts;
        ActOn = actOn;
        DiscoveredOn = discoveredOn;
        SeriousHarm = seriousHarm;
        RegisteredOn = registeredOn;
        RegisteredById = registeredById;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public int Version { get; private set; }

    /// <summary>The deciding body (执法主体): scope and numbering follow it.</summary>
    public Guid BodyId { get; private set; }

    Guid? IHasOrganization.OrganizationId => BodyId;

    public CaseProcedure Procedure { get; private set; }
    public CaseState State { get; internal set; }
    public LeadSource Source { get; private set; }

    /// <summary>The party from the party registry, and its name when registered (the record of the case keeps it).</summary>
    public Guid PartyId { get; private set; }
    public string PartyName { get; private set; } = "";
    public bool PartyIsOrganization { get; private set; }

    /// <summary>The catalogue item (行政处罚事项) the act falls under, when known.</summary>
    public Guid? ItemId { get; internal set; }

    /// <summary>案由 and the facts as found.</summary>
    public string Title { get; private set; } = "";
    public string Facts { get; internal set; } = "";

    /// <summary>XZCF-36: the day of the act (or its end when continuing), the day it was discovered, and whether life, health or financial security was harmed.</summary>
    public DateOnly ActOn { get; private set; }
    public DateOnly DiscoveredOn { get; private set; }
    public bool SeriousHarm { get; private set; }

    public DateOnly RegisteredOn { get; private set; }
    public Guid RegisteredById { get; private set; }

    /// <summary>立案 number (per body, year and kind; gap-free) and the decision's number.</summary>
    public string? CaseNumber { get; internal set; }
    public string? DecisionNumber { get; internal set; }
    public DateOnly? OpenedOn { get; internal set; }
    public bool OpeningExtended { get; internal set; }
    public int DecisionExtensions { get; internal set; }

    /// <summary>重大复杂: needs legal review (XZCF-58) and collective discussion (XZCF-57).</summary>
    public bool Complex { get; internal set; }

    /// <summary>涉嫌犯罪: no penalty instead of the transfer (YSGD-11) until the police decline.</summary>
    public bool CrimeSuspected { get; internal set; }
    public bool PoliceDeclined { get; internal set; }

    // The proposal of the investigation report, checked against the benchmark (CLJZ-*).
    public List<PenaltyKind> ProposedKinds { get; internal set; } = [];
    public decimal? ProposedFine { get; internal set; }
    public Circumstances Circumstances { get; internal set; }
    public decimal? IllegalGain { get; internal set; }
    public decimal? GoodsValue { get; internal set; }
    public decimal? BaseAmount { get; internal set; }
    public decimal? Quantity { get; internal set; }
    public DiscretionTier? Tier { get; internal set; }
    public bool? WithinBenchmark { get; internal set; }
    public List<string> DeviationReasons { get; internal set; } = [];
    public string? Explanation { get; internal set; }

    public bool ReviewRequired { get; internal set; }
    public DateOnly? ReviewPassedOn { get; internal set; }
    public Guid? ReviewerId { get; internal set; }
    public DateOnly? DiscussedOn { get; internal set; }
    public DateOnly? DeviationApprovedOn { get; internal set; }

    // Prior notice, statement, hearing.
    public DateOnly? NoticedOn { get; internal set; }
    public List<PenaltyKind> NoticedKinds { get; internal set; } = [];
    public decimal? NoticedFine { get; internal set; }
    public bool HearingRight { get; internal set; }
    public bool PartyStated { get; internal set; }
    public DateOnly? HearingRequestedOn { get; internal set; }
    public DateOnly? HearingDate { get; internal set; }
    public Guid? PresidingOfficerId { get; internal set; }
    public DateOnly? HeardOn { get; internal set; }

    // The decision.
    public DateOnly? DecidedOn { get; internal set; }
    public List<PenaltyKind> DecidedKinds { get; internal set; } = [];
    public decimal? DecidedFine { get; internal set; }
    public string? NoPenaltyReason { get; internal set; }
    public bool FirstViolation { get; internal set; }

    // Service and payment.
    public DateOnly? ServedOn { get; internal set; }
    public ServiceMethod? ServiceMethod { get; internal set; }
    public DateOnly? PaymentDueOn { get; internal set; }

    /// <summary>分期缴纳 (XZCF-66): the approved instalments, and what had been paid before the plan (not part of it).</summary>
    public List<Instalment> Instalments { get; internal set; } = [];
    public decimal InstalmentBase { get; internal set; }
    public decimal Paid { get; internal set; }
    public DateOnly? DemandedOn { get; internal set; }
    public DateOnly? CourtAppliedOn { get; internal set; }

    /// <summary>Reconsideration or litigation: no surcharge accrues (XZCF-72).</summary>
    public List<ClockStop> SurchargeStops { get; internal set; } = [];
    public DateOnly? ReviewSince { get; internal set; }

    // The simple procedure.
    public string? OnSpotFormNumber { get; internal set; }
    public decimal CashPending { get; internal set; }

    public DateOnly? ClosedOn { get; internal set; }
    public string? ClosingReason { get; internal set; }
    public DateOnly? ArchivedOn { get; internal set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; internal set; }

    public List<CaseOfficer> Officers { get; private set; } = [];
    public List<CaseClockStop> Stops { get; private set; } = [];
    public List<CaseDeadline> Deadlines { get; private set; } = [];
    public List<CaseEvent> Events { get; private set; } = [];
    public List<CasePayment> Payments { get; private set; } = [];
    public List<CaseMeasure> Measures { get; private set; } = [];

    /// <summary>The seal-up or seizure in force (taken, not yet released), if any: one at a time, its inventory lists everything it holds.</summary>
    public CaseMeasure? MeasureInForce => Measures.FirstOrDefault(m => m.TakenOn is not null && m.EndedOn is null);

    /// <summary>A measure the head approved that has not been taken yet (XZQZ-18).</summary>
    public CaseMeasure? MeasureApproved => Measures.FirstOrDefault(m => m.TakenOn is null && m.EndedOn is null && m.ApprovedOn is not null);

    /// <summary>XZQZ-25: the seal-up's or seizure's period excludes the days of testing (检测、检验、检疫、鉴定).</summary>
    public IReadOnlyList<ClockStop> TestingStops(DateOnly today) =>
        [.. Stops.Where(s => s.Reason == StopReason.Testing).Select(s => new ClockStop(s.From, s.To ?? today))];

    /// <summary>The fine still to pay (the decision's, less what was paid); 0 without a fine.</summary>
    public decimal Outstanding => Math.Max(0, (DecidedFine ?? 0) - Paid);

    /// <summary>The decision clock's stopped days (hearing, testing, suspension …), a running stop counted to <paramref name="today"/>.</summary>
    public IReadOnlyList<ClockStop> DecisionStops(DateOnly today) =>
        [.. Stops.Select(s => new ClockStop(s.From, s.To ?? today))];

    public CaseClockStop? RunningStop => Stops.FirstOrDefault(s => s.To is null);

    public CaseDeadline? OpenDeadline(DeadlineKind kind) =>
        Deadlines.Where(d => d.Kind == kind && d.Status == DeadlineStatus.Open).OrderBy(d => d.DueOn).FirstOrDefault();
}

/// <summary>An officer on the case team (XZCF-42), with the name as it was.</summary>
public sealed class CaseOfficer
{
    private CaseOfficer()
    {
    }

    public CaseOfficer(Guid officerId, string name, DateOnly since)
    {
        OfficerId = officerId;
        Name = name;
        Since = since;
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid OfficerId { get; private set; }
    public string Name { get; private set; } = "";
    public DateOnly Since { get; private set; }
}

/// <summary>A stop of the decision clock (XZCF-60): its reason, first and last day, and the record behind it.</summary>
public sealed class CaseClockStop
{
    private CaseClockStop()
    {
    }

    public CaseClockStop(StopReason reason, DateOnly from, string? note)
    {
        Reason = reason;
        From = from;
        Note = note;
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public StopReason Reason { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; internal set; }
    public string? Note { get; private set; }
}

/// <summary>
/// A coercive measure inside the case (行政强制措施): seal-up or seizure of what <see cref="Items"/> lists, approved by the
/// head before (XZQZ-18) or within 24 hours after an emergency (XZQZ-19), its inventory in two copies (XZQZ-24), in force
/// 30 days with one extension of 30 (XZQZ-25), then released or disposed of.
/// </summary>
public sealed class CaseMeasure
{
    public const int MaxItems = 2000;

    private CaseMeasure()
    {
    }

    public CaseMeasure(MeasureKind kind, string items, bool emergency)
    {
        Kind = kind;
        Items = items;
        Emergency = emergency;
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public MeasureKind Kind { get; private set; }

    /// <summary>What is sealed or seized (the inventory's lines, in words).</summary>
    public string Items { get; private set; } = "";
    public bool Emergency { get; private set; }
    public DateOnly? ApprovedOn { get; internal set; }
    public Guid? ApprovedById { get; internal set; }
    public DateOnly? TakenOn { get; internal set; }
    public DateTime? TakenAt { get; internal set; }
    public int InventoryCopies { get; internal set; }
    public bool Extended { get; internal set; }
    public DateOnly? EndedOn { get; internal set; }
    public MeasureOutcome? Outcome { get; internal set; }
}

/// <summary>An instalment of an approved plan (XZCF-66): the day it falls due and its amount.</summary>
public sealed record Instalment(DateOnly DueOn, [property: System.ComponentModel.DataAnnotations.Range(0, Money.MaxAmount)] decimal Amount);

/// <summary>One step of the timeline: who did what when, from which state to which, and the document it produced.</summary>
public sealed class CaseEvent
{
    private CaseEvent()
    {
    }

    public CaseEvent(CaseAction action, CaseState from, CaseState to, DateOnly on, DateTime at, Guid? actorId, string actorName, string? note,
        DocumentKind? document, string? documentNumber)
    {
        Action = action;
        From = from;
        To = to;
        On = on;
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Note = note;
        Document = document;
        DocumentNumber = documentNumber;
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public CaseAction Action { get; private set; }
    public CaseState From { get; private set; }
    public CaseState To { get; private set; }
    public DateOnly On { get; private set; }
    public DateTime At { get; private set; }
    public Guid? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public string? Note { get; private set; }
    public DocumentKind? Document { get; private set; }
    public string? DocumentNumber { get; internal set; }
}

/// <summary>A payment recorded by the body (XZCF-67): the party pays the bank or electronically; on the spot only under XZCF-68.</summary>
public sealed class CasePayment
{
    private CasePayment()
    {
    }

    public CasePayment(DateOnly on, decimal amount, PaymentChannel channel, string? reference)
    {
        On = on;
        Amount = amount;
        Channel = channel;
        Reference = reference;
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public DateOnly On { get; private set; }
    public decimal Amount { get; private set; }
    public PaymentChannel Channel { get; private set; }
    public string? Reference { get; private set; }
}

/// <summary>
/// A clock of a case as a row (DESIGN.md "Time"): what it is for, its rule, when it started, when it is due, whether
/// that date is provisional (a year without an official schedule), and whether it was met. "Due soon" and "overdue"
/// are indexed queries over (Status, DueOn).
/// </summary>
public sealed class CaseDeadline : IHasOrganization
{
    private CaseDeadline()
    {
    }

    public CaseDeadline(Guid id, Guid caseId, Guid bodyId, DeadlineKind kind, string ruleId, DateOnly startedOn, DateOnly dueOn, DateTime? dueAt, bool workingDays, bool provisional)
    {
        Id = id;
        CaseId = caseId;
        BodyId = bodyId;
        Kind = kind;
        RuleId = ruleId;
        StartedOn = startedOn;
        DueOn = dueOn;
        DueAt = dueAt;
        WorkingDays = workingDays;
        Provisional = provisional;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid BodyId { get; private set; }

    Guid? IHasOrganization.OrganizationId => BodyId;

    public DeadlineKind Kind { get; private set; }
    public string RuleId { get; private set; } = "";
    public DateOnly StartedOn { get; private set; }
    public DateOnly DueOn { get; internal set; }

    /// <summary>For a clock counted in hours (YSGD-5's 24 hours): the instant, UTC.</summary>
    public DateTime? DueAt { get; internal set; }

    /// <summary>Whether days left are counted in working days (else calendar days).</summary>
    public bool WorkingDays { get; private set; }
    public bool Provisional { get; internal set; }
    public DeadlineStatus Status { get; internal set; }
    public DateOnly? ClosedOn { get; internal set; }

    /// <summary>The day the daily job reminded the case's people that it is due soon (XZCF-60's "warn before").</summary>
    public DateOnly? RemindedOn { get; internal set; }

    /// <summary>The day the daily job found it past due and still open, marked it overdue and told the case's people.</summary>
    public DateOnly? OverdueSince { get; internal set; }

    internal void Close(DateOnly on)
    {
        Status = on <= DueOn ? DeadlineStatus.Met : DeadlineStatus.Missed;
        ClosedOn = on;
    }
}
