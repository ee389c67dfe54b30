using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;

namespace Zhifa.Core.Identity;

public sealed record UserDto(Guid Id, string UserName, string FullName, Guid OrganizationId, string? OrganizationName, string? PhoneMasked,
    bool IsActive, bool IsLocked, bool MustChangePassword, DateTime? LastSignInAt, DateTime CreatedAt, Guid? OfficerId = null, int Version = 0);

/// <param name="Officer">The person's officer-registry record, when the account is tied to one and it is in the caller's scope.</param>
public sealed record UserDetailDto(UserDto User, IReadOnlyList<AssignmentDto> Assignments, LinkedOfficerDto? Officer = null);

/// <summary>The officer-registry record behind an account: enough to recognise the person, ID number masked.</summary>
public sealed record LinkedOfficerDto(Guid Id, string FullName, string IdNumberMasked, Guid BodyId, string? BodyName, Personnel.EmploymentStatus EmploymentStatus);

/// <summary>An officer an account may be tied to: one of the body's officers without an account yet.</summary>
public sealed record OfficerOptionDto(Guid Id, string FullName, string IdNumberMasked, Guid BodyId, string? BodyName);

public sealed record AssignmentDto(Guid Id, Guid RoleId, string RoleCode, string RoleName, bool RoleIsTemplate, Guid OrganizationId, string? OrganizationName,
    DataScopeKind Scope, IReadOnlyList<Guid> CustomOrganizationIds);

public sealed record RoleDto(Guid Id, string Code, string Name, string? Description, bool IsTemplate, DataScopeKind DefaultScope, IReadOnlyList<string> Permissions, int Version = 0);

public sealed record LoginLogDto(Guid Id, DateTime At, string UserName, Guid? UserId, string? Address, string? UserAgent, bool Success, string Outcome, string Channel);

public sealed record UserFilter(string? Q = null, Guid? OrganizationId = null, bool IncludeInactive = true, int? Page = null, int? PageSize = null, string? Sort = null);

public sealed record LoginLogFilter(string? UserName = null, bool? Success = null, DateTime? From = null, DateTime? To = null, int? Page = null, int? PageSize = null, string? Sort = null);

/// <summary>Reads of users, roles and the logs, all through the caller's scope.</summary>
public sealed class IdentityQueries(ZhifaDbContext db, TimeProvider clock)
{
    public static readonly SortMap<User> UserSort = SortMap<User>.Create(new SortOrder("userName", false), u => u.Id)
        .Add("userName", u => u.UserName).Add("fullName", u => u.FullName).Add("lastSignIn", u => u.LastSignInAt);

    /// <summary>The login log may hold millions of rows: it sorts by time only (an index), either way.</summary>
    public static readonly SortMap<LoginLogEntry> LoginLogSort = SortMap<LoginLogEntry>.Create(new SortOrder("at", true), l => l.Id).Add("at", l => l.At);

