using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;

namespace Zhifa.Core.Discretion;

/// <summary>The expected failures of discretion: each code is stable, API-visible and the resource key of its message.</summary>
public static class DiscretionErrors
{
    // Wrong fields (one field each; a builder collects several).
    public static ValidationError StatutoryRangeInvalid(string field = "statutoryRange") => ValidationError.For(field, "benchmark.range_invalid");
    public static ValidationError TierRangeInvalid(string tier, string field = "tiers") => ValidationError.For(field, "benchmark.range_invalid", tier);
    public static ValidationError StatutoryFineRangeMismatch(string field = "statutoryRange") => ValidationError.For(field, "benchmark.fine_range_mismatch");
    public static ValidationError TierFineRangeMismatch(string tier, string field = "tiers") => ValidationError.For(field, "benchmark.fine_range_mismatch", tier);
    public static ValidationError ExemptionConditionRequired(string field = "exemption") => ValidationError.For(field, "benchmark.condition_required");
    public static ValidationError TierConditionRequired(string tier, string field = "tiers") => ValidationError.For(field, "benchmark.condition_required", tier);
    public static ValidationError NotCoercionItem(string field = "itemId") => ValidationError.For(field, "benchmark.not_coercion_item");
    public static ValidationError BureauRequired(string field = "bureauId") => ValidationError.For(field, "benchmark.bureau_required");
    public static ValidationError CommentsRequired(string field = "comments") => ValidationError.For(field, "benchmark.comments_required");
    public static ValidationError DateTooEarly(DateOnly earliest, string field = "effectiveFrom") => ValidationError.For(field, "benchmark.date_too_early", earliest);
    public static ValidationError TitleRequired(string field = "title") => ValidationError.For(field, "benchmark.title_required");
    public static ValidationError TitleTooLong(int maxLength, string field = "title") => ValidationError.For(field, "benchmark.title_too_long", maxLength);
    public static ValidationError UnknownIssuer(string field = "issuingBodyId") => ValidationError.For(field, "benchmark.issuer_not_found");
    public static ValidationError UnknownBenchmarkItem(string field = "itemId") => ValidationError.For(field, "benchmark.item_not_found");
    public static ValidationError IssuerNotImplementing(string field = "issuingBodyId") => ValidationError.For(field, "benchmark.issuer_not_implementing");
    public static ValidationError ExemptionRequired(string field = "exemption") => ValidationError.For(field, "benchmark.exemption_required");
    public static ValidationError NothingToRevise(string field = "tiers") => ValidationError.For(field, "benchmark.nothing_to_revise");
    public static ValidationError TierSettingsInvalid(string field = "settings") => ValidationError.For(field, "benchmark.tier_settings_invalid");
    public static ValidationError StatutoryKindsRequired(string field = "statutoryKinds") => ValidationError.For(field, "benchmark.statutory_kinds_required");
    public static ValidationError TierDuplicate(string tier, string field = "tiers") => ValidationError.For(field, "benchmark.tier_duplicate", tier);
    public static ValidationError OrdinaryTierMissing(string field = "tiers") => ValidationError.For(field, "benchmark.ordinary_tier_missing");
    public static ValidationError TiersOverlap(string lower, string upper, string field = "tiers") => ValidationError.For(field, "benchmark.tiers_overlap", lower, upper);
    public static ValidationError TiersOutOfOrder(string lower, string upper, string field = "tiers") => ValidationError.For(field, "benchmark.tiers_out_of_order", lower, upper);
    public static ValidationError NoPenaltyTierImposesPenalty(string tier, string field = "tiers") => ValidationError.For(field, "benchmark.no_penalty_tier_imposes_penalty", tier);
    public static ValidationError PenaltyKindsRequired(string tier, string field = "tiers") => ValidationError.For(field, "benchmark.penalty_kinds_required", tier);
    public static ValidationError TierKindNotStatutory(string tier, string field = "tiers") => ValidationError.For(field, "benchmark.kind_not_statutory", tier);
    public static ValidationError MitigatedNotBelowMinimum(string tier, string field = "tiers") => ValidationError.For(field, "benchmark.mitigated_not_below_minimum", tier);
    public static ValidationError TierOutsideStatutoryRange(string tier, string field = "tiers") => ValidationError.For(field, "benchmark.tier_outside_statutory_range", tier);
    public static ValidationError NotPenaltyItem(string field = "itemId") => ValidationError.For(field, "discretion.not_penalty_item");
    public static ValidationError AmountNegative(string field = "illegalGain") => ValidationError.For(field, "discretion.amount_negative");
    public static ValidationError FineBaseRequired(string field = "illegalGain") => ValidationError.For(field, "discretion.base_required");
    public static ValidationError BaseAmountRequired(FineBasis basis, string field = "baseAmount") => ValidationError.For(field, "discretion.base_amount_required", EnumKey.Of(basis));
    public static ValidationError QuantityRequired(FineUnit unit, string field = "quantity") => ValidationError.For(field, "discretion.quantity_required", EnumKey.Of(unit));
    public static ValidationError ItemNotImplemented(string field = "itemId") => ValidationError.For(field, "discretion.item_not_implemented");
    public static ValidationError UnknownItem(string field = "itemId") => ValidationError.For(field, "discretion.item_not_found");
    public static ValidationError BodyRequired(string field = "bodyId") => ValidationError.For(field, "discretion.body_required");
    public static ValidationError UnknownBody(string field = "bodyId") => ValidationError.For(field, "discretion.body_not_found");
    public static ValidationError SettingsInvalid(string field = "settings") => ValidationError.For(field, "discretion.settings_invalid");
    public static ValidationError FineAmountMismatch(string field = "fineAmount") => ValidationError.For(field, "discretion.fine_amount_mismatch");
    public static ValidationError KindNotStatutory(string field = "kinds") => ValidationError.For(field, "discretion.kind_not_statutory");
    public static ValidationError AmountAboveStatutoryMax(string statutoryMax, string field = "fineAmount") => ValidationError.For(field, "discretion.amount_above_statutory_max", statutoryMax);
    public static ValidationError ListBodyNotFound(string field = "bodyId") => ValidationError.For(field, "list.body_not_found");
    public static ValidationError ListEntryNotFound(string field = "benchmarkId") => ValidationError.For(field, "list.entry_not_found");
    public static ValidationError TierNotInList(string field = "tier") => ValidationError.For(field, "list.tier_not_in_list");
    public static ValidationError CurationEmpty(string field = "annotation") => ValidationError.For(field, "list.curation_empty");
    public static ValidationError AnnotationTooLong(int maxLength, string field = "annotation") => ValidationError.For(field, "list.annotation_too_long", maxLength);

