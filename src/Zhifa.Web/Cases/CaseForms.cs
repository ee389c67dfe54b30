using System.Globalization;
using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Discretion;
using static Zhifa.Core.Cases.CaseAction;

namespace Zhifa.Web.Cases;

/// <summary>The fields a step's form may show; each maps to a field of <see cref="CaseActionRequest"/> (its error key in brackets).</summary>
public enum StepField
{
    /// <summary>The day the step took effect (on).</summary>
    On,
    /// <summary>A note for the record (note).</summary>
    Note,
    /// <summary>The same note, required by the engine (note).</summary>
    NoteRequired,
    /// <summary>Why: required (reason).</summary>
    Reason,
    /// <summary>Why, when the case is not executed (reason).</summary>
    ReasonOptional,
    /// <summary>The case's officers, several (officerIds).</summary>
    Officers,
    StopReason,
    Item,
    PenaltyKinds,
    Fine,
    Circumstances,
    Amounts,
    Complex,
    CrimeSuspected,
    HearingDate,
    PresidingOfficer,
    FirstViolation,
    ServiceMethod,
    Amount,
    Channel,
    Reference,
    Until,
    /// <summary>Taken in an emergency, to be approved within 24 hours (emergency, XZQZ-19).</summary>
    Emergency,
    /// <summary>Seal-up or seizure, and what it holds (measureKind, items).</summary>
    Measure,
    /// <summary>Copies of the inventory (inventoryCopies, XZQZ-24).</summary>
    InventoryCopies,
    /// <summary>Released, confiscated or destroyed (outcome).</summary>
    Outcome,
    /// <summary>An instalment plan, a line each: the day and the amount (instalments).</summary>
    Instalments,
}

/// <summary>
/// Which fields each step asks for (CaseEngine.Validate says what each requires). A step not named here asks for its
/// day and a note, so a new row of the table needs at most one entry.
/// </summary>
public static class StepForms
{
    private static readonly StepField[] Default = [StepField.On, StepField.Note];

    private static readonly Dictionary<CaseAction, StepField[]> Fields = new()
    {
        [AssignOfficers] = [StepField.On, StepField.Officers, StepField.Note],
        [RegisterEvidence] = [StepField.On, StepField.NoteRequired],
        [RecordStatement] = [StepField.On, StepField.NoteRequired],
        [RecordDiscussion] = [StepField.On, StepField.NoteRequired],
        [StopClock] = [StepField.On, StepField.StopReason, StepField.Note],
        [Conclude] = [StepField.On, StepField.Item, StepField.PenaltyKinds, StepField.Fine, StepField.Circumstances, StepField.Amounts, StepField.Complex,
            StepField.CrimeSuspected, StepField.Note],
        [ScheduleHearing] = [StepField.On, StepField.HearingDate, StepField.PresidingOfficer, StepField.Note],
        [Decide] = [StepField.On, StepField.PenaltyKinds, StepField.Fine, StepField.Note],
        [DecideNoPenalty] = [StepField.On, StepField.Reason, StepField.FirstViolation],
        [DeclineToOpen] = [StepField.On, StepField.Reason],
        [TransferJurisdiction] = [StepField.On, StepField.Reason],
        [Terminate] = [StepField.On, StepField.Reason],
        [Suspend] = [StepField.On, StepField.Reason],
        [Close] = [StepField.On, StepField.ReasonOptional],
        [Serve] = [StepField.On, StepField.ServiceMethod, StepField.Note],
        [RecordPayment] = [StepField.On, StepField.Amount, StepField.Channel, StepField.Reference],
        [CollectOnSpot] = [StepField.On, StepField.Amount, StepField.Reference],
        [ApproveDeferral] = [StepField.On, StepField.Until, StepField.Instalments, StepField.Note],
        [ApproveMeasure] = [StepField.On, StepField.Measure, StepField.Note],
        [TakeMeasure] = [StepField.On, StepField.Emergency, StepField.Measure, StepField.InventoryCopies, StepField.Note],
        [ReleaseMeasure] = [StepField.On, StepField.Outcome, StepField.Note],
    };

