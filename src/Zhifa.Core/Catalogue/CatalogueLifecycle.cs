using System.ComponentModel.DataAnnotations;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;

namespace Zhifa.Core.Catalogue;

public sealed record ReviewCommentsRequest([MaxLength(ReviewCommentsRequest.MaxCommentsLength)] string? Comments)
{
    public const int MaxCommentsLength = 1000;
}

public sealed record EffectiveDateRequest(DateOnly? EffectiveFrom = null);

public sealed record AbolishItemRequest(DateOnly? AbolishedFrom = null);

public sealed record EvaluationRequest(DateOnly? EvaluatedOn, EvaluationResult Result, DateOnly NextDueOn, [MaxLength(1000)] string? Notes = null);

/// <summary>The owner sends the working version to the supervisor; it must now have a legal basis and a body.</summary>
public sealed class SubmitCatalogueItem(ZhifaDbContext db, TimeProvider clock)
{
    public Task<Result<Guid>> ExecuteAsync(Guid id, CancellationToken ct = default) =>
        ItemChange.RunAsync(db, id, CatalogueAction.Submit, item => item.Submit(clock.GetUtcNow().UtcDateTime), ct);
}

/// <summary>The supervisor's review of a submitted version: returned to the owner with comments, or approved for publication.</summary>
public sealed class ReviewCatalogueItem(ZhifaDbContext db, TimeProvider clock)
{
    public Task<Result<Guid>> ReturnAsync(Guid id, ReviewCommentsRequest request, CancellationToken ct = default) =>
        ItemChange.RunAsync(db, id, CatalogueAction.Return, item => item.Return(request?.Comments ?? "", clock.GetUtcNow().UtcDateTime), ct);

    public Task<Result<Guid>> ApproveAsync(Guid id, CancellationToken ct = default) =>
        ItemChange.RunAsync(db, id, CatalogueAction.Approve, item => item.Approve(clock.GetUtcNow().UtcDateTime), ct);
}

/// <summary>The owner publishes the approved version, from the earliest day possible (today, or the day after the current version's first) unless a later day is given.</summary>
public sealed class PublishCatalogueItem(ZhifaDbContext db, TimeProvider clock)
{
    public Task<Result<Guid>> ExecuteAsync(Guid id, EffectiveDateRequest request, CancellationToken ct = default)
    {
        var today = clock.Today();
        return ItemChange.RunAsync(db, id, CatalogueAction.Publish,
            item => item.Publish(request?.EffectiveFrom ?? item.EarliestChange(today), today, clock.GetUtcNow().UtcDateTime), ct);
    }
}

/// <summary>Starts the next version as a draft copy of the published one; the published one stays in force meanwhile.</summary>
public sealed class AmendCatalogueItem(ZhifaDbContext db, TimeProvider clock)
{
    public Task<Result<Guid>> ExecuteAsync(Guid id, CancellationToken ct = default) =>
        ItemChange.RunAsync(db, id, CatalogueAction.Amend, item =>
        {
            var now = clock.GetUtcNow();
            var amended = item.Amend(Guid.CreateVersion7(now), now.UtcDateTime);
            if (!amended.IsSuccess)
                return amended.Error;
            db.CatalogueItemVersions.Add(amended.Value);
            return null;
        }, ct);
}

/// <summary>Abolishes the item from the earliest day possible unless a later day is given; acts before that day keep their version.</summary>
public sealed class AbolishCatalogueItem(ZhifaDbContext db, TimeProvider clock)
{
    public Task<Result<Guid>> ExecuteAsync(Guid id, AbolishItemRequest request, CancellationToken ct = default)
    {
        var today = clock.Today();
        return ItemChange.RunAsync(db, id, CatalogueAction.Abolish,
            item => item.Abolish(request?.AbolishedFrom ?? item.EarliestChange(today), today, clock.GetUtcNow().UtcDateTime), ct);
    }
}

/// <summary>Records an evaluation of whether the township carries a delegated item (承接评估) and when the next is due.</summary>
public sealed class RecordDelegationEvaluation(ZhifaDbContext db, TimeProvider clock)
{
    public Task<Result<Guid>> ExecuteAsync(Guid id, EvaluationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = clock.Today();
        return ItemChange.RunAsync(db, id, CataloguePermissions.CatalogueEdit, item =>
            request.EvaluatedOn > today
                ? CatalogueErrors.DateInFuture()
                : item.RecordEvaluation(new DelegationEvaluation(request.EvaluatedOn ?? today, request.Result, request.NextDueOn, request.Notes)), ct);
    }
}

/// <summary>Loads the item the caller may act on, applies one change, and saves once; a refused change saves nothing.</summary>
internal static class ItemChange
{
    /// <summary>One step of <see cref="CatalogueWorkflow"/>, by a holder of the permission its table names.</summary>
    public static Task<Result<Guid>> RunAsync(ZhifaDbContext db, Guid id, CatalogueAction action, Func<CatalogueItem, Error?> change, CancellationToken ct) =>
        RunAsync(db, id, CatalogueWorkflow.Table.PermissionOf(action)!, change, ct);

    public static async Task<Result<Guid>> RunAsync(ZhifaDbContext db, Guid id, string permission, Func<CatalogueItem, Error?> change, CancellationToken ct)
    {
        if (await CatalogueAccess.ItemAsync(db, id, permission, ct) is not { } item)
            return CatalogueErrors.ItemNotFound();
        if (change(item) is { } error)
            return error;
        await db.SaveChangesAsync(ct);
        return item.Id;
    }
}
