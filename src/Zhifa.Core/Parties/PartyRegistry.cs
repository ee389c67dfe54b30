using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;

namespace Zhifa.Core.Parties;

/// <summary>
/// A party as typed into the form or the API. <paramref name="IdNumber"/> is a natural person's; on an edit an empty one keeps the
/// number already stored. Fields that do not apply to the kind (a person's credit code, an organisation's ID number) are ignored.
/// </summary>
public sealed record PartyRequest(
    PartyKind Kind,
    [MaxLength(Party.MaxNameLength)] string? Name,
    Guid RegionId,
    [MaxLength(32)] string? CreditCode = null,
    [MaxLength(Party.MaxPersonLength)] string? LegalRepresentative = null,
    [MaxLength(Party.MaxAddressLength)] string? Address = null,
    IndustrySection? Industry = null,
    CreditGrade? CreditGrade = null,
    [MaxLength(Party.MaxPhoneLength)] string? Phone = null,
    [MaxLength(IdNumber.MaxInputLength)] string? IdNumber = null,
    [MaxLength(Party.MaxRiskTagsLength)] string? RiskTags = null)
{
    internal PartyProfile Profile => new(Kind, Name, CreditCode, LegalRepresentative, Address, Industry, CreditGrade, Phone, RegionId, RiskTags);
}

/// <summary>What the party use cases share: the clock, the ID-number protection, the region tree as parties see it.</summary>
public sealed class PartyContext(ZhifaDbContext db, TimeProvider clock, IIdNumberProtector protector, IdNumberPepper pepper)
{
    public ZhifaDbContext Db => db;
    public IIdNumberProtector Protector => protector;
    public ReadOnlySpan<byte> Pepper => pepper.Value;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => clock.Today();

    /// <summary>An active region by id, whoever asks: the region a party is registered in is reference data.</summary>
    public Task<Region?> RegionAsync(Guid regionId, CancellationToken ct) =>
        db.Regions.Unscoped("the region a party is registered in is reference data of the shared registry")
            .AsNoTracking().FirstOrDefaultAsync(r => r.Id == regionId && r.IsActive, ct);

    /// <summary>
    /// Whether the caller holds <paramref name="permission"/> in an organisation whose region lies on one branch with
    /// <paramref name="regionPath"/>: the same reach as reading, with the permission to act.
    /// </summary>
    public async Task<bool> MayActInAsync(string regionPath, string permission, CancellationToken ct)
    {
        if (db.Actor.IsSystem)
            return true;
        var nodes = await db.Organizations.AsNoTracking()
            .Where(o => o.RegionPath != "" && (regionPath.StartsWith(o.RegionPath) || o.RegionPath.StartsWith(regionPath))).ToListAsync(ct);
        return nodes.Any(n => db.Actor.CanIn(permission, n));
    }

    /// <summary>
    /// The region paths of the organisations where the caller holds <paramref name="permission"/> (null: everywhere, the system):
    /// a region is in reach when it lies on one branch with one of them. One query, for checking many regions (an import).
    /// </summary>
    public async Task<IReadOnlyList<string>?> ReachAsync(string permission, CancellationToken ct)
    {
        if (db.Actor.IsSystem)
            return null;
        var nodes = await db.Organizations.AsNoTracking().Where(o => o.RegionPath != "").ToListAsync(ct);
        return nodes.Where(n => db.Actor.CanIn(permission, n)).Select(n => n.RegionPath).Distinct().ToList();
    }

    /// <summary>Whether <paramref name="regionPath"/> lies on one branch with a path of <paramref name="reach"/> (<see cref="ReachAsync"/>).</summary>
    public static bool InReach(IReadOnlyList<string>? reach, string regionPath) =>
        reach is null || reach.Any(p => regionPath.StartsWith(p, StringComparison.Ordinal) || p.StartsWith(regionPath, StringComparison.Ordinal));

    /// <summary>A party the caller may act on with <paramref name="permission"/>; else null (answered as not found).</summary>
    public async Task<Party?> PartyAsync(Guid id, string permission, CancellationToken ct)
    {
        var party = await db.Parties.FirstOrDefaultAsync(p => p.Id == id, ct);
        return party is not null && await MayActInAsync(party.RegionPath, permission, ct) ? party : null;
    }