    public async Task<Page<UserDto>> UsersAsync(UserFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = filter.Q.Trim();
            var lower = text.ToLowerInvariant();
            q = q.Where(u => u.UserName.Contains(lower) || u.FullName.Contains(text));
        }
        if (filter.OrganizationId is { } orgId)
            q = q.Where(u => u.OrganizationId == orgId);
        if (!filter.IncludeInactive)
            q = q.Where(u => u.IsActive);
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var total = await q.CountAsync(ct);
        var users = await UserSort.Apply(q, filter.Sort).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var names = await OrgNamesAsync(users.Select(u => u.OrganizationId), ct);
        return new Page<UserDto>(users.Select(u => ToDto(u, names)).ToList(), total, page, size);
    }

    public async Task<Result<UserDetailDto>> UserAsync(Guid id, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
            return IdentityErrors.UserNotFound();
        var assignments = await db.RoleAssignments.Unscoped("every assignment of a user the caller may see, wherever it grants access").AsNoTracking().Include(a => a.Role)
            .Where(a => a.UserId == id).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var names = await OrgNamesAsync(assignments.Select(a => a.OrganizationId).Append(user.OrganizationId), ct);
        return new UserDetailDto(ToDto(user, names), assignments.Select(a => new AssignmentDto(a.Id, a.RoleId, a.Role!.Code, a.Role.Name, a.Role.IsTemplate,
            a.OrganizationId, names.GetValueOrDefault(a.OrganizationId), a.Scope, a.CustomOrganizationIds)).ToList(),
            user.OfficerId is { } officerId ? await LinkedOfficerAsync(db.Officers, officerId, ct) : null);
    }

    /// <summary>The caller's own officer-registry record: their own data, so read whatever their scope.</summary>
    public async Task<LinkedOfficerDto?> OwnOfficerAsync(CancellationToken ct = default)
    {
        return db.Actor.Access?.OfficerId is { } officerId ? await LinkedOfficerAsync(db.Officers.Unscoped("the caller's own officer record, whichever body the caller sees"), officerId, ct) : null;
    }

    /// <summary>An officer record as an account shows it, read from <paramref name="officers"/> (scoped or not, as the caller decides).</summary>
    private async Task<LinkedOfficerDto?> LinkedOfficerAsync(IQueryable<Personnel.Officer> officers, Guid id, CancellationToken ct)
    {
        var officer = await officers.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.Id, o.FullName, o.IdNumberMasked, o.BodyId, o.EmploymentStatus }).FirstOrDefaultAsync(ct);
        if (officer is null)
            return null;
        // The body of a record the caller may see: its name is no secret.
        var body = await db.Organizations.Unscoped("an organisation's name is public").AsNoTracking().Where(o => o.Id == officer.BodyId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        return new LinkedOfficerDto(officer.Id, officer.FullName, officer.IdNumberMasked, officer.BodyId, body, officer.EmploymentStatus);
    }

    /// <summary>
    /// Officers of the organisation's body that an account could be tied to: in the caller's scope, not tied to
    /// another account (<paramref name="exceptUserId"/>'s own link stays a choice).
    /// </summary>
    public async Task<IReadOnlyList<OfficerOptionDto>> OfficerOptionsAsync(Guid organizationId, Guid? exceptUserId = null, CancellationToken ct = default)
    {
        var agencyId = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.AgencyId).FirstOrDefaultAsync(ct);
        if (agencyId is null)
            return [];
        var taken = db.Users.Unscoped("an officer links to one account across the whole database").Where(u => u.OfficerId != null && u.Id != exceptUserId).Select(u => u.OfficerId);
        var officers = await db.Officers.AsNoTracking()
            .Where(o => o.BodyId == agencyId && !taken.Contains(o.Id))
            .OrderBy(o => o.FullName).Select(o => new { o.Id, o.FullName, o.IdNumberMasked, o.BodyId }).Take(500).ToListAsync(ct);
        var names = await OrgNamesAsync([agencyId.Value], ct);
        return officers.Select(o => new OfficerOptionDto(o.Id, o.FullName, o.IdNumberMasked, o.BodyId, names.GetValueOrDefault(o.BodyId))).ToList();
    }

    public async Task<IReadOnlyList<RoleDto>> RolesAsync(CancellationToken ct = default) =>
        (await db.Roles.AsNoTracking().ToListAsync(ct))
            .OrderByDescending(r => r.IsTemplate).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new RoleDto(r.Id, r.Code, r.Name, r.Description, r.IsTemplate, r.DefaultScope, r.Permissions, r.Version)).ToList();

    public async Task<Result<RoleDto>> RoleAsync(Guid id, CancellationToken ct = default) =>
        await db.Roles.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } r
            ? new RoleDto(r.Id, r.Code, r.Name, r.Description, r.IsTemplate, r.DefaultScope, r.Permissions, r.Version)
            : IdentityErrors.RoleNotFound();

    /// <param name="unpaged">Every matching row, for exports of exactly what is filtered.</param>
    public async Task<Page<LoginLogDto>> LoginLogAsync(LoginLogFilter filter, CancellationToken ct = default, bool unpaged = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var q = db.LoginLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.UserName))
            q = q.Where(l => l.UserName.Contains(filter.UserName.Trim().ToLowerInvariant()));
        if (filter.Success is { } success)
            q = q.Where(l => l.Success == success);
        if (filter.From is { } from)
            q = q.Where(l => l.At >= from);
        if (filter.To is { } to)
            q = q.Where(l => l.At < to);
        var ordered = LoginLogSort.Apply(q, filter.Sort);
        if (unpaged)
        {
            var all = await ordered.Select(l => new LoginLogDto(l.Id, l.At, l.UserName, l.UserId, l.Address, l.UserAgent, l.Success, l.Outcome, l.Channel)).ToListAsync(ct);
            return new Page<LoginLogDto>(all, all.Count, 1, all.Count);
        }
        var page = await Paging.CappedAsync(ordered, filter.Page, filter.PageSize, ct);
        return new Page<LoginLogDto>(page.Items.Select(l => new LoginLogDto(l.Id, l.At, l.UserName, l.UserId, l.Address, l.UserAgent, l.Success, l.Outcome, l.Channel)).ToList(),
            page.Total, page.PageNumber, page.PageSize, page.TotalIsLowerBound);
    }

    private async Task<Dictionary<Guid, string>> OrgNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Organizations.Unscoped("an organisation's name is public").AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private UserDto ToDto(User u, IReadOnlyDictionary<Guid, string> names) =>
        new(u.Id, u.UserName, u.FullName, u.OrganizationId, names.GetValueOrDefault(u.OrganizationId), Masking.Phone(u.Phone), u.IsActive,
            u.IsLockedAt(clock.GetUtcNow().UtcDateTime), u.MustChangePassword, u.LastSignInAt, u.CreatedAt, u.OfficerId, u.Version);
}
