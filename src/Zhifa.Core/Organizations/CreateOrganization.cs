using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;

namespace Zhifa.Core.Organizations;

public sealed record CreateRegionRequest(
    [MaxLength(Organization.MaxNameLength)] string Name, [MaxLength(20)] string Code, Guid? ParentId,
    [Range(0, Organization.MaxSortOrder)] int SortOrder = 0);

public sealed record CreateBodyRequest(
    [MaxLength(Organization.MaxNameLength)] string Name, Guid? ParentId, [MaxLength(40)] string CreditCode,
    BodyKind BodyKind, Sector Sector, LegalStatus LegalStatus,
    [MaxLength(EnforcementBody.MaxEstablishmentBasisLength)] string? EstablishmentBasis = null, Guid? RegionId = null,
    [Range(0, Organization.MaxSortOrder)] int SortOrder = 0);

public sealed record CreateUnitRequest(
    [MaxLength(Organization.MaxNameLength)] string Name, Guid? ParentId, [MaxLength(OrgUnit.MaxDutiesLength)] string? Duties = null,
    [Range(0, Organization.MaxSortOrder)] int SortOrder = 0);

/// <summary>Creates a region, body or unit under an existing, active parent of the right kind.</summary>
public sealed class CreateOrganization(ZhifaDbContext db, TimeProvider clock)
{
    private readonly ActorContext _actor = db.Actor;

    public async Task<Result<Guid>> RegionAsync(CreateRegionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = (request.Code ?? "").Trim();
        // Every wrong field in one answer: name, code and parent are checked before any of them is reported.
        var errors = new ValidationBuilder();
        errors.Add(OrganizationRules.CheckName(request.Name) as ValidationError);
        var level = RegionCode.LevelOf(code);
        if (level is null)
            errors.Add(OrganizationErrors.RegionCodeMalformed());
        var parent = await LoadParentAsync(request.ParentId, ct);
        if (request.ParentId is not null && parent is null)
            errors.Add(OrganizationErrors.UnknownOrganization());
        if (errors.Build() is { } invalid)
            return invalid;
        if (parent is null && !_actor.CanIn(OrganizationPermissions.OrgManage, null))
            return OrganizationErrors.TopLevelNeedsManagePermission();
        var error = OrganizationRules.CheckParentActive(parent) ?? OrganizationRules.CheckRegionPlacement(code, level!.Value, parent);
        if (error is not null)
            return error;
        if (await db.Regions.Unscoped("region codes are unique across the whole database").AnyAsync(r => r.Code == code, ct))
            return OrganizationErrors.RegionCodeDuplicate(code);
        if (await SiblingNameTakenAsync(parent?.Id, request.Name.Trim(), null, ct))
            return OrganizationErrors.NameDuplicateAmongSiblings();

        var region = new Region(Guid.CreateVersion7(clock.GetUtcNow()), request.Name.Trim(), code, level!.Value, clock.GetUtcNow().UtcDateTime);
        return await AddAsync(region, parent, null, request.SortOrder, ct);
    }

    public async Task<Result<Guid>> BodyAsync(CreateBodyRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Every wrong field in one answer: name, credit code and parent (with its placement) together.
        var errors = new ValidationBuilder();
        errors.Add(OrganizationRules.CheckName(request.Name) as ValidationError);
        var creditCode = CreditCode.Normalize(request.CreditCode);
        if (string.IsNullOrEmpty(creditCode))
            errors.Add(CommonErrors.FieldRequired("creditCode"));
        else if (!CreditCode.IsValid(creditCode))
            errors.Add(OrganizationErrors.CreditCodeMalformed());
        var parent = await LoadParentAsync(request.ParentId, ct);
        if (request.ParentId is not null && parent is null)
            errors.Add(OrganizationErrors.UnknownOrganization());
        else if ((OrganizationRules.CheckParentActive(parent) ?? OrganizationRules.CheckBodyPlacement(request.BodyKind, parent)) is { } placement)
        {
            if (placement is not ValidationError placementError)
                return placement;
            errors.Add(placementError);
        }
        if (errors.Build() is { } invalid)
            return invalid;
        var region = await BodyRegion.ResolveAsync(db, parent!, request.RegionId, ct);
        if (!region.IsSuccess)
            return region.Error;
        if (await db.Bodies.Unscoped("credit codes are unique across the whole database").AnyAsync(b => b.CreditCode == creditCode, ct))
            return OrganizationErrors.CreditCodeDuplicate(creditCode);
        if (await SiblingNameTakenAsync(parent!.Id, request.Name.Trim(), null, ct))
            return OrganizationErrors.NameDuplicateAmongSiblings();

        var details = new BodyDetails(creditCode, request.BodyKind, request.Sector, request.LegalStatus, Trimmed(request.EstablishmentBasis));
        var body = new EnforcementBody(Guid.CreateVersion7(clock.GetUtcNow()), request.Name.Trim(), details, region.Value.Id, clock.GetUtcNow().UtcDateTime);
        return await AddAsync(body, parent, region.Value, request.SortOrder, ct);
    }

