using Zhifa.Core.Audit;
using Zhifa.Core.Common;

namespace Zhifa.Core.Catalogue;

/// <summary>
/// An enforcement item of the catalogue (行政执法事项). Its <see cref="Code"/> is the identity that cases,
/// inspections and benchmarks keep across versions; what the item says lives in its versions. At most one
/// version is being worked on at a time, and at most one published version has no end.
/// </summary>
/// <remarks>
/// Every change returns an <see cref="Error"/> instead of throwing: the state a user acts on may be stale (an
/// old page, two reviewers at once), so a wrong state is an expected conflict (<see cref="CatalogueWorkflow"/>).
/// A refused change changes nothing.
/// </remarks>
public sealed class CatalogueItem : IHasOrganization, Zhifa.Core.Common.IVersioned
{
    /// <summary>The concurrency token: raised by every saved change (<see cref="Zhifa.Core.Common.IVersioned"/>).</summary>
    public int Version { get; private set; }

    public const int MaxCodeLength = 64;

    private readonly List<CatalogueItemVersion> _versions = [];
    #pragma warning disable IDE0044 // not readonly: EF Core sets it when it reads the JSON column back
    private List<DelegationEvaluation> _evaluations = [];
    #pragma warning restore IDE0044

    /// <summary>For EF Core materialisation.</summary>
    private CatalogueItem() => Code = "";

