using Microsoft.EntityFrameworkCore;

namespace Zhifa.Core.Data;

/// <summary>
/// The one "load it, then check its organisation" step of the use cases: a record is read through the scope filter, then
/// its organisation (also through the scope), and the caller must hold the permission there. Anything else is answered
/// as not found (null), so a record the caller may see but not act on looks like one they cannot see.
/// </summary>
/// <remarks>
/// The kernel knows no feature type: the caller passes the query of the organisations (e.g. <c>db.Organizations</c> or
/// <c>db.Bodies</c>), whose rows are <see cref="IScopeNode"/>s. Records and nodes are found by their <c>Id</c> key.
/// </remarks>
public static class ScopedAccess
{
    /// <summary>
    /// The record <paramref name="id"/> of <paramref name="source"/>, if the caller holds <paramref name="permission"/> in
    /// its organisation (<paramref name="organizationOf"/>, looked up in <paramref name="organizations"/>); else null.
    /// </summary>
    public static async Task<T?> ActOnAsync<T, TNode>(this ZhifaDbContext db, IQueryable<T> source, Guid id, Func<T, Guid> organizationOf,
        IQueryable<TNode> organizations, string permission, CancellationToken ct)
        where T : class
        where TNode : class, IScopeNode
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(organizationOf);
        ArgumentNullException.ThrowIfNull(organizations);
        var record = await source.FirstOrDefaultAsync(x => EF.Property<Guid>(x, "Id") == id, ct);
        if (record is null)
            return null;
        return await db.ActOnAsync(organizations, organizationOf(record), permission, ct) is not null ? record : null;
    }

    /// <summary>The organisation <paramref name="id"/> of <paramref name="nodes"/>, if the caller holds <paramref name="permission"/> in it; else null.</summary>
    public static async Task<TNode?> ActOnAsync<TNode>(this ZhifaDbContext db, IQueryable<TNode> nodes, Guid id, string permission, CancellationToken ct)
        where TNode : class, IScopeNode
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(nodes);
        var node = await nodes.FirstOrDefaultAsync(x => EF.Property<Guid>(x, "Id") == id, ct);
        return node is not null && db.Actor.CanIn(permission, node) ? node : null;
    }
}
