namespace Zhifa.Core.Data;

/// <summary>How far a role assignment reaches from the organisation it is held in.</summary>
public enum DataScopeKind
{
    /// <summary>Only the user's own records (and their own organisation).</summary>
    Self,
    /// <summary>The user's unit and the units under it.</summary>
    Unit,
    /// <summary>The user's agency (enforcement body) and its internal units, not subordinate bodies.</summary>
    Agency,
    /// <summary>The agency and every body and unit under it.</summary>
    AgencyAndSubordinates,
    /// <summary>Everything belonging to the region (and regions below) of the organisation — a justice bureau's supervisors.</summary>
    RegionSubtree,
    /// <summary>An explicit list of organisations, each with everything under it.</summary>
    Custom,
}

/// <summary>
/// What a caller may see: organisations by path prefix, by region path prefix, by agency, or by id.
/// It is the union of the caller's role assignments; <see cref="All"/> is for the system itself.
/// </summary>
public sealed record DataScope(
    bool All, IReadOnlyList<string> Prefixes, IReadOnlyList<string> RegionPrefixes, IReadOnlyList<Guid> AgencyIds,
    IReadOnlyList<Guid> OrganizationIds, Guid? UserId)
{
    public static readonly DataScope Everything = new(true, [], [], [], [], null);
    public static readonly DataScope Nothing = new(false, [], [], [], [], null);

    public bool IsEmpty => !All && Prefixes.Count == 0 && RegionPrefixes.Count == 0 && AgencyIds.Count == 0 && OrganizationIds.Count == 0;

    public bool Covers(IScopeNode org)
    {
        ArgumentNullException.ThrowIfNull(org);
        return All
            || Prefixes.Any(p => org.Path.StartsWith(p, StringComparison.Ordinal))
            || RegionPrefixes.Any(p => org.RegionPath.StartsWith(p, StringComparison.Ordinal))
            || (org.AgencyId is { } a && AgencyIds.Contains(a))
            || OrganizationIds.Contains(org.Id);
    }

    public DataScope Union(DataScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return All || other.All ? Everything with { UserId = UserId ?? other.UserId } : new DataScope(false,
            Prefixes.Union(other.Prefixes).ToList(), RegionPrefixes.Union(other.RegionPrefixes).ToList(),
            AgencyIds.Union(other.AgencyIds).ToList(), OrganizationIds.Union(other.OrganizationIds).ToList(), UserId ?? other.UserId);
    }

    /// <summary>The scope one assignment grants, from the organisation it is held in.</summary>
    public static DataScope For(DataScopeKind kind, IScopeNode at, IReadOnlyList<IScopeNode> custom, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(at);
        ArgumentNullException.ThrowIfNull(custom);
        var agencyPath = at.IsUnit ? null : at.Path;
        return kind switch
        {
            DataScopeKind.Self => new DataScope(false, [], [], [], [at.Id], userId),
            DataScopeKind.Unit => new DataScope(false, [at.Path], [], [], [], userId),
            DataScopeKind.Agency => at.AgencyId is { } agency
                ? new DataScope(false, [], [], [agency], [], userId)
                : new DataScope(false, [], [], [], [at.Id], userId),
            DataScopeKind.AgencyAndSubordinates => new DataScope(false, [at.AgencyPath ?? agencyPath ?? at.Path], [], [], [], userId),
            DataScopeKind.RegionSubtree => new DataScope(false, [at.RegionPath], [at.RegionPath], [], [], userId),
            DataScopeKind.Custom => new DataScope(false, custom.Select(c => c.Path).ToList(), [], [], [], userId),
            _ => Nothing,
        };
    }
}

/// <summary>A node of the organisation tree as scoping sees it: its id, its materialised paths and its agency.</summary>
public interface IScopeNode
{
    Guid Id { get; }
    string Path { get; }
    string RegionPath { get; }
    Guid? AgencyId { get; }
    string? AgencyPath { get; }

    /// <summary>An internal unit of an agency (its agency is another node).</summary>
    bool IsUnit { get; }
}
