using Zhifa.Core.Common;

namespace Zhifa.Core.Inspections;

/// <summary>The expected failures of inspections: each code is stable, API-visible and the resource key of its message.</summary>
public static class InspectionErrors
{
    public static NotFoundError PlanNotFound() => new("inspection_plan");
    public static NotFoundError DrawNotFound() => new("inspection_draw");
    public static NotFoundError TaskNotFound() => new("inspection");
    public static NotFoundError BodyNotFound() => new("organization");

    public static ValidationError Required(string field) => ValidationError.For(field, "inspection.required");
    public static ValidationError YearOutOfRange(string field, int from, int to) => ValidationError.For(field, "inspection.year_range", from, to);
    public static ValidationError PeriodReversed(string field = "endsOn") => ValidationError.For(field, "inspection.period_reversed");
    public static ValidationError PeriodOutsideYear(string field) => ValidationError.For(field, "inspection.period_outside_year");
    public static ValidationError NotAnInspectionItem(string field) => ValidationError.For(field, "inspection.not_inspection_item");
    public static ValidationError UnknownParty(string field = "partyId") => ValidationError.For(field, "inspection.party_not_found");
    public static ValidationError UnknownOfficer(string field) => ValidationError.For(field, "inspection.officer_not_found");
    public static ValidationError ResultMissing(string field) => ValidationError.For(field, "inspection.result_missing");
    public static ValidationError ItemNotInTask(string field) => ValidationError.For(field, "inspection.item_not_in_task");
    public static ValidationError DayInFuture(string field) => ValidationError.For(field, "inspection.day_in_future");
    public static ValidationError PhotoMissing(string field = "file") => ValidationError.For(field, "inspection.photo_missing");
    public static ValidationError NotAPhoto(string field = "file") => ValidationError.For(field, "inspection.not_a_photo");
    public static ValidationError PhotoTooLarge(long megabytes, string field = "file") => ValidationError.For(field, "inspection.photo_too_large", megabytes);
    public static NotFoundError PhotoNotFound() => new("inspection_photo");

    public static ValidationError ScoreOutOfRange(string field = "score") => ValidationError.For(field, "inspection.score_range");
    public static ValidationError MergeNeedsTwoBodies(string field = "taskIds") => ValidationError.For(field, "inspection.merge_two_bodies");
    public static ValidationError MergeOneEnterprise(string field = "taskIds") => ValidationError.For(field, "inspection.merge_one_enterprise");
    public static ValidationError LeadBodyNotInMerge(string field = "leadBodyId") => ValidationError.For(field, "inspection.lead_not_in_merge");

    /// <summary>SSJ-RATIO: a share below the least the rules allow (enterprise disclosure spot checks: 3 %).</summary>
    public static ValidationError RatioTooLow(string field, decimal minimum) => ValidationError.For(field, "inspection.ratio_too_low", minimum);

    public static ValidationError RatioOutOfRange(string field) => ValidationError.For(field, "inspection.ratio_range");

    /// <summary>SSJ-RATIO: a poorer credit grade drawn less often than a better one.</summary>
    public static ValidationError RatioNotRaised(string field) => ValidationError.For(field, "inspection.ratio_not_raised");

    /// <summary>SSJ-DRAW: subjects that fewer than the required inspectors may be sent to (conflicts and last time's pairing excluded).</summary>
    public static RuleViolation TooFewInspectors(string subjects, int required) => new("SSJ-DRAW", "inspection.too_few_inspectors", subjects, required);

    /// <summary>SSJ-DRAW / XZCF-42: an inspection needs at least two inspectors who may act for the body on the day.</summary>
    public static RuleViolation InspectorsNotEligible(string names) => new("SSJ-DRAW", "inspection.inspectors_not_eligible", names);

    public static RuleViolation TwoInspectorsNeeded(int required) => new("SSJ-DRAW", "inspection.two_inspectors", required);

    public static RuleViolation NoSubjects() => new("SSJ-DRAW", "inspection.no_subjects");

    /// <summary>SSJ-FREQ: over the yearly cap without a reason; the reason makes it wait for the head's approval.</summary>
    public static RuleViolation OverCap(int visits, int cap) => new("SSJ-FREQ", "inspection.over_cap", visits, cap);

    public static ConflictError DrawExists() => new("inspection.draw_exists");
    public static ConflictError DrawNotAnnounced() => new("inspection.draw_not_announced");
    public static ConflictError DrawHasVisits() => new("inspection.draw_has_visits");
    public static ConflictError DrawInputsChanged() => new("inspection.draw_inputs_changed");
    public static ConflictError NotAProblem() => new("inspection.not_a_problem");
    public static ConflictError AlreadyALead() => new("inspection.already_lead");
    public static ConflictError AlreadyRated() => new("inspection.already_rated");
    public static ConflictError NotVisitedYet() => new("inspection.not_visited");
    public static ConflictError AlreadyMerged() => new("inspection.already_merged");
}
