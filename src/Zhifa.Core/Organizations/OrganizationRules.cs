using Zhifa.Core.Common;

namespace Zhifa.Core.Organizations;

/// <summary>Which node may hang under which: pure checks over already-loaded organisations.</summary>
public static class OrganizationRules
{
    public static Error? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? ValidationError.For("name", "org.name_required")
        : name.Trim().Length > Organization.MaxNameLength ? ValidationError.For("name", "org.name_too_long", Organization.MaxNameLength)
        : null;

    /// <summary>A region's code fixes its level; its parent must be the region one level up whose code it extends.</summary>
    public static Error? CheckRegionPlacement(string code, RegionLevel level, Organization? parent)
    {
        if (level == RegionLevel.Province)
            return parent is null ? null : ValidationError.For("parentId", "region.province_has_no_parent");
        if (parent is not Region p)
            return ValidationError.For("parentId", "region.parent_must_be_region");
        var allowed = level switch
        {
            RegionLevel.City => p.Level == RegionLevel.Province,
            // 省直辖县级行政单位: a county may sit directly under its province.
            RegionLevel.County => p.Level is RegionLevel.City or RegionLevel.Province,
            RegionLevel.Township => p.Level == RegionLevel.County,
            _ => false,
        };
        if (!allowed)
            return ValidationError.For("parentId", "region.parent_wrong_level");
        if (!code.StartsWith(RegionCode.SignificantPrefix(p.Code, p.Level), StringComparison.Ordinal))
            return ValidationError.For("code", "region.code_not_under_parent", p.Code);
        return null;
    }

    /// <summary>
    /// A body hangs under the government of its region or under a parent body; an entrusted
    /// organisation (受委托组织) hangs under the administrative organ that entrusts it.
    /// </summary>
    public static Error? CheckBodyPlacement(BodyKind kind, Organization? parent)
    {
        if (parent is null)
            return ValidationError.For("parentId", "body.parent_required");
        if (parent is OrgUnit)
            return ValidationError.For("parentId", "body.parent_wrong_kind");
        if (kind == BodyKind.EntrustedOrganization && parent is not EnforcementBody { BodyKind: BodyKind.AdministrativeOrgan })
            return ValidationError.For("parentId", "body.entrusted_needs_organ");
        return null;
    }

    public static Error? CheckUnitPlacement(Organization? parent) =>
        parent is EnforcementBody or OrgUnit ? null : ValidationError.For("parentId", "unit.parent_wrong_kind");

    public static Error? CheckPlacement(Organization node, Organization? parent) => node switch
    {
        Region r => CheckRegionPlacement(r.Code, r.Level, parent),
        EnforcementBody b => CheckBodyPlacement(b.BodyKind, parent),
        OrgUnit => CheckUnitPlacement(parent),
        _ => throw new InvalidOperationException($"Unknown organisation type {node.GetType().Name}."),
    };

    public static Error? CheckParentActive(Organization? parent) =>
        parent is { IsActive: false } ? ValidationError.For("parentId", "org.parent_inactive") : null;
}
