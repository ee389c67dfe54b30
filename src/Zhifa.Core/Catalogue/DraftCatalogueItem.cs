using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Catalogue;

/// <summary>What a version of an item says, as a client sends it.</summary>
public sealed record ItemContentRequest(
    [MaxLength(ItemContent.MaxNameLength)] string Name, ItemKind Kind, [MaxLength(100)] IReadOnlyList<LegalBasis>? Bases, [MaxLength(500)] IReadOnlyList<Guid>? BodyIds,
    RegionLevel SettingLevel, TownshipDelegation? Delegation = null)
{
    internal ItemContent ToContent() => new(Name ?? "", Kind, Bases ?? [], BodyIds ?? [], SettingLevel, Delegation);
}

public sealed record CreateItemRequest(Guid OwnerId, [MaxLength(CatalogueItem.MaxCodeLength)] string Code, ItemContentRequest Content);

/// <summary>Starts a new item in a body's catalogue as a draft (version 1).</summary>
public sealed class CreateCatalogueItem(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> ExecuteAsync(CreateItemRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Content);
        if (await CatalogueAccess.BodyAsync(db, request.OwnerId, CataloguePermissions.CatalogueEdit, ct) is null)
            return CatalogueErrors.UnknownOwner();
        var content = request.Content.ToContent();
        if (await ItemContentRules.CheckAsync(db, content, ct) is { } error)
            return error;
        var now = clock.GetUtcNow();
        var created = CatalogueItem.Create(Guid.CreateVersion7(now), Guid.CreateVersion7(now), request.OwnerId, request.Code ?? "", content, now.UtcDateTime);
        if (!created.IsSuccess)
            return created.Error;
        var item = created.Value;
        if (await db.CatalogueItems.Unscoped("item codes are unique across the whole database").AnyAsync(i => i.Code == item.Code, ct))
            return CatalogueErrors.CodeDuplicate(item.Code);
        db.CatalogueItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }
}

/// <summary>Changes the version being drafted (a draft, or one the supervisor returned).</summary>
public sealed class EditCatalogueItem(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> ExecuteAsync(Guid id, ItemContentRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await CatalogueAccess.ItemAsync(db, id, CataloguePermissions.CatalogueEdit, ct) is not { } item)
            return CatalogueErrors.ItemNotFound();
        var content = request.ToContent();
        if (item.Working is not { IsEditable: true })
            return item.Edit(content, clock.GetUtcNow().UtcDateTime)!;
        if (await ItemContentRules.CheckAsync(db, content, ct) is { } error)
            return error;
        if (item.Edit(content, clock.GetUtcNow().UtcDateTime) is { } refused)
            return refused;
        await db.SaveChangesAsync(ct);
        return item.Id;
    }
}

/// <summary>Checks of an item's content that need the database: the bodies it names.</summary>
internal static class ItemContentRules
{
    /// <summary>
    /// Implementing bodies are active enforcement bodies, wherever they sit (a township government may implement a county
    /// bureau's delegated item); a delegated item is implemented by at least one body of a township.
    /// </summary>
    public static async Task<Error?> CheckAsync(ZhifaDbContext db, ItemContent content, CancellationToken ct)
    {
        if (content.Check() is { } formError)
            return formError;
        var ids = content.BodyIds.Distinct().ToList();
        var bodies = await db.Bodies.Unscoped("an item may name implementing bodies anywhere").AsNoTracking().Where(b => ids.Contains(b.Id) && b.IsActive)
            .Select(b => new { b.Id, b.RegionId }).ToListAsync(ct);
        if (bodies.Count != ids.Count)
            return CatalogueErrors.UnknownBody();
        if (content.Delegation is not null)
        {
            var regionIds = bodies.Select(b => b.RegionId).ToList();
            if (!await db.Regions.Unscoped("the level of an implementing body's region is a fact, whoever reads it").AnyAsync(r => regionIds.Contains(r.Id) && r.Level == RegionLevel.Township, ct))
                return CatalogueErrors.DelegationNeedsTownshipBody();
        }
        return null;
    }
}
