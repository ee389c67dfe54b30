using Zhifa.Core.Common;

namespace Zhifa.Core.Cases;

/// <summary>The expected failures of case handling: each code is stable, API-visible and the resource key of its message.</summary>
public static class CaseErrors
{
    public static NotFoundError CaseNotFound() => new("case");
    public static NotFoundError BodyNotFound() => new("organization");
    public static NotFoundError ServiceAddressNotFound() => new("service_address");

    public static ValidationError DayInFuture(string field) => ValidationError.For(field, "case.day_in_future");
    public static ValidationError DayBeforeLastStep(string field) => ValidationError.For(field, "case.day_before_last_step");
    public static ValidationError StopReasonHasItsOwnStep(string field) => ValidationError.For(field, "case.stop_reason_own_step");
    public static ValidationError AmountNotOwed(string field, string outstanding) => ValidationError.For(field, "case.amount_not_owed", outstanding);
    public static ValidationError OnSpotIsItsOwnStep(string field) => ValidationError.For(field, "case.on_spot_own_step");
    public static ValidationError DeferralNotLater(string field, DateOnly due) => ValidationError.For(field, "case.deferral_not_later", due);
    public static ValidationError UnknownParty(string field = "partyId") => ValidationError.For(field, "case.party_not_found");
    public static ValidationError DocumentNotNumbered(string field) => ValidationError.For(field, "case.document_not_numbered");
    public static ValidationError DocumentWordInvalid(string field, int max) => ValidationError.For(field, "case.document_word_invalid", max);
    public static ValidationError DocumentWordTaken(string field, string word) => ValidationError.For(field, "case.document_word_taken", word);
    public static ValidationError UnknownBody(string field = "bodyId") => ValidationError.For(field, "case.body_not_found");
    public static ValidationError UnknownOfficer(string field) => ValidationError.For(field, "case.officer_not_found");
    public static ValidationError DiscoveredBeforeAct(string field = "discoveredOn") => ValidationError.For(field, "case.discovered_before_act");
    public static ValidationError FormNumberTaken(string field = "formNumber") => ValidationError.For(field, "case.form_number_taken");
    public static ValidationError InstalmentsOutOfOrder(string field) => ValidationError.For(field, "case.instalments_out_of_order");
    public static ValidationError InstalmentsNotTheOutstanding(string field, string outstanding) => ValidationError.For(field, "case.instalments_not_outstanding", outstanding);
    public static ValidationError MeasurePending(string field) => ValidationError.For(field, "case.measure_pending");
    public static ValidationError WarningOrFineOnly(string field = "penaltyKinds") => ValidationError.For(field, "case.simple_warning_or_fine");
    public static ValidationError ServiceAddressEmpty(string field = "address") => ValidationError.For(field, "case.service_address_empty");
    public static ValidationError PhoneUnreadable(string field = "phone") => ValidationError.For(field, "case.phone_unreadable");
    public static ValidationError EmailUnreadable(string field = "email") => ValidationError.For(field, "case.email_unreadable");
    public static ValidationError ElectronicAddressMissing(string field = "electronicConsent") => ValidationError.For(field, "case.electronic_address_missing");
    public static ValidationError PeriodReversed(string field = "to") => ValidationError.For(field, "case.period_reversed");
    public static ValidationError PeriodTooLong(int months, string field = "from") => ValidationError.For(field, "case.period_too_long", months);

    /// <summary>XZCF-51: the simple procedure only for a warning or a fine up to the sector's limit.</summary>
    public static RuleViolation SimpleFineTooHigh(string limit) => new("XZCF-51", "case.simple_fine_too_high", limit);

    /// <summary>XZCF-42 / ZFRY-CERT: the officer deciding on the spot holds no valid certificate for the body and field.</summary>
    public static RuleViolation OfficerNotEligible(string name, string reasonCode, string ruleId) => new("XZCF-42", "case.officer_not_eligible", name, reasonCode, ruleId);

    /// <summary>XZCF-42: fewer officers than the law asks for.</summary>
    public static RuleViolation TeamTooSmall(int minimum) => new("XZCF-42", "case.team_too_small", minimum);

    /// <summary>An action the table puts after another step: the rule that orders them, naming the state and the action.</summary>
    public static RuleViolation OutOfOrder(string ruleId, CaseState state, CaseAction action) =>
        new(ruleId, "case.out_of_order", $"enum.CaseState.{state}", $"enum.CaseAction.{action}");

    /// <summary>A guard of the case's table that does not hold: its rule and its message.</summary>
    public static RuleViolation GuardFailed(TransitionGuard guard, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return new(guard.RuleId, guard.Code, args);
    }

    /// <summary>The caller is not an enforcement officer (their account is not tied to the registry).</summary>
    public static RuleViolation NotAnOfficer() => new("ZFRY-CERT", "case.not_an_officer");
}

/// <summary>Case handling's permission codes.</summary>
public static class CasePermissions
{
    public const string Read = "case.read";

    /// <summary>An officer's steps: register, investigate, conclude, notify the party's answers, serve, record payments.</summary>
    public const string Handle = "case.handle";

    /// <summary>The head's approvals: opening, notice, decision, extensions, deviations, closure.</summary>
    public const string Approve = "case.approve";

    /// <summary>Legal review (法制审核, XZCF-58).</summary>
    public const string Review = "case.review";

    /// <summary>Archiving the closed file.</summary>
    public const string Archive = "case.archive";

    /// <summary>A body's document settings: the numbers' style, where to pay, the reconsideration authority and the court.</summary>
    public const string ConfigureDocuments = "case.documents.configure";

    /// <summary>Running the daily deadline look on demand (administrators).</summary>
    public const string RunReminders = "case.reminders.run";
}
