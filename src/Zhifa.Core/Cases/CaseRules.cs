using Microsoft.Extensions.Configuration;
using Zhifa.Core.Calendar;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Cases;

/// <summary>
/// The configurable numbers of case handling (RULES.md values marked configurable), with the defaults RULES.md shows.
/// One deployment serves one province, so the section <c>Zhifa:Cases:Default</c> is the province's value and
/// <c>Zhifa:Cases:Sectors:&lt;Sector&gt;</c> overrides it for a sector (market regulation's 5 working days of statement, …).
/// </summary>
public sealed class CaseRules
{
    /// <summary>XZCF-54: working days to decide on opening after finding the lead, and the one extension.</summary>
    public int OpeningWorkingDays { get; set; } = 15;
    public int OpeningExtensionWorkingDays { get; set; } = 15;

    /// <summary>XZCF-36: years after the act within which it must be discovered; longer where life, health or financial security was harmed.</summary>
    public int LimitationYears { get; set; } = 2;
    public int SeriousLimitationYears { get; set; } = 5;

    /// <summary>XZCF-60: calendar days from opening to the decision; each extension; how many the head approves alone.</summary>
    public int DecisionDays { get; set; } = 90;
    public int DecisionExtensionDays { get; set; } = 30;
    public int HeadApprovedExtensions { get; set; } = 1;

    /// <summary>XZCF-56: working days to dispose of evidence registered for preservation.</summary>
    public int EvidenceDisposalWorkingDays { get; set; } = 7;

    /// <summary>XZCF-STMT: the statement and defence period after the prior notice.</summary>
    public int StatementWorkingDays { get; set; } = 5;

    /// <summary>XZCF-64: working days to request a hearing after the notice, and the notice of the hearing ahead of it.</summary>
    public int HearingRequestWorkingDays { get; set; } = 5;
    public int HearingNoticeWorkingDays { get; set; } = 7;

    /// <summary>XZCF-63: a fine from this amount gives the right to a hearing (a citizen; an organisation).</summary>
    public decimal HearingFineCitizen { get; set; } = 10_000m;
    public decimal HearingFineOrganization { get; set; } = 100_000m;

    /// <summary>XZCF-58 and the body's major-decision catalogue: a fine from this amount needs legal review (null: only the statutory cases).</summary>
    public decimal? MajorDecisionFine { get; set; }

    /// <summary>XZCF-61: working days to serve the decision.</summary>
    public int ServiceWorkingDays { get; set; } = 7;

    /// <summary>XZCF-66: calendar days to pay after receiving the decision.</summary>
    public int PaymentDays { get; set; } = 15;

    /// <summary>XZCF-72 / XZQZ-45: the surcharge per day, as a share of the fine; never above the fine.</summary>
    public decimal SurchargeRatePerDay { get; set; } = 0.03m;

    /// <summary>XZQZ-54: working days after the demand before the court application.</summary>
    public int DemandWorkingDays { get; set; } = 10;

    /// <summary>XZQZ-53: months for litigation after service (the reconsideration's 60 days end earlier) and the months to apply after them.</summary>
    public int LitigationMonths { get; set; } = 6;
    public int CourtApplicationMonths { get; set; } = 3;

    /// <summary>YSGD-5: working days for the head's decision on a transfer to the police; hours for the file to reach them. YSGD-9: working days to challenge.</summary>
    public int ReferralDecisionWorkingDays { get; set; } = 3;
    public int PoliceHandoverHours { get; set; } = 24;
    public int ChallengeWorkingDays { get; set; } = 3;

    /// <summary>XZCF-51: the simple procedure's fine limits (a citizen; an organisation).</summary>
    public decimal SimpleFineCitizen { get; set; } = 200m;
    public decimal SimpleFineOrganization { get; set; } = 3_000m;

    /// <summary>XZCF-68: the largest fine collected on the spot. XZCF-71: working days to hand the cash over.</summary>
    public decimal OnSpotCollectionLimit { get; set; } = 100m;
    public int CashHandoverWorkingDays { get; set; } = 2;