    public static IReadOnlyList<StepField> For(CaseAction action) => Fields.GetValueOrDefault(action, Default);

    /// <summary>The steps that change the case's course; the others are recorded along the way (the page's primary button is the first of these).</summary>
    public static bool Moves(CaseState state, CaseAction action) => CaseWorkflow.Find(state, action) is { } row && row.To != row.From;
}

/// <summary>A step's form as posted: text as typed, so that a refused post shows it again.</summary>
public sealed class StepForm
{
    // The form binder sets a list that was not posted (no box ticked) to null: it reads as empty.
    private List<string> _officerIds = [];
    private List<string> _penaltyKinds = [];
    private List<string> _circumstances = [];

    public string? Version { get; set; }
    public string? On { get; set; }
    public string? Note { get; set; }
    public string? Reason { get; set; }
    public List<string> OfficerIds
    {
        get => _officerIds;
        set => _officerIds = value ?? [];
    }
    public string? StopReason { get; set; }
    public string? ItemId { get; set; }
    public List<string> PenaltyKinds
    {
        get => _penaltyKinds;
        set => _penaltyKinds = value ?? [];
    }
    public string? FineAmount { get; set; }
    public List<string> Circumstances
    {
        get => _circumstances;
        set => _circumstances = value ?? [];
    }
    public string? IllegalGain { get; set; }
    public string? GoodsValue { get; set; }
    public bool Complex { get; set; }
    public bool CrimeSuspected { get; set; }
    public string? HearingDate { get; set; }
    public string? PresidingOfficerId { get; set; }
    public bool FirstViolation { get; set; }
    public string? ServiceMethod { get; set; }
    public string? Amount { get; set; }
    public string? Channel { get; set; }
    public string? Reference { get; set; }
    public string? Until { get; set; }
    public bool Emergency { get; set; }
    public string? MeasureKind { get; set; }
    public string? Items { get; set; }
    public string? InventoryCopies { get; set; }
    public string? Outcome { get; set; }
    public string? Instalments { get; set; }

    /// <summary>The request of <paramref name="action"/>: only the fields its form shows, so a field of another step never leaks in.</summary>
    public CaseActionRequest ToRequest(CaseAction action)
    {
        var f = StepForms.For(action).ToHashSet();
        bool Has(StepField x) => f.Contains(x);
        var kinds = Has(StepField.PenaltyKinds) ? PenaltyKinds.Select(Parse<PenaltyKind>).OfType<PenaltyKind>().ToList() : null;
        var circumstances = Circumstances.Select(Parse<Circumstances>).OfType<Circumstances>().Aggregate(Zhifa.Core.Discretion.Circumstances.None, (a, b) => a | b);
        return new CaseActionRequest(
            Version: ParseInt(Version),
            Note: Has(StepField.Note) || Has(StepField.NoteRequired) ? Text(Note) : null,
            On: Date(On),
            OfficerIds: Has(StepField.Officers) ? [.. OfficerIds.Select(ParseGuid).OfType<Guid>()] : null,
            StopReason: Has(StepField.StopReason) ? Parse<Core.Cases.StopReason>(StopReason) : null,
            ItemId: Has(StepField.Item) ? ParseGuid(ItemId) : null,
            PenaltyKinds: kinds is { Count: > 0 } || action == Conclude ? kinds : null,
            FineAmount: Has(StepField.Fine) ? Money(FineAmount) : null,
            Circumstances: Has(StepField.Circumstances) ? circumstances : null,
            IllegalGain: Has(StepField.Amounts) ? Money(IllegalGain) : null,
            GoodsValue: Has(StepField.Amounts) ? Money(GoodsValue) : null,
            Complex: Has(StepField.Complex) ? Complex : null,
            CrimeSuspected: Has(StepField.CrimeSuspected) ? CrimeSuspected : null,
            HearingDate: Has(StepField.HearingDate) ? Date(HearingDate) : null,
            PresidingOfficerId: Has(StepField.PresidingOfficer) ? ParseGuid(PresidingOfficerId) : null,
            Reason: Has(StepField.Reason) || Has(StepField.ReasonOptional) ? Text(Reason) : null,
            FirstViolation: Has(StepField.FirstViolation) ? FirstViolation : null,
            ServiceMethod: Has(StepField.ServiceMethod) ? Parse<Core.Cases.ServiceMethod>(ServiceMethod) : null,
            Amount: Has(StepField.Amount) ? Money(Amount) : null,
            Channel: Has(StepField.Channel) ? Parse<PaymentChannel>(Channel) : null,
            Reference: Has(StepField.Reference) ? Text(Reference) : null,
            Until: Has(StepField.Until) ? Date(Until) : null,
            MeasureKind: Has(StepField.Measure) ? Parse<MeasureKind>(MeasureKind) : null,
            Items: Has(StepField.Measure) ? Text(Items) : null,
            InventoryCopies: Has(StepField.InventoryCopies) ? ParseInt(InventoryCopies) : null,
            Emergency: Has(StepField.Emergency) ? Emergency : null,
            Outcome: Has(StepField.Outcome) ? Parse<MeasureOutcome>(Outcome) : null,
            Instalments: Has(StepField.Instalments) ? Plan(Instalments) : null);
    }

