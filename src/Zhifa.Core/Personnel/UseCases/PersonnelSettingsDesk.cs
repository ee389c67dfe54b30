using Zhifa.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Identity;

namespace Zhifa.Core.Personnel.UseCases;

/// <summary>A region's personnel rules (pass mark, validity, review deadline, number format, training hours); below it, regions inherit them.</summary>
public sealed class PersonnelSettingsDesk(PersonnelContext ctx)
{
    private readonly Data.ZhifaDbContext _db = ctx.Db;

    public async Task<Result<PersonnelSettings>> GetAsync(Guid regionId, CancellationToken ct = default) =>
        await _db.Regions.AnyAsync(r => r.Id == regionId, ct) ? await ctx.SettingsForRegionAsync(regionId, ct) : Organizations.OrganizationErrors.NotFound();

    public async Task<Result<PersonnelSettings>> SaveAsync(Guid regionId, PersonnelSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var region = await _db.ActOnAsync(_db.Regions, regionId, PersonnelPermissions.PersonnelManage, ct);
        if (region is null)
            return Organizations.OrganizationErrors.NotFound();
        if (settings.Validate() is { } error)
            return error;
        var row = await _db.PersonnelSettings.FirstOrDefaultAsync(s => s.RegionId == regionId, ct);
        if (row is null)
            _db.PersonnelSettings.Add(new RegionPersonnelSettings(regionId, settings, ctx.Now));
        else
            row.Change(settings, ctx.Now);
        await _db.SaveChangesAsync(ct);
        return settings;
    }
}
