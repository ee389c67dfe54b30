using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Personnel.UseCases;

/// <summary>The key that makes ID-number hashes unrepeatable outside this deployment (configuration, not the database).</summary>
public sealed record IdNumberPepper(byte[] Value);

/// <summary>What the personnel use cases share: the clock in China dates, region settings, scope checks.</summary>
public sealed class PersonnelContext(ZhifaDbContext db, TimeProvider clock, IIdNumberProtector protector, IdNumberPepper pepper)
{

    public ZhifaDbContext Db => db;
    public IIdNumberProtector Protector => protector;
    public ReadOnlySpan<byte> Pepper => pepper.Value;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Statutory days are China's calendar days.</summary>
    public DateOnly Today => clock.Today();

    public Guid ActorId => db.Actor.UserId ?? Guid.Empty;

    /// <summary>The settings of the nearest region up the tree that has its own; else the national defaults.</summary>
    public async Task<PersonnelSettings> SettingsForRegionAsync(Guid regionId, CancellationToken ct)
    {
        var region = await db.Regions.Unscoped("the settings of a region's tree apply whoever reads them").AsNoTracking().FirstOrDefaultAsync(r => r.Id == regionId, ct);
        if (region is null)
            return PersonnelSettings.Default;
        var chain = region.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var rows = await db.PersonnelSettings.AsNoTracking().Where(s => chain.Contains(s.RegionId)).ToListAsync(ct);
        return rows.OrderByDescending(r => chain.IndexOf(r.RegionId)).FirstOrDefault()?.Settings ?? PersonnelSettings.Default;
    }

    /// <summary>
    /// The settings of each of the given bodies (those of the nearest region up its region's tree that has its own), in three
    /// queries whatever the number of bodies: a list of officers or certificates needs those of every body on its page.
    /// </summary>
    public async Task<Dictionary<Guid, PersonnelSettings>> SettingsForBodiesAsync(IEnumerable<Guid> bodyIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bodyIds);
        var ids = bodyIds.Distinct().ToList();
        var result = ids.ToDictionary(id => id, _ => PersonnelSettings.Default);
        if (ids.Count == 0)
            return result;
        var regionOf = await db.Bodies.Unscoped("the settings of a body's region apply whoever reads them").AsNoTracking().Where(b => ids.Contains(b.Id))
            .Select(b => new { b.Id, b.RegionId }).ToDictionaryAsync(b => b.Id, b => b.RegionId, ct);
        var regionIds = regionOf.Values.Distinct().ToList();
        var chains = (await db.Regions.Unscoped("the settings of a region's tree apply whoever reads them").AsNoTracking().Where(r => regionIds.Contains(r.Id))
                .Select(r => new { r.Id, r.Path }).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList());
        var onChains = chains.Values.SelectMany(c => c).Distinct().ToList();
        var own = (await db.PersonnelSettings.AsNoTracking().Where(s => onChains.Contains(s.RegionId)).ToListAsync(ct)).ToDictionary(s => s.RegionId, s => s.Settings);
        foreach (var (body, region) in regionOf)
        {
            if (chains.TryGetValue(region, out var chain))
                result[body] = chain.AsEnumerable().Reverse().Select(r => own.GetValueOrDefault(r)).FirstOrDefault(s => s is not null) ?? PersonnelSettings.Default;
        }
        return result;
    }

    public async Task<(EnforcementBody Body, Region Region, PersonnelSettings Settings)?> BodyAsync(Guid bodyId, CancellationToken ct)
    {
        var body = await db.Bodies.FirstOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null)
            return null;
        var region = await db.Regions.Unscoped("a body's region issues and numbers its certificates").AsNoTracking().FirstAsync(r => r.Id == body.RegionId, ct);
        // Certificates are issued and numbered by the county (or higher): a township body's certificate is its county's.
        if (region.Level == RegionLevel.Township && region.ParentId is { } county)
            region = await db.Regions.Unscoped("a township body's county issues and numbers its certificates").AsNoTracking().FirstAsync(r => r.Id == county, ct);
        return (body, region, await SettingsForRegionAsync(region.Id, ct));
    }

    /// <summary>An officer the caller may act on with <paramref name="permission"/>; else null (answered as not found).</summary>
    public Task<Officer?> OfficerAsync(Guid id, string permission, CancellationToken ct) =>
        db.ActOnAsync(db.Officers, id, o => o.BodyId, db.Organizations, permission, ct);

    /// <summary>A certificate the caller may act on with <paramref name="permission"/> (in its issuing body); else null.</summary>
    public Task<Certificate?> CertificateAsync(Guid id, string permission, CancellationToken ct) =>
        db.ActOnAsync(db.Certificates, id, c => c.BodyId, db.Organizations, permission, ct);

    public async Task<List<AttendedHours>> AttendedHoursAsync(IReadOnlyCollection<Guid> officerIds, CancellationToken ct)
    {
        var rows = await (from a in db.TrainingAttendances.Unscoped("the officers' own training hours, whichever body the caller sees")
                          join s in db.TrainingSessions on a.SessionId equals s.Id
                          where officerIds.Contains(a.OfficerId)
                          select new { a.OfficerId, s.EndsOn, s.Category, a.Hours }).ToListAsync(ct);
        return rows.Select(r => new AttendedHours(r.OfficerId, r.EndsOn, r.Category, r.Hours)).ToList();
    }

    public Task<bool> IdNumberTakenAsync(string hash, CancellationToken ct) =>
        db.Officers.Unscoped("ID numbers are unique across the whole database").AnyAsync(o => o.IdNumberHash == hash, ct);

    internal static Error NotFound => PersonnelErrors.OfficerNotFound();
}
