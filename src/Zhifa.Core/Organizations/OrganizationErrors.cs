using Zhifa.Core.Common;
using Zhifa.Core.Identity;

namespace Zhifa.Core.Organizations;

/// <summary>The expected failures of organizations: each code is stable, API-visible and the resource key of its message.</summary>
public static class OrganizationErrors
{
    // Wrong fields (one field each; a builder collects several).
    public static ValidationError NameRequired(string field = "name") => ValidationError.For(field, "org.name_required");
    public static ValidationError NameTooLong(int maxLength, string field = "name") => ValidationError.For(field, "org.name_too_long", maxLength);
    public static ValidationError UnknownOrganization(string field = "parentId") => ValidationError.For(field, "org.parent_not_found");
    public static ValidationError ParentInactive(string field = "parentId") => ValidationError.For(field, "org.parent_inactive");
    public static ValidationError MoveIntoOwnSubtree(string field = "newParentId") => ValidationError.For(field, "org.move_into_own_subtree");
    public static ValidationError ProvinceHasNoParent(string field = "parentId") => ValidationError.For(field, "region.province_has_no_parent");
    public static ValidationError RegionParentMustBeRegion(string field = "parentId") => ValidationError.For(field, "region.parent_must_be_region");
    public static ValidationError RegionParentWrongLevel(string field = "parentId") => ValidationError.For(field, "region.parent_wrong_level");
    public static ValidationError RegionCodeMalformed(string field = "code") => ValidationError.For(field, "region.code_malformed");
    public static ValidationError RegionCodeNotUnderParent(string parentCode, string field = "code") => ValidationError.For(field, "region.code_not_under_parent", parentCode);
    public static ValidationError RegionCodeChangesLevel(string field = "code") => ValidationError.For(field, "region.code_changes_level");
    public static ValidationError SupervisorMustBeJusticeBureau(string field = "bodyId") => ValidationError.For(field, "region.supervisor_must_be_justice");
    public static ValidationError SupervisorInOtherRegion(string field = "bodyId") => ValidationError.For(field, "region.supervisor_other_region");
    public static ValidationError BodyParentRequired(string field = "parentId") => ValidationError.For(field, "body.parent_required");
    public static ValidationError BodyParentWrongKind(string field = "parentId") => ValidationError.For(field, "body.parent_wrong_kind");
    public static ValidationError EntrustedBodyNeedsOrgan(string field = "parentId") => ValidationError.For(field, "body.entrusted_needs_organ");
    public static ValidationError CreditCodeMalformed(string field = "creditCode") => ValidationError.For(field, "body.credit_code_malformed");
    public static ValidationError BodyRegionMustBeParent(string field = "regionId") => ValidationError.For(field, "body.region_must_be_parent");
    public static ValidationError BodyRegionOutsideParent(string field = "regionId") => ValidationError.For(field, "body.region_outside_parent");
    public static ValidationError UnitParentWrongKind(string field = "parentId") => ValidationError.For(field, "unit.parent_wrong_kind");

    // Clashes with the current state.
    public static ConflictError NameDuplicateAmongSiblings(string field = "name") => new("org.name_duplicate_sibling", field);
    public static ConflictError AlreadyInactive() => new("org.already_inactive");
    public static ConflictError AlreadyActive() => new("org.already_active");
    public static ConflictError HasActiveChildren(int activeChildren) => new("org.has_active_children", null, activeChildren);
    public static ConflictError RegionCodeDuplicate(string code, string field = "code") => new("region.code_duplicate", field, code);
    public static ConflictError RegionCodeHasChildren(string field = "code") => new("region.code_has_children", field);
    public static ConflictError CreditCodeDuplicate(string creditCode, string field = "creditCode") => new("body.credit_code_duplicate", field, creditCode);
    public static ConflictError BodyEntrustsOrganizations(string field = "bodyKind") => new("body.entrusts_organizations", field);
    public static ConflictError BodyIsSupervisor() => new("body.is_supervisor");

    // Not found, or outside the caller's scope.
    public static NotFoundError NotFound() => new("organization");

    // Not allowed.
    public static ForbiddenError TopLevelNeedsManagePermission() => new(OrganizationPermissions.OrgManage);
}