    // Clashes with the current state.
    public static ConflictError DraftExists(string field = "itemId") => new("benchmark.draft_exists", field);
    public static ConflictError ItemNotPublished(string field = "itemId") => new("benchmark.item_not_published", field);
    public static ConflictError NoSupervisingBureau() => new("benchmark.no_supervising_bureau");
    public static ConflictError UpperNotPublished(string field = "upperId") => new("benchmark.upper_not_published", field);
    public static ConflictError ItemNotInForce(DateOnly day, string field = "on") => new("discretion.item_not_in_force", field, day);
    /// <summary>The benchmark's status (<paramref name="statusKey"/>, an enum resource key) does not allow the action.</summary>
    public static ConflictError WrongState(string statusKey, string field = "status") => new("benchmark.wrong_state", field, statusKey);
    public static ConflictError NoBenchmark(string field = "itemId") => new("discretion.no_benchmark", field);

    // Statutory rules (RULES.md).
    public static RuleViolation TownshipUsesCounty() => new("CLJZ-LEVEL", "benchmark.township_uses_county");
    public static RuleViolation RefineNotLowerLevel() => new("CLJZ-LEVEL", "benchmark.refine_not_lower_level");
    public static RuleViolation RefinedTierMissing(string tier) => new("CLJZ-LEVEL", "benchmark.refined_tier_missing", tier);
    public static RuleViolation RefinedTierNotInUpper(string tier) => new("CLJZ-LEVEL", "benchmark.refined_tier_not_in_upper", tier);
    public static RuleViolation RefinedConditionsDiffer(string tier) => new("CLJZ-LEVEL", "benchmark.refined_conditions_differ", tier);
    public static RuleViolation RefinedKindsExceedUpper(string tier) => new("CLJZ-LEVEL", "benchmark.refined_kinds_exceed_upper", tier);
    public static RuleViolation RefinedRangeExceedsUpper(string tier) => new("CLJZ-LEVEL", "benchmark.refined_range_exceeds_upper", tier);
    public static RuleViolation NoPenaltyDue() => new("XZCF-33", "discretion.no_penalty_due");
    public static RuleViolation OutsideBenchmark(IEnumerable<string> reasons) => new("CLJZ-DEVIATE", "discretion.outside_benchmark", [.. reasons]);

    // Not found, or outside the caller's scope.
    public static NotFoundError BenchmarkNotFound() => new("benchmark");

    /// <summary>The deciding body is not one the caller acts for (holds <c>catalogue.read</c> in).</summary>
    public static ForbiddenError BodyNotActedFor() => new(CataloguePermissions.CatalogueRead, "discretion.body_not_acted_for");
}
