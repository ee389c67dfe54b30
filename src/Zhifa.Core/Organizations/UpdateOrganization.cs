using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;

namespace Zhifa.Core.Organizations;

public sealed record UpdateRegionRequest(
    [MaxLength(Organization.MaxNameLength)] string Name, [MaxLength(20)] string Code, [Range(0, Organization.MaxSortOrder)] int SortOrder = 0);

public sealed record UpdateBodyRequest(
    [MaxLength(Organization.MaxNameLength)] string Name, [MaxLength(40)] string CreditCode,
    BodyKind BodyKind, Sector Sector, LegalStatus LegalStatus,
    [MaxLength(EnforcementBody.MaxEstablishmentBasisLength)] string? EstablishmentBasis = null, Guid? RegionId = null,
    [Range(0, Organization.MaxSortOrder)] int SortOrder = 0);

public sealed record UpdateUnitRequest(
    [MaxLength(Organization.MaxNameLength)] string Name, [MaxLength(OrgUnit.MaxDutiesLength)] string? Duties = null,
    [Range(0, Organization.MaxSortOrder)] int SortOrder = 0);

/// <summary>Edits an organisation's own attributes; where it sits in the tree changes only by <see cref="MoveOrganization"/>.</summary>
public sealed class UpdateOrganization(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> RegionAsync(Guid id, UpdateRegionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var region = await db.ActOnAsync(db.Regions.Include(r => r.Parent), id, OrganizationPermissions.OrgManage, ct);
        if (region is null)
            return OrganizationErrors.NotFound();
        var code = (request.Code ?? "").Trim();
        var errors = new ValidationBuilder();
        errors.Add(OrganizationRules.CheckName(request.Name) as ValidationError);
        var parsedLevel = RegionCode.LevelOf(code);
        if (parsedLevel is null)
            errors.Add(OrganizationErrors.RegionCodeMalformed());
        if (errors.Build() is { } invalid)
            return invalid;
        var level = parsedLevel!.Value;
        if (code != region.Code)
        {
            if (level != region.Level)
                return OrganizationErrors.RegionCodeChangesLevel();
            if (OrganizationRules.CheckRegionPlacement(code, level, region.Parent) is { } placement)
                return placement;
            if (await db.Regions.Unscoped("a region with children keeps its code, whichever children the caller sees").AnyAsync(r => r.ParentId == id, ct))
                return OrganizationErrors.RegionCodeHasChildren();
            if (await db.Regions.Unscoped("region codes are unique across the whole database").AnyAsync(r => r.Code == code && r.Id != id, ct))
                return OrganizationErrors.RegionCodeDuplicate(code);
        }
        if (await SiblingNames.TakenAsync(db, region.ParentId, request.Name.Trim(), id, ct))
            return OrganizationErrors.NameDuplicateAmongSiblings();

        var now = clock.GetUtcNow().UtcDateTime;
        region.Rename(request.Name.Trim(), request.SortOrder, now);
        region.Recode(code, level, now);
        await db.SaveChangesAsync(ct);
        return region.Id;
    }

    public async Task<Result<Guid>> BodyAsync(Guid id, UpdateBodyRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await db.ActOnAsync(db.Bodies.Include(b => b.Parent), id, OrganizationPermissions.OrgManage, ct);
        if (body is null)
            return OrganizationErrors.NotFound();
        var errors = new ValidationBuilder();
        errors.Add(OrganizationRules.CheckName(request.Name) as ValidationError);
        var creditCode = CreditCode.Normalize(request.CreditCode);
        if (string.IsNullOrEmpty(creditCode))
            errors.Add(CommonErrors.FieldRequired("creditCode"));
        else if (!CreditCode.IsValid(creditCode))
            errors.Add(OrganizationErrors.CreditCodeMalformed());
        if (errors.Build() is { } invalid)
            return invalid;
        if (OrganizationRules.CheckBodyPlacement(request.BodyKind, body.Parent) is { } placement)
            return placement;
        if (request.BodyKind != BodyKind.AdministrativeOrgan
            && await db.Bodies.Unscoped("a body entrusting organisations keeps its kind, whichever the caller sees").AnyAsync(b => b.ParentId == id && b.BodyKind == BodyKind.EntrustedOrganization, ct))
            return OrganizationErrors.BodyEntrustsOrganizations();
        var region = await BodyRegion.ResolveAsync(db, body.Parent!, request.RegionId ?? body.RegionId, ct);
        if (!region.IsSuccess)
            return region.Error;
        var regionChanged = region.Value.Id != body.RegionId;
        if (await db.Bodies.Unscoped("credit codes are unique across the whole database").AnyAsync(b => b.CreditCode == creditCode && b.Id != id, ct))
            return OrganizationErrors.CreditCodeDuplicate(creditCode);
        if (await SiblingNames.TakenAsync(db, body.ParentId, request.Name.Trim(), id, ct))
            return OrganizationErrors.NameDuplicateAmongSiblings();

        var now = clock.GetUtcNow().UtcDateTime;
        body.Rename(request.Name.Trim(), request.SortOrder, now);
        body.Update(new BodyDetails(creditCode, request.BodyKind, request.Sector, request.LegalStatus, CreateOrganization.Trimmed(request.EstablishmentBasis)), region.Value.Id, now);
        if (!regionChanged)
        {
            await db.SaveChangesAsync(ct);
            return body.Id;
        }
        Lineage.Apply(body, body.Parent, region.Value);
        await db.InTransactionAsync(async () =>
        {
            await Lineage.FollowBodyRegionAsync(db, body.Id, region.Value.Path, ct);
            await db.SaveChangesAsync(ct);
        }, ct);
        return body.Id;
    }

    public async Task<Result<Guid>> UnitAsync(Guid id, UpdateUnitRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var unit = await db.ActOnAsync(db.Units, id, OrganizationPermissions.OrgManage, ct);
        if (unit is null)
            return OrganizationErrors.NotFound();
        if (OrganizationRules.CheckName(request.Name) is { } nameError)
            return nameError;
        if (await SiblingNames.TakenAsync(db, unit.ParentId, request.Name.Trim(), id, ct))
            return OrganizationErrors.NameDuplicateAmongSiblings();

        var now = clock.GetUtcNow().UtcDateTime;
        unit.Rename(request.Name.Trim(), request.SortOrder, now);
        unit.Update(CreateOrganization.Trimmed(request.Duties), now);
        await db.SaveChangesAsync(ct);
        return unit.Id;
    }
}
