using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Data;

namespace Zhifa.Core.Organizations;

/// <summary>
/// Keeps <see cref="Organization.AgencyId"/> and <see cref="Organization.RegionPath"/> right as nodes are
/// created and moved, so that "own agency" and "region subtree" scopes are single indexed conditions.
/// </summary>
internal static class Lineage
{
    /// <summary>Sets a new or moved node's own lineage from its (already placed) parent and, for a body, its region.</summary>
    public static void Apply(Organization node, Organization? parent, Region? bodyRegion)
    {
        switch (node)
        {
            case Region:
                node.SetLineage(null, node.Path);
                break;
            case EnforcementBody:
                node.SetLineage(node.Id, bodyRegion?.Path ?? throw new InvalidOperationException("A body needs its region."));
                break;
            default:
                node.SetLineage(parent?.AgencyId, parent?.RegionPath ?? "");
                break;
        }
    }

    /// <summary>After a body's region changed: its units follow (bodies under it keep their own regions).</summary>
    public static Task<int> FollowBodyRegionAsync(ZhifaDbContext db, Guid bodyId, string regionPath, CancellationToken ct) =>
        db.Organizations.Unscoped("a body's units follow its region, whichever units the caller sees").Where(o => o.AgencyId == bodyId && o.Id != bodyId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.RegionPath, regionPath), ct);
}