    private CatalogueItem(Guid id, Guid ownerId, string code, DateTime now)
    {
        Id = id;
        OwnerId = ownerId;
        Code = code;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The enforcement body whose catalogue holds the item (编制主体): it drafts, amends and publishes it; its scope sees the drafts.</summary>
    public Guid OwnerId { get; private set; }

    public string Code { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public IReadOnlyList<CatalogueItemVersion> Versions => _versions;

    Guid? IHasOrganization.OrganizationId => OwnerId;

    /// <summary>The township-capacity evaluations of a delegated item; they follow publication and are not part of any version.</summary>
    public IReadOnlyList<DelegationEvaluation> Evaluations => _evaluations;

    /// <summary>The version being drafted or reviewed, if any.</summary>
    public CatalogueItemVersion? Working => _versions.SingleOrDefault(v => v.State is VersionState.Draft or VersionState.Submitted or VersionState.Returned or VersionState.Approved);

    /// <summary>The latest published version, unless the item is abolished.</summary>
    public CatalogueItemVersion? Published => _versions.SingleOrDefault(v => v.State == VersionState.Published);

    public bool IsAbolished => _versions.Any(v => v.State == VersionState.Abolished && v.EffectiveFrom is not null);

    /// <summary>The first day any version was in force; the item's age for the five-year clean-up.</summary>
    public DateOnly? FirstEffectiveFrom => _versions.Min(v => v.EffectiveFrom);

    private CatalogueItemVersion Latest => _versions.MaxBy(v => v.VersionNumber)!;

    /// <summary>A new item with a first draft version.</summary>
    internal static Result<CatalogueItem> Create(Guid id, Guid versionId, Guid ownerId, string code, ItemContent content, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(content);
        if ((CheckCode(code) ?? content.Check()) is { } error)
            return error;
        var item = new CatalogueItem(id, ownerId, code.Trim(), now);
        item._versions.Add(new CatalogueItemVersion(versionId, id, ownerId, 1, content, now));
        return item;
    }

    /// <summary>
    /// An item of a catalogue published before Zhifa, taken over as it stands: published without review and possibly
    /// incomplete (no legal basis, no body) — finding such items is what the clean-up is for.
    /// </summary>
    internal static Result<CatalogueItem> Import(Guid id, Guid versionId, Guid ownerId, string code, ItemContent content, DateOnly effectiveFrom, DateTime now)
    {
        var created = Create(id, versionId, ownerId, code, content, now);
        if (created.IsSuccess)
            created.Value._versions[0].Publish(CatalogueAction.TakeOver, effectiveFrom, now);
        return created;
    }

    public CatalogueItemVersion? VersionInForce(DateOnly date) => _versions.SingleOrDefault(v => v.IsInForceOn(date));

    /// <summary>When the township's capacity must next be evaluated: after the latest evaluation since the current delegation, else as the delegation says.</summary>
    public DateOnly? EvaluationDueOn(DateOnly date)
    {
        if (VersionInForce(date)?.Delegation is not { } delegation)
            return null;
        var last = _evaluations.Where(e => e.EvaluatedOn >= delegation.DelegatedOn).MaxBy(e => e.EvaluatedOn);
        return last?.NextDueOn ?? delegation.EvaluationDueOn;
    }

    internal Error? Edit(ItemContent content, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(content);
        if ((Refusal(CatalogueAction.Edit) ?? content.Check()) is { } error)
            return error;
        Working!.Apply(content, now);
        return null;
    }

    /// <summary>Sends the working version to the supervisor. Its form was checked on every edit; now it must also have a legal basis and a body.</summary>
    internal Error? Submit(DateTime now)
    {
        if (Refusal(CatalogueAction.Submit) is { } error)
            return error;
        var working = Working!;
        if (working.Bases.Count == 0)
            return CatalogueErrors.NoLegalBasis();
        if (working.BodyIds.Count == 0)
            return CatalogueErrors.NoImplementingBody();
        working.Take(CatalogueAction.Submit, now);
        return null;
    }

    internal Error? Return(string comments, DateTime now)
    {
        if (Refusal(CatalogueAction.Return) is { } error)
            return error;
        if (string.IsNullOrWhiteSpace(comments))
            return CatalogueErrors.CommentsRequired();
        Working!.Take(CatalogueAction.Return, now, comments.Trim());
        return null;
    }

    internal Error? Approve(DateTime now)
    {
        if (Refusal(CatalogueAction.Approve) is { } error)
            return error;
        Working!.Take(CatalogueAction.Approve, now);
        return null;
    }

    /// <summary>
    /// Publishes the approved version from <paramref name="effectiveFrom"/>; the version it replaces stays in force
    /// until the day before. Never backdated, so no past act changes the version that governs it.
    /// </summary>
    internal Error? Publish(DateOnly effectiveFrom, DateOnly today, DateTime now)
    {
        if (Refusal(CatalogueAction.Publish) is { } error)
            return error;
        var previous = Published;
        if (EarliestAfter(previous, today) is var earliest && effectiveFrom < earliest)
            return CatalogueErrors.DateTooEarly(earliest);
        var working = Working!;
        previous?.End(CatalogueAction.Supersede, effectiveFrom.AddDays(-1), now);
        working.Publish(CatalogueAction.Publish, effectiveFrom, now);
        return null;
    }

    /// <summary>Starts a new version as a draft copy of the published one.</summary>
    internal Result<CatalogueItemVersion> Amend(Guid versionId, DateTime now)
    {
        object[] open = Working is { } working ? [working.VersionNumber] : [];
        if (Refusal(CatalogueAction.Amend, open) is { } error)
            return error;
        var published = Published!;
        var version = new CatalogueItemVersion(versionId, Id, OwnerId, Latest.VersionNumber + 1, published.Content, now);
        _versions.Add(version);
        return version;
    }

    /// <summary>Abolishes the item from <paramref name="abolishedFrom"/>; a version being worked on is abolished with it.</summary>
    internal Error? Abolish(DateOnly abolishedFrom, DateOnly today, DateTime now)
    {
        if (Refusal(CatalogueAction.Abolish) is { } error)
            return error;
        var published = Published!;
        if (EarliestAfter(published, today) is var earliest && abolishedFrom < earliest)
            return CatalogueErrors.DateTooEarly(earliest, field: "abolishedFrom");
        Working?.Take(CatalogueAction.AbolishWithItem, now);
        published.End(CatalogueAction.Abolish, abolishedFrom.AddDays(-1), now);
        return null;
    }

    internal Error? RecordEvaluation(DelegationEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (VersionInForce(evaluation.EvaluatedOn) is not { DelegatedToTownship: true })
            return CatalogueErrors.NotDelegated();
        if (evaluation.NextDueOn <= evaluation.EvaluatedOn)
            return CatalogueErrors.DateTooEarly(evaluation.EvaluatedOn.AddDays(1), field: "nextDueOn");
        _evaluations.Add(evaluation with { Notes = string.IsNullOrWhiteSpace(evaluation.Notes) ? null : evaluation.Notes.Trim() });
        return null;
    }

    /// <summary>The first day from which a new version could be published or the item abolished: what a date left open defaults to.</summary>
    public DateOnly EarliestChange(DateOnly today) => EarliestAfter(Published, today);

    /// <summary>A new period starts no earlier than today and after the current version's first day.</summary>
    private static DateOnly EarliestAfter(CatalogueItemVersion? current, DateOnly today) =>
        current?.EffectiveFrom is { } from && from >= today ? from.AddDays(1) : today;

    /// <summary>
    /// The workflow table's answer for <paramref name="action"/>, asked of the version it addresses (Amend and Abolish the
    /// published one, the others the one being worked on; without it, the latest).
    /// </summary>
    private Error? Refusal(CatalogueAction action, params object[] guardArgs)
    {
        var addressed = action is CatalogueAction.Amend or CatalogueAction.Abolish ? Published : Working;
        return CatalogueWorkflow.Table.Refusal((addressed ?? Latest).State, action, g => CatalogueWorkflow.Holds(this, g), guardArgs);
    }

    private static ValidationError? CheckCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? CatalogueErrors.CodeRequired()
        : code.Trim().Length > MaxCodeLength ? CatalogueErrors.CodeTooLong(MaxCodeLength)
        : null;
}
