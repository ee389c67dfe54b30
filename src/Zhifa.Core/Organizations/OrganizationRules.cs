using Zhifa.Core.Common;

namespace Zhifa.Core.Organizations;

/// <summary>Which node may hang under which: pure checks over already-loaded organisations.</summary>
public static class OrganizationRules
{
    public static Error? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? OrganizationErrors.NameRequired()
        : name.Trim().Length > Organization.MaxNameLength ? OrganizationErrors.NameTooLong(Organization.MaxNameLength)
        : null;

    /// <summary>A region's code fixes its level; its parent must be the region one level up whose code it extends.</summary>
    public static Error? CheckRegionPlacement(string code, RegionLevel level, Organization? parent)
    {
        if (level == RegionLevel.Province)
            return parent is null ? null : OrganizationErrors.ProvinceHasNoParent();
        if (parent is not Region p)
            return OrganizationErrors.RegionParentMustBeRegion();
        var allowed = level switch
        {
            RegionLevel.City => p.Level == RegionLevel.Province,
            // 省直辖县级行政单位: a county may sit directly under its province.
            RegionLevel.County => p.Level is RegionLevel.City or RegionLevel.Province,
            RegionLevel.Township => p.Level == RegionLevel.County,
            _ => false,
        };
        if (!allowed)
            return OrganizationErrors.RegionParentWrongLevel();
        if (!code.StartsWith(RegionCode.SignificantPrefix(p.Code, p.Level), StringComparison.Ordinal))
            return OrganizationErrors.RegionCodeNotUnderParent(p.Code);
        return null;
    }

    /// <summary>
    /// A body hangs under the government of its region or under a parent body; an entrusted
    /// organisation (受委托组织) hangs under the administrative organ that entrusts it.
    /// </summary>
    public static Error? CheckBodyPlacement(BodyKind kind, Organization? parent)
    {
        if (parent is null)
            return OrganizationErrors.BodyParentRequired();
        if (parent is OrgUnit)
            return OrganizationErrors.BodyParentWrongKind();
        if (kind == BodyKind.EntrustedOrganization && parent is not EnforcementBody { BodyKind: BodyKind.AdministrativeOrgan })
            return OrganizationErrors.EntrustedBodyNeedsOrgan();
        return null;
    }

    public static Error? CheckUnitPlacement(Organization? parent) =>
        parent is EnforcementBody or OrgUnit ? null : OrganizationErrors.UnitParentWrongKind();

    public static Error? CheckPlacement(Organization node, Organization? parent) => node switch
    {
        Region r => CheckRegionPlacement(r.Code, r.Level, parent),
        EnforcementBody b => CheckBodyPlacement(b.BodyKind, parent),
        OrgUnit => CheckUnitPlacement(parent),
        _ => throw new InvalidOperationException($"Unknown organisation type {node.GetType().Name}."),
    };

    public static Error? CheckParentActive(Organization? parent) =>
        parent is { IsActive: false } ? OrganizationErrors.ParentInactive() : null;
}
