namespace Zhifa.Core.Organizations;

/// <summary>
/// A node of the organisation tree: a region, an enforcement body or an internal unit.
/// <see cref="Path"/> holds the ids of every ancestor and of the node itself ("/a/b/c/"), so
/// "this node and everything under it" is a single prefix query on an indexed column.
/// </summary>
public abstract class Organization : Zhifa.Core.Data.IScopeNode, Zhifa.Core.Modules.IEntityWithId, Zhifa.Core.Common.IVersioned
{
    /// <summary>The concurrency token: raised by every saved change (<see cref="Zhifa.Core.Common.IVersioned"/>).</summary>
    public int Version { get; private set; }

    public const int MaxNameLength = 100;

    /// <summary>The largest sort order a client may give (they order siblings; nobody needs more).</summary>
    public const int MaxSortOrder = 100_000;

    /// <summary>For EF Core materialisation.</summary>
    protected Organization()
    {
        Name = "";
        Path = "";
    }

    protected Organization(Guid id, string name, DateTime now)
    {
        Id = id;
        Name = name;
        Path = PathSegment(id);
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public OrganizationKind Kind { get; private set; }
    public string Name { get; private set; }
    public Guid? ParentId { get; private set; }
    public Organization? Parent { get; private set; }
    public string Path { get; private set; }
    public int Depth { get; private set; }

    /// <summary>The enforcement body this node is or belongs to (null for regions): the "own agency" of data scope.</summary>
    public Guid? AgencyId { get; private set; }

    /// <summary>The path of the region this node belongs to: a region's own path, a body's region, a unit's body's region.</summary>
    public string RegionPath { get; private set; } = "";
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; } = true;
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? DeactivatedAt { get; private set; }

    public static string PathSegment(Guid id) => id.ToString("N");

    /// <summary>The path a node with this id gets under <paramref name="parent"/>.</summary>
    public static string PathUnder(Organization? parent, Guid id) =>
        (parent?.Path ?? "/") + PathSegment(id) + "/";

    public bool IsAncestorOrSelfOf(Organization other) => other.Path.StartsWith(Path, StringComparison.Ordinal);

    /// <summary>The path of the agency this node belongs to (a prefix of its own path), or null for regions.</summary>
    /// <summary>An internal unit of an agency.</summary>
    public bool IsUnit => this is OrgUnit;

    public string? AgencyPath => AgencyId is { } a && Path.IndexOf("/" + PathSegment(a) + "/", StringComparison.Ordinal) is var i and >= 0
        ? Path[..(i + PathSegment(a).Length + 2)]
        : null;

    /// <summary>Hangs this node under <paramref name="parent"/>; descendants' paths are the caller's job (one bulk update).</summary>
    internal void PlaceUnder(Organization? parent, DateTime now)
    {
        ParentId = parent?.Id;
        Parent = parent;
        Path = PathUnder(parent, Id);
        Depth = parent is null ? 0 : parent.Depth + 1;
        UpdatedAt = now;
    }

    /// <summary>Sets the agency and region this node belongs to; see <see cref="Lineage"/>.</summary>
    internal void SetLineage(Guid? agencyId, string regionPath)
    {
        AgencyId = agencyId;
        RegionPath = regionPath;
    }

    internal void Rename(string name, int sortOrder, DateTime now)
    {
        Name = name;
        SortOrder = sortOrder;
        UpdatedAt = now;
    }

    internal void Deactivate(DateTime now)
    {
        if (!IsActive)
            throw new InvalidOperationException($"Organization {Id} is already inactive.");
        IsActive = false;
        DeactivatedAt = now;
        UpdatedAt = now;
    }

    internal void Reactivate(DateTime now)
    {
        if (IsActive)
            throw new InvalidOperationException($"Organization {Id} is already active.");
        IsActive = true;
        DeactivatedAt = null;
        UpdatedAt = now;
    }

    protected void Touch(DateTime now) => UpdatedAt = now;
}

/// <summary>An administrative region and its government (政府).</summary>
public sealed class Region : Organization
{
    private Region() => Code = "";

    internal Region(Guid id, string name, string code, RegionLevel level, DateTime now) : base(id, name, now)
    {
        Code = code;
        Level = level;
    }

    public string Code { get; private set; }
    public RegionLevel Level { get; private set; }

    /// <summary>The justice bureau (司法局/司法厅) that supervises enforcement for this region's government.</summary>
    public Guid? SupervisingBodyId { get; private set; }

    internal void Recode(string code, RegionLevel level, DateTime now)
    {
        Code = code;
        Level = level;
        Touch(now);
    }

    internal void SetSupervisingBody(Guid? bodyId, DateTime now)
    {
        SupervisingBodyId = bodyId;
        Touch(now);
    }
}

/// <summary>An enforcement body (执法主体).</summary>
public sealed class EnforcementBody : Organization
{
    public const int MaxEstablishmentBasisLength = 500;

    private EnforcementBody()
    {
    }

    internal EnforcementBody(Guid id, string name, BodyDetails details, Guid regionId, DateTime now) : base(id, name, now)
    {
        CreditCode = details.CreditCode;
        BodyKind = details.BodyKind;
        Sector = details.Sector;
        LegalStatus = details.LegalStatus;
        EstablishmentBasis = details.EstablishmentBasis;
        RegionId = regionId;
    }

    public string CreditCode { get; private set; } = "";
    public BodyKind BodyKind { get; private set; }
    public Sector Sector { get; private set; }
    public LegalStatus LegalStatus { get; private set; }

    /// <summary>The document that establishes, authorises or entrusts the body (设立/授权/委托依据).</summary>
    public string? EstablishmentBasis { get; private set; }

    /// <summary>The region whose government the body belongs to (a branch may sit in a township of its parent's region).</summary>
    public Guid RegionId { get; private set; }

    internal void Update(BodyDetails details, Guid regionId, DateTime now)
    {
        CreditCode = details.CreditCode;
        BodyKind = details.BodyKind;
        Sector = details.Sector;
        LegalStatus = details.LegalStatus;
        EstablishmentBasis = details.EstablishmentBasis;
        RegionId = regionId;
        Touch(now);
    }
}

/// <summary>The attributes of a body that are set together.</summary>
public sealed record BodyDetails(string CreditCode, BodyKind BodyKind, Sector Sector, LegalStatus LegalStatus, string? EstablishmentBasis);

/// <summary>An internal unit (内设机构) of a body: an office, a team, a branch squad.</summary>
public sealed class OrgUnit : Organization
{
    public const int MaxDutiesLength = 1000;

    private OrgUnit()
    {
    }

    internal OrgUnit(Guid id, string name, string? duties, DateTime now) : base(id, name, now) => Duties = duties;

    public string? Duties { get; private set; }

    internal void Update(string? duties, DateTime now)
    {
        Duties = duties;
        Touch(now);
    }
}
