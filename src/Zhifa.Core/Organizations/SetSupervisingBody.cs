using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;

namespace Zhifa.Core.Organizations;

public sealed record SetSupervisorRequest(Guid? BodyId);

/// <summary>Names the justice bureau that supervises enforcement for a government (行政执法监督机构).</summary>
public sealed class SetSupervisingBody(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> ExecuteAsync(Guid regionId, SetSupervisorRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var region = await db.ActOnAsync(db.Regions, regionId, OrganizationPermissions.OrgManage, ct);
        if (region is null)
            return OrganizationErrors.NotFound();
        if (request.BodyId is { } bodyId)
        {
            var body = await db.Bodies.FirstOrDefaultAsync(b => b.Id == bodyId, ct);
            if (body is null)
                return OrganizationErrors.UnknownOrganization(field: "bodyId");
            if (body.Sector != Sector.Justice || body.BodyKind != BodyKind.AdministrativeOrgan)
                return OrganizationErrors.SupervisorMustBeJusticeBureau();
            if (body.RegionId != region.Id)
                return OrganizationErrors.SupervisorInOtherRegion();
            if (!body.IsActive)
                return OrganizationErrors.ParentInactive(field: "bodyId");
        }
        region.SetSupervisingBody(request.BodyId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return region.Id;
    }
}
