using Zhifa.Core.Audit;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Catalogue;

/// <summary>
/// One version of a catalogue item. Its content changes only while it is a draft or returned; once
/// submitted it is frozen, and once published it never changes again except for the day it stops being in force.
/// </summary>
public sealed class CatalogueItemVersion : IHasOrganization, Zhifa.Core.Common.IVersioned
{
    /// <summary>The concurrency token: raised by every saved change (<see cref="Zhifa.Core.Common.IVersioned"/>).</summary>
    public int Version { get; private set; }

    #pragma warning disable IDE0044 // not readonly: EF Core sets it when it reads the JSON column back
    private List<LegalBasis> _bases = [];
    private List<Guid> _bodyIds = [];
    #pragma warning restore IDE0044

    /// <summary>For EF Core materialisation.</summary>
    private CatalogueItemVersion() => Name = "";

    internal CatalogueItemVersion(Guid id, Guid itemId, Guid ownerId, int versionNumber, ItemContent content, DateTime now)
    {
        Id = id;
        ItemId = itemId;
        OwnerId = ownerId;
        VersionNumber = versionNumber;
        Name = "";
        CreatedAt = now;
        Apply(content, now);
    }

    public Guid Id { get; private set; }
    public Guid ItemId { get; private set; }

    /// <summary>The item's <see cref="CatalogueItem.OwnerId"/>, kept here so that a draft version is scoped like its item.</summary>
    public Guid OwnerId { get; private set; }

    public int VersionNumber { get; private set; }
    public string Name { get; private set; }
    public ItemKind Kind { get; private set; }
    public IReadOnlyList<LegalBasis> Bases => _bases;

    /// <summary>The enforcement bodies that implement the item (实施主体).</summary>
    public IReadOnlyList<Guid> BodyIds => _bodyIds;

    /// <summary>The level of government whose law or regulation sets the item (设定层级).</summary>
    public RegionLevel SettingLevel { get; private set; }

    public TownshipDelegation? Delegation { get; private set; }
    public bool DelegatedToTownship => Delegation is not null;

    public VersionState State { get; private set; }
    public string? ReviewComments { get; private set; }
    public DateOnly? EffectiveFrom { get; private set; }

    /// <summary>When the version was published (or taken over as published): what the public site says.</summary>
    public DateTime? PublishedAt { get; private set; }

    /// <summary>The last day in force; null while in force without end.</summary>
    public DateOnly? EffectiveTo { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public bool IsEditable => State is VersionState.Draft or VersionState.Returned;

    /// <summary>Whether the version was ever published: then it is public, and only its end date may still change.</summary>
    public bool WasPublished => EffectiveFrom is not null;

    Guid? IHasOrganization.OrganizationId => OwnerId;

    /// <summary>Whether this is the version that governs acts of <paramref name="date"/>; a version is never in force before its publication.</summary>
    public bool IsInForceOn(DateOnly date) =>
        State is VersionState.Published or VersionState.Superseded or VersionState.Abolished
        && EffectiveFrom <= date && (EffectiveTo is null || date <= EffectiveTo);

    public ItemContent Content => new(Name, Kind, [.. _bases], [.. _bodyIds], SettingLevel, Delegation);

    internal void Apply(ItemContent content, DateTime now)
    {
        Name = content.Name.Trim();
        Kind = content.Kind;
        _bases.Clear();
        _bases.AddRange(content.Bases.Select(b => b with
        {
            LawName = b.LawName.Trim(), Article = b.Article.Trim(), Clause = string.IsNullOrWhiteSpace(b.Clause) ? null : b.Clause.Trim(), Text = b.Text.Trim(),
        }));
        _bodyIds.Clear();
        _bodyIds.AddRange(content.BodyIds.Distinct());
        SettingLevel = content.SettingLevel;
        Delegation = content.Delegation is { } d ? d with { Document = d.Document.Trim() } : null;
        UpdatedAt = now;
    }

    /// <summary>
    /// Takes one step of <see cref="CatalogueWorkflow"/>. The item asks the table first and returns its refusal to the
    /// user; a step the table refuses here is a bug of the caller, so it throws.
    /// </summary>
    internal void Take(CatalogueAction action, DateTime now, string? comments = null)
    {
        if (CatalogueWorkflow.Table.Target(State, action) is not { } target)
            throw new InvalidOperationException($"Version {Id}: {CatalogueWorkflow.Table.Illegal(State, action).Describe()}");
        State = target;
        ReviewComments = comments ?? ReviewComments;
        UpdatedAt = now;
    }

    /// <summary>In force from <paramref name="effectiveFrom"/>: an approved version published, or an older catalogue's taken over.</summary>
    internal void Publish(CatalogueAction action, DateOnly effectiveFrom, DateTime now)
    {
        Take(action, now);
        EffectiveFrom = effectiveFrom;
        PublishedAt = now;
    }

    /// <summary>Closes the period in force: replaced by a newer version (<see cref="CatalogueAction.Supersede"/>), or abolished.</summary>
    internal void End(CatalogueAction action, DateOnly lastDay, DateTime now)
    {
        Take(action, now);
        EffectiveTo = lastDay;
    }
}
