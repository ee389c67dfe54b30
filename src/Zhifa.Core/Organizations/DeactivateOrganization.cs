using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;

namespace Zhifa.Core.Organizations;

/// <summary>
/// Takes an organisation out of use. Nothing is ever deleted: cases, certificates and logs keep
/// pointing at it. Active children must be deactivated or moved first, so no live node hangs
/// under a dead one.
/// </summary>
public sealed class DeactivateOrganization(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> DeactivateAsync(Guid id, CancellationToken ct = default)
    {
        var node = await db.ActOnAsync(db.Organizations, id, OrganizationPermissions.OrgManage, ct);
        if (node is null)
            return OrganizationErrors.NotFound();
        if (!node.IsActive)
            return OrganizationErrors.AlreadyInactive();
        var activeChildren = await db.Organizations.Unscoped("active children block deactivation, whichever the caller sees").CountAsync(o => o.ParentId == id && o.IsActive, ct);
        if (activeChildren > 0)
            return OrganizationErrors.HasActiveChildren(activeChildren);
        if (node is EnforcementBody && await db.Regions.Unscoped("a supervising body stays active, whichever regions the caller sees").AnyAsync(r => r.SupervisingBodyId == id, ct))
            return OrganizationErrors.BodyIsSupervisor();

        node.Deactivate(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return node.Id;
    }

    public async Task<Result<Guid>> ReactivateAsync(Guid id, CancellationToken ct = default)
    {
        var node = await db.ActOnAsync(db.Organizations.Include(o => o.Parent), id, OrganizationPermissions.OrgManage, ct);
        if (node is null)
            return OrganizationErrors.NotFound();
        if (node.IsActive)
            return OrganizationErrors.AlreadyActive();
        if (OrganizationRules.CheckParentActive(node.Parent) is { } error)
            return error;
        if (await SiblingNames.TakenAsync(db, node.ParentId, node.Name, node.Id, ct))
            return OrganizationErrors.NameDuplicateAmongSiblings();

        node.Reactivate(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return node.Id;
    }
}
