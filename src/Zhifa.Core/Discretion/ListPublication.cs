using Zhifa.Core.Audit;

namespace Zhifa.Core.Discretion;

/// <summary>
/// One published edition of one of a body's lists (不予处罚清单 …): the curated entries as they stood when published.
/// An edition never changes; the next publication is a new edition, and the public sees the latest.
/// </summary>
public sealed class ListPublication : IHasOrganization
{
    #pragma warning disable IDE0044 // not readonly: EF Core sets it when it reads the JSON column back
    private List<ListEntry> _entries = [];
    #pragma warning restore IDE0044

    /// <summary>For EF Core materialisation.</summary>
    private ListPublication()
    {
    }

    internal ListPublication(Guid id, Guid bodyId, ListKind list, int edition, IReadOnlyList<ListEntry> entries, DateTime now)
    {
        Id = id;
        BodyId = bodyId;
        List = list;
        Edition = edition;
        _entries = [.. entries];
        PublishedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid BodyId { get; private set; }
    public ListKind List { get; private set; }

    /// <summary>1 for the first publication of this list by this body, then counting up.</summary>
    public int Edition { get; private set; }

    public IReadOnlyList<ListEntry> Entries => _entries;
    public DateTime PublishedAt { get; private set; }

    Guid? IHasOrganization.OrganizationId => BodyId;
}
