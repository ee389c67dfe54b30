using Microsoft.EntityFrameworkCore;

namespace Zhifa.Core.Parties;

/// <summary>What other features know of a party: who it is, masked, and where it is registered.</summary>
public sealed record PartySummary(Guid Id, PartyKind Kind, string Name, string? CreditCode, string? MaskedIdNumber,
    string? LegalRepresentative, string? Address, Guid RegionId);

/// <summary>
/// The party registry's public face for the features that name parties (cases, inspections, complaints): they keep a party's
/// id and read its summary here, through the caller's scope.
/// </summary>
public sealed class PartyDirectory(ZhifaDbContext db)
{
    /// <summary>The party, or null when there is none with this id or the caller does not see it.</summary>
    public async Task<PartySummary?> FindAsync(Guid id, CancellationToken ct)
    {
        var party = await db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return party is null ? null : Summary(party);
    }

    /// <summary>The parties of <paramref name="ids"/> the caller sees, in one query; absent and out-of-scope ids are left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, PartySummary>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
            return new Dictionary<Guid, PartySummary>();
        var distinct = ids.Distinct().ToList();
        return await db.Parties.AsNoTracking().Where(p => distinct.Contains(p.Id)).ToDictionaryAsync(p => p.Id, Summary, ct);
    }

    internal static PartySummary Summary(Party p) =>
        new(p.Id, p.Kind, p.Name, p.CreditCode, p.IdNumberMasked, p.LegalRepresentative, p.Address, p.RegionId);
}
