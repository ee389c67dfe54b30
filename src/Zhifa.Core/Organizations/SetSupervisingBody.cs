using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;

namespace Zhifa.Core.Organizations;

public sealed record SetSupervisorRequest(Guid? BodyId);

/// <summary>Names the justice bureau that supervises enforcement for a government (行政执法监督机构).</summary>
public sealed class SetSupervisingBody(ZhifaDbContext db, TimeProvider clock)
{
    private readonly ActorContext _actor = db.Actor;

    public async Task<Result<Guid>> ExecuteAsync(Guid regionId, SetSupervisorRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Id == regionId, ct);
        if (region is null || !_actor.CanIn(OrganizationPermissions.OrgManage, region))
            return new NotFoundError("organization");
        if (request.BodyId is { } bodyId)
        {
            var body = await db.Bodies.FirstOrDefaultAsync(b => b.Id == bodyId, ct);
            if (body is null)
                return ValidationError.For("bodyId", "org.parent_not_found");
            if (body.Sector != Sector.Justice || body.BodyKind != BodyKind.AdministrativeOrgan)
                return ValidationError.For("bodyId", "region.supervisor_must_be_justice");
            if (body.RegionId != region.Id)
                return ValidationError.For("bodyId", "region.supervisor_other_region");
            if (!body.IsActive)
                return ValidationError.For("bodyId", "org.parent_inactive");
        }
        region.SetSupervisingBody(request.BodyId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return region.Id;
    }
}