    /// <summary>XZCF-52: working days to file an on-the-spot decision with the body (a sector's rule; 2 by default).</summary>
    public int FilingWorkingDays { get; set; } = 2;

    /// <summary>XZQZ-25: calendar days a seal-up or seizure lasts, and its one extension. XZQZ-19: hours to approve an emergency measure.</summary>
    public int MeasureDays { get; set; } = 30;
    public int MeasureExtensionDays { get; set; } = 30;
    public int EmergencyApprovalHours { get; set; } = 24;

    /// <summary>Reminders: a deadline is "due soon" this many working days ahead.</summary>
    public int DueSoonWorkingDays { get; set; } = 3;

    public decimal HearingFineFor(bool organization) => organization ? HearingFineOrganization : HearingFineCitizen;

    public decimal SimpleFineFor(bool organization) => organization ? SimpleFineOrganization : SimpleFineCitizen;

    /// <summary>The statutory period of a deadline kind, its rule id; null for one counted in hours or by its own rule.</summary>
    public (string RuleId, Period? Period) PeriodOf(DeadlineKind kind) => kind switch
    {
        DeadlineKind.OpeningDecision => ("XZCF-54", Period.WorkingDays(OpeningWorkingDays)),
        DeadlineKind.Decision => ("XZCF-60", Period.CalendarDays(DecisionDays)),
        DeadlineKind.EvidenceDisposal => ("XZCF-56", Period.WorkingDays(EvidenceDisposalWorkingDays)),
        DeadlineKind.Statement => ("XZCF-STMT", Period.WorkingDays(StatementWorkingDays)),
        DeadlineKind.HearingRequest => ("XZCF-64", Period.WorkingDays(HearingRequestWorkingDays)),
        DeadlineKind.Service => ("XZCF-61", Period.WorkingDays(ServiceWorkingDays)),
        DeadlineKind.Payment => ("XZCF-66", Period.CalendarDays(PaymentDays)),
        DeadlineKind.DemandCompliance => ("XZQZ-54", Period.WorkingDays(DemandWorkingDays)),
        DeadlineKind.CourtApplication => ("XZQZ-53", Period.Months(LitigationMonths + CourtApplicationMonths)),
        DeadlineKind.ReferralDecision => ("YSGD-5", Period.WorkingDays(ReferralDecisionWorkingDays)),
        DeadlineKind.PoliceHandover => ("YSGD-5", null),
        DeadlineKind.DeclineChallenge => ("YSGD-9", Period.WorkingDays(ChallengeWorkingDays)),
        DeadlineKind.CashHandover => ("XZCF-71", Period.WorkingDays(CashHandoverWorkingDays)),
        DeadlineKind.Filing => ("XZCF-52", Period.WorkingDays(FilingWorkingDays)),
        DeadlineKind.MeasureApproval => ("XZQZ-19", null),
        DeadlineKind.MeasureDuration => ("XZQZ-25", Period.CalendarDays(MeasureDays)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>The province's rules and each sector's overrides, read from configuration once.</summary>
public sealed class CaseRuleBook
{
    private readonly CaseRules _default;
    private readonly Dictionary<Sector, CaseRules> _sectors = [];

    public CaseRuleBook(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = configuration.GetSection("Zhifa:Cases");
        _default = Bind(root.GetSection("Default"), null);
        foreach (var sector in root.GetSection("Sectors").GetChildren())
        {
            if (Enum.TryParse<Sector>(sector.Key, ignoreCase: true, out var s))
                _sectors[s] = Bind(sector, root.GetSection("Default"));
        }
    }

    public CaseRules Default => _default;

    public CaseRules For(Sector sector) => _sectors.GetValueOrDefault(sector, _default);

    private static CaseRules Bind(IConfigurationSection section, IConfigurationSection? under)
    {
        var rules = new CaseRules();
        under?.Bind(rules);
        section.Bind(rules);
        return rules;
    }
}