    /// <summary>The party already registered with this credit code or ID-number hash (across the whole registry), other than <paramref name="except"/>.</summary>
    public async Task<Error?> DuplicateAsync(string? creditCode, string? idNumberHash, Guid? except, CancellationToken ct)
    {
        var all = db.Parties.Unscoped("credit codes and ID numbers are unique across the whole registry").AsNoTracking();
        if (creditCode is not null && await all.Where(p => p.CreditCode == creditCode && p.Id != except).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct) is { } byCode)
            return PartyErrors.CreditCodeTaken(byCode.Name, byCode.Id);
        if (idNumberHash is not null && await all.Where(p => p.IdNumberHash == idNumberHash && p.Id != except).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct) is { } byId)
            return PartyErrors.IdNumberTaken(byId.Name, byId.Id);
        return null;
    }
}

/// <summary>Registering and correcting parties; revealing a person's full ID number to those who may see it.</summary>
public sealed class PartyRegistry(PartyContext ctx)
{
    private readonly ZhifaDbContext _db = ctx.Db;

    public async Task<Result<Guid>> RegisterAsync(PartyRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checkedRequest = await CheckAsync(request, requireIdNumber: true, ct);
        if (!checkedRequest.IsSuccess)
            return checkedRequest.Error;
        var (idNumber, region) = checkedRequest.Value;
        var profile = request.Profile;
        if (await ctx.DuplicateAsync(CodeOf(profile), idNumber?.Hash, null, ct) is { } duplicate)
            return duplicate;
        var party = Party.Register(profile, idNumber, region.Path, ctx.Now);
        _db.Parties.Add(party);
        await _db.SaveChangesAsync(ct);
        return party.Id;
    }

    public async Task<Result<Guid>> UpdateAsync(Guid id, PartyRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var party = await ctx.PartyAsync(id, PartyPermissions.Manage, ct);
        if (party is null)
            return PartyErrors.PartyNotFound();
        // A person keeps the number on file unless a new one is typed (or the record becomes a person's now).
        var checkedRequest = await CheckAsync(request, requireIdNumber: party.IdNumberHash is null, ct);
        if (!checkedRequest.IsSuccess)
            return checkedRequest.Error;
        var (idNumber, region) = checkedRequest.Value;
        var profile = request.Profile;
        if (await ctx.DuplicateAsync(CodeOf(profile), idNumber?.Hash, party.Id, ct) is { } duplicate)
            return duplicate;
        party.Update(profile, idNumber, region.Path, ctx.Now);
        await _db.SaveChangesAsync(ct);
        return party.Id;
    }

    /// <summary>A natural person's full ID number, for those whose work needs it.</summary>
    public async Task<Result<string>> RevealIdNumberAsync(Guid id, CancellationToken ct = default)
    {
        var party = await ctx.PartyAsync(id, PartyPermissions.IdNumberView, ct);
        return party?.IdNumberProtected is { } stored ? ctx.Protector.Unprotect(stored) : PartyErrors.PartyNotFound();
    }

    /// <summary>
    /// Every wrong field at once: the profile, the ID number of a person, the region (one the caller may register parties in).
    /// </summary>
    private async Task<Result<(StoredIdNumber? IdNumber, Region Region)>> CheckAsync(PartyRequest request, bool requireIdNumber, CancellationToken ct)
    {
        var errors = new ValidationBuilder();
        errors.Add(Party.Check(request.Profile));
        StoredIdNumber? idNumber = null;
        if (request.Kind == PartyKind.NaturalPerson)
        {
            if (string.IsNullOrWhiteSpace(request.IdNumber))
            {
                if (requireIdNumber)
                    errors.Add(PartyErrors.IdNumberRequired());
            }
            else
            {
                var stored = StoredIdNumber.Create(request.IdNumber, ctx.Today, ctx.Protector, ctx.Pepper);
                if (stored.IsSuccess)
                    idNumber = stored.Value;
                else if (stored.Error is ValidationError idError)
                    errors.Add(idError);
                else
                    return stored.Error;
            }
        }
        Region? region = null;
        if (request.RegionId != Guid.Empty)
        {
            region = await ctx.RegionAsync(request.RegionId, ct);
            if (region is null || !await ctx.MayActInAsync(region.Path, PartyPermissions.Manage, ct))
                errors.Add(PartyErrors.RegionUnknown());
        }
        if (errors.Build() is { } invalid)
            return invalid;
        return (idNumber, region!);
    }

    private static string? CodeOf(PartyProfile p) =>
        p.Kind == PartyKind.NaturalPerson || Party.Clean(p.CreditCode) is null ? null : PartyCreditCode.Normalize(p.CreditCode);
}
