using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;

namespace Zhifa.Core.Organizations;

public sealed record MoveRequest(Guid? NewParentId);

/// <summary>Moves a node under a new parent; the paths of its whole subtree follow in the same transaction.</summary>
public sealed class MoveOrganization(ZhifaDbContext db, TimeProvider clock)
{
    private readonly ActorContext _actor = db.Actor;

    public async Task<Result<Guid>> ExecuteAsync(Guid id, MoveRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var node = await db.ActOnAsync(db.Organizations, id, OrganizationPermissions.OrgManage, ct);
        if (node is null)
            return OrganizationErrors.NotFound();
        Organization? parent = null;
        if (request.NewParentId is { } parentId)
        {
            parent = await db.ActOnAsync(db.Organizations, parentId, OrganizationPermissions.OrgManage, ct);
            if (parent is null)
                return OrganizationErrors.UnknownOrganization(field: "newParentId");
            if (node.IsAncestorOrSelfOf(parent))
                return OrganizationErrors.MoveIntoOwnSubtree();
        }
        if (parent?.Id == node.ParentId)
            return node.Id;
        if (parent is null && !_actor.CanIn(OrganizationPermissions.OrgManage, null))
            return OrganizationErrors.TopLevelNeedsManagePermission();
        var error = OrganizationRules.CheckParentActive(parent) ?? OrganizationRules.CheckPlacement(node, parent);
        if (error is not null)
            return Renamed(error);
        Region? newRegion = null;
        if (node is EnforcementBody body)
        {
            // Under a government the region is that government's; under a body, keep ours if it lies in the new parent's region.
            var kept = await BodyRegion.ResolveAsync(db, parent!, body.RegionId, ct);
            newRegion = kept.IsSuccess ? kept.Value : (await BodyRegion.ResolveAsync(db, parent!, null, ct)).Value;
        }
        if (await SiblingNames.TakenAsync(db, parent?.Id, node.Name, node.Id, ct))
            return OrganizationErrors.NameDuplicateAmongSiblings(field: "newParentId");

        var now = clock.GetUtcNow().UtcDateTime;
        var oldPath = node.Path;
        var oldDepth = node.Depth;
        var oldAgency = node.AgencyId;
        node.PlaceUnder(parent, now);
        var newPath = node.Path;
        var depthDelta = node.Depth - oldDepth;
        if (node is EnforcementBody moved && newRegion is not null && newRegion.Id != moved.RegionId)
            moved.Update(new BodyDetails(moved.CreditCode, moved.BodyKind, moved.Sector, moved.LegalStatus, moved.EstablishmentBasis), newRegion.Id, now);
        var oldRegionPath = node.RegionPath;
        Lineage.Apply(node, parent, newRegion);

        await db.InTransactionAsync(async () =>
        {
            var oldLength = oldPath.Length;
            // Every node carries its whole ancestry, so the subtree is rewritten by prefix; the scope queries keep working mid-way.
            var all = db.Organizations.Unscoped("a moved subtree is rewritten whole, whichever nodes the caller sees");
            await all.Where(o => o.Path.StartsWith(oldPath) && o.Id != node.Id)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.Path, o => newPath + o.Path.Substring(oldLength))
                    .SetProperty(o => o.Depth, o => o.Depth + depthDelta)
                    .SetProperty(o => o.UpdatedAt, now), ct);
            switch (node)
            {
                case Region:
                    // Bodies elsewhere in the tree (a city bureau's county branch) belong to this region too.
                    await all.Where(o => o.RegionPath.StartsWith(oldPath) && o.Id != node.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(o => o.RegionPath, o => newPath + o.RegionPath.Substring(oldLength)), ct);
                    break;
                case EnforcementBody when node.RegionPath != oldRegionPath:
                    await Lineage.FollowBodyRegionAsync(db, node.Id, node.RegionPath, ct);
                    break;
                case OrgUnit when node.AgencyId != oldAgency:
                    await all.Where(o => o.Path.StartsWith(newPath) && o.AgencyId == oldAgency && o.Id != node.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(o => o.AgencyId, node.AgencyId).SetProperty(o => o.RegionPath, node.RegionPath), ct);
                    break;
            }
            await db.SaveChangesAsync(ct);
        }, ct);
        return node.Id;
    }

    /// <summary>The placement checks name the create form's field; a move has only the new parent.</summary>
    private static Error Renamed(Error error) => error is ValidationError v
        ? new ValidationError(v.Fields.ToDictionary(f => f.Key == "parentId" ? "newParentId" : f.Key, f => f.Value))
        : error;
}