    public async Task<Result<Guid>> UnitAsync(CreateUnitRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationBuilder();
        errors.Add(OrganizationRules.CheckName(request.Name) as ValidationError);
        var parent = await LoadParentAsync(request.ParentId, ct);
        if (request.ParentId is not null && parent is null)
            errors.Add(OrganizationErrors.UnknownOrganization());
        else if ((OrganizationRules.CheckParentActive(parent) ?? OrganizationRules.CheckUnitPlacement(parent)) is { } placement)
        {
            if (placement is not ValidationError placementError)
                return placement;
            errors.Add(placementError);
        }
        if (errors.Build() is { } invalid)
            return invalid;
        if (await SiblingNameTakenAsync(parent!.Id, request.Name.Trim(), null, ct))
            return OrganizationErrors.NameDuplicateAmongSiblings();

        var unit = new OrgUnit(Guid.CreateVersion7(clock.GetUtcNow()), request.Name.Trim(), Trimmed(request.Duties), clock.GetUtcNow().UtcDateTime);
        return await AddAsync(unit, parent, null, request.SortOrder, ct);
    }

    /// <summary>A parent the caller may not manage is reported as not found, like one they cannot see.</summary>
    private async Task<Organization?> LoadParentAsync(Guid? parentId, CancellationToken ct) =>
        parentId is { } id ? await db.ActOnAsync(db.Organizations, id, OrganizationPermissions.OrgManage, ct) : null;

    private Task<bool> SiblingNameTakenAsync(Guid? parentId, string name, Guid? exceptId, CancellationToken ct) =>
        SiblingNames.TakenAsync(db, parentId, name, exceptId, ct);

    private async Task<Result<Guid>> AddAsync(Organization node, Organization? parent, Region? bodyRegion, int sortOrder, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        node.PlaceUnder(parent, now);
        Lineage.Apply(node, parent, bodyRegion);
        node.Rename(node.Name, sortOrder, now);
        db.Organizations.Add(node);
        await db.SaveChangesAsync(ct);
        return node.Id;
    }

    internal static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal static class SiblingNames
{
    /// <summary>Two active siblings with one name would be indistinguishable in every picker.</summary>
    public static Task<bool> TakenAsync(ZhifaDbContext db, Guid? parentId, string name, Guid? exceptId, CancellationToken ct) =>
        db.Organizations.Unscoped("sibling names are unique, whichever siblings the caller sees").AnyAsync(o => o.ParentId == parentId && o.Name == name && o.IsActive && o.Id != exceptId, ct);
}

internal static class BodyRegion
{
    /// <summary>
    /// Under a government the body's region is that region. Under a parent body it defaults to the
    /// parent's region and may be a region below it (a township branch of a county bureau).
    /// </summary>
    public static async Task<Result<Region>> ResolveAsync(ZhifaDbContext db, Organization parent, Guid? requested, CancellationToken ct)
    {
        if (parent is Region r)
            return requested is null || requested == r.Id ? r : OrganizationErrors.BodyRegionMustBeParent();
        var parentBody = (EnforcementBody)parent;
        // The system reads regions unscoped: a body's region may lie outside what the caller sees (a city body's county branch).
        var parentRegion = await db.Regions.Unscoped("a body's region may lie outside what the caller sees").FirstAsync(x => x.Id == parentBody.RegionId, ct);
        if (requested is null || requested == parentBody.RegionId)
            return parentRegion;
        var region = await db.Regions.Unscoped("a body's region may lie outside what the caller sees").FirstOrDefaultAsync(x => x.Id == requested, ct);
        if (region is null || !parentRegion.IsAncestorOrSelfOf(region))
            return OrganizationErrors.BodyRegionOutsideParent();
        return region;
    }
}
