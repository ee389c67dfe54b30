using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;

namespace Zhifa.Core.Organizations;

public sealed record MoveRequest(Guid? NewParentId);

/// <summary>Moves a node under a new parent; the paths of its whole subtree follow in the same transaction.</summary>
public sealed class MoveOrganization(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> ExecuteAsync(Guid id, MoveRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var node = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (node is null)
            return new NotFoundError("organization");
        Organization? parent = null;
        if (request.NewParentId is { } parentId)
        {
            parent = await db.Organizations.FirstOrDefaultAsync(o => o.Id == parentId, ct);
            if (parent is null)
                return ValidationError.For("newParentId", "org.parent_not_found");
            if (node.IsAncestorOrSelfOf(parent))
                return ValidationError.For("newParentId", "org.move_into_own_subtree");
        }
        if (parent?.Id == node.ParentId)
            return node.Id;
        var error = OrganizationRules.CheckParentActive(parent) ?? OrganizationRules.CheckPlacement(node, parent);
        if (error is not null)
            return Renamed(error);
        Guid? newRegionId = null;
        if (node is EnforcementBody body)
        {
            // Under a government the region is that government's; under a body, keep ours if it lies in the new parent's region.
            var kept = await BodyRegion.ResolveAsync(db, parent!, body.RegionId, ct);
            newRegionId = kept.IsSuccess ? kept.Value : await BodyRegion.ResolveAsync(db, parent!, null, ct) is { IsSuccess: true } r ? r.Value : null;
        }
        if (await SiblingNames.TakenAsync(db, parent?.Id, node.Name, node.Id, ct))
            return new ConflictError("org.name_duplicate_sibling", "newParentId");

        var now = clock.GetUtcNow().UtcDateTime;
        var oldPath = node.Path;
        var oldDepth = node.Depth;
        node.PlaceUnder(parent, now);
        var newPath = node.Path;
        var depthDelta = node.Depth - oldDepth;
        if (node is EnforcementBody moved && newRegionId is { } regionId && regionId != moved.RegionId)
            moved.Update(new BodyDetails(moved.CreditCode, moved.BodyKind, moved.Sector, moved.LegalStatus, moved.EstablishmentBasis), regionId, now);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var oldLength = oldPath.Length;
            await db.Organizations
                .Where(o => o.Path.StartsWith(oldPath) && o.Id != node.Id)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.Path, o => newPath + o.Path.Substring(oldLength))
                    .SetProperty(o => o.Depth, o => o.Depth + depthDelta)
                    .SetProperty(o => o.UpdatedAt, now), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        return node.Id;
    }

    /// <summary>The placement checks name the create form's field; a move has only the new parent.</summary>
    private static Error Renamed(Error error) => error is ValidationError v
        ? new ValidationError(v.Fields.ToDictionary(f => f.Key == "parentId" ? "newParentId" : f.Key, f => f.Value))
        : error;
}