    /// <summary>The form of a step on the case: pre-filled with what the case already knows (nothing typed twice).</summary>
    public static StepForm Of(CaseDetail c, CaseAction action, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        var form = new StepForm { Version = c.Version.ToString(CultureInfo.InvariantCulture), On = Display.Date(today), ItemId = c.ItemId?.ToString() };
        switch (action)
        {
            case AssignOfficers:
                form.OfficerIds = [.. c.Officers.Select(o => o.OfficerId.ToString())];
                break;
            case Conclude:
                form.PenaltyKinds = [.. c.ProposedKinds.Select(k => k.ToString())];
                form.FineAmount = Amount2(c.ProposedFine);
                form.Complex = c.Complex;
                form.CrimeSuspected = c.CrimeSuspected;
                break;
            case Decide:
                form.PenaltyKinds = [.. c.ProposedKinds.Select(k => k.ToString())];
                form.FineAmount = Amount2(c.ProposedFine);
                break;
            case RecordPayment or CollectOnSpot:
                form.Amount = Amount2(c.Outstanding > 0 ? c.Outstanding : null);
                form.Channel = nameof(PaymentChannel.Bank);
                break;
            case Serve:
                form.ServiceMethod = nameof(Core.Cases.ServiceMethod.InPerson);
                break;
            case TakeMeasure:
                // The inventory is made in two copies (XZQZ-24): the usual answer, still the officer's to confirm.
                form.InventoryCopies = "2";
                break;
        }
        return form;
    }

    /// <summary>
    /// An instalment plan as typed, a line each ("2026-12-31 5000"); a line that is not a day and an amount reads as an
    /// instalment the engine refuses, so the form says so rather than dropping it.
    /// </summary>
    private static List<Instalment>? Plan(string? text)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
            return null;
        return [.. lines.Select(line => line.Split([' ', '\t', '，', ','], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var day, var amount]
            && Date(day) is { } d && Money(amount) is { } m ? new Instalment(d, m) : new Instalment(default, -1))];
    }

    private static string? Amount2(decimal? amount) => amount?.ToString("0.##", CultureInfo.InvariantCulture);

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static T? Parse<T>(string? s) where T : struct, Enum => Enum.TryParse<T>(s, out var v) && Enum.IsDefined(v) ? v : null;

    private static Guid? ParseGuid(string? s) => Guid.TryParse(s, out var g) ? g : null;

    private static int? ParseInt(string? s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    internal static DateOnly? Date(string? s) => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>An amount in yuan as typed ("20,000", "20000.5"); null when empty or not a number.</summary>
    internal static decimal? Money(string? s) =>
        decimal.TryParse(s?.Replace(",", "", StringComparison.Ordinal).Replace("\uFF0C", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
}
