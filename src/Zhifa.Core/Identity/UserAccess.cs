using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Identity;

/// <summary>
/// Builds a user's <see cref="UserAccess"/> from their assignments, from the database. Reads unscoped: it is what scoping is
/// made of. Requests take it from the node's <see cref="AccessCache"/>, which reads it here on a miss.
/// </summary>
public sealed class AccessLoader(ZhifaDbContext db)
{
    /// <param name="actingFor">
    /// Narrows the session to the assignments held at this organisation (the top bar's switcher). Ignored unless
    /// the user holds an active assignment there; it can only take access away, never add it.
    /// </param>
    public async Task<UserAccess?> LoadAsync(Guid userId, Guid? actingFor = null, CancellationToken ct = default) =>
        (await ReadAsync(userId, actingFor, ct)).Access;

    /// <summary>The user as the database holds them now; <see cref="CurrentUser.None"/> for an inactive or unknown account.</summary>
    public async Task<CurrentUser> ReadAsync(Guid userId, Guid? actingFor = null, CancellationToken ct = default)
    {
        var user = await db.Users.Unscoped("the caller's access is built from their own account, before any scope exists").AsNoTracking()
            .Include(u => u.Assignments).ThenInclude(a => a.Role)
            .FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, ct);
        if (user is null)
            return CurrentUser.None;
        var orgIds = user.Assignments.SelectMany(a => a.CustomOrganizationIds.Append(a.OrganizationId)).Append(user.OrganizationId).Distinct().ToList();
        var orgs = await db.Organizations.Unscoped("the organisations of the user's own assignments make up their scope").AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);

        var byPermission = new Dictionary<string, DataScope>(StringComparer.Ordinal);
        var read = DataScope.Nothing;
        var views = new List<AssignmentView>();
        var live = user.Assignments.Where(a => a.Role is not null && orgs.TryGetValue(a.OrganizationId, out var at) && at.IsActive).ToList();
        var acting = actingFor is { } chosen && live.Any(a => a.OrganizationId == chosen) && live.Select(a => a.OrganizationId).Distinct().Count() > 1
            ? chosen : (Guid?)null;
        foreach (var a in live)
        {
            var at = orgs[a.OrganizationId];
            views.Add(new AssignmentView(a.Id, a.RoleId, a.Role!.Code, a.Role.Name, a.Role.IsTemplate, at.Id, at.Name, a.Scope));
            if (acting is { } only && a.OrganizationId != only)
                continue;
            var custom = a.CustomOrganizationIds.Where(orgs.ContainsKey).Select(id => orgs[id]).ToList();
            var scope = DataScope.For(a.Scope, at, custom, user.Id);
            read = read.Union(scope);
            foreach (var p in a.Role.Permissions)
                byPermission[p] = byPermission.TryGetValue(p, out var s) ? s.Union(scope) : scope;
        }
        // Everyone sees their own organisation, if nothing else.
        if (orgs.TryGetValue(user.OrganizationId, out var home))
            read = read.Union(new DataScope(false, [], [], [], [home.Id], user.Id));
        var access = new UserAccess(user.Id, user.UserName, user.FullName, user.OrganizationId, home?.Name ?? "", views, byPermission, read with { UserId = user.Id })
        {
            OfficerId = user.OfficerId,
            ActingForId = acting,
        };
        return new CurrentUser(access, user.UserName, user.SecurityStamp, user.MustChangePassword);
    }
}
