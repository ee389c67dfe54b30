using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;

namespace Zhifa.Core.Identity;

/// <summary>Users, roles and their assignments with data scope, sign-in, tokens and the login log.</summary>
public sealed class IdentityModule : FeatureModule
{
    public override int Order => 30;

    public override IReadOnlyList<PermissionDefinition> Permissions =>
    [
        PermissionDefinition.Of(IdentityPermissions.AdminUsers, Stereotypes.Administrator),
        PermissionDefinition.Of(IdentityPermissions.AdminRoles, Stereotypes.Administrator),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IOfficerDeparture, CloseAccountOnDeparture>();
        // The node's cache of callers and tokens, and what keeps it right when they change (every context gets the interceptor).
        services.AddSingleton(sp => new AccessCache(sp.GetService<SecurityOptions>() ?? new SecurityOptions(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TokenAuthentication>();
        services.AddSingleton<AccessCacheInvalidation>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<AccessCacheInvalidation>());
    }

    public override void BuildModel(ModelBuilder model, ScopeFilters scope)
    {
        scope.ByOrganization<User>(u => u.OrganizationId);
        scope.ByOrganization<RoleAssignment>(a => a.OrganizationId);
        // An attempt with a name no account has belongs to no organisation: the administrators (admin.users, in any
        // organisation) see those, as they watch for guessing across the deployment; the rest go by the account's organisation.
        scope.Add<LoginLogEntry>((db, l) => db.Scope.All
            || (l.OrganizationId == null
                ? db.Actor.Can(IdentityPermissions.AdminUsers)
                : db.Set<Organization>().Any(o => o.Id == l.OrganizationId)));
    }

    public override AuditOwner? AuditOwnerOf(EntityEntry entry) => entry?.Entity switch
    {
        User u => AuditOwner.Organization(u.OrganizationId),
        RoleAssignment a => AuditOwner.Organization(a.OrganizationId),
        ApiToken t => AuditOwner.Parent<User>(t.UserId, u => u.OrganizationId),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<Guid, string>> AuditNamesAsync(ZhifaDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Users.Unscoped("a person's name on the changes they made to records the caller may read (histories, the audit log)")
            .Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);

    public override Task AfterMigrationAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<EnsureRoleTemplates>().ExecuteAsync(ct);

    public override Task SeedDemoAsync(DemoContext demo, CancellationToken ct) => IdentityDemo.SeedAsync(demo, ct);
}

/// <summary>Identity's sets of the database.</summary>
public static class IdentitySets
{
    extension(ZhifaDbContext db)
    {
        public DbSet<User> Users => db.Set<User>();
        public DbSet<Role> Roles => db.Set<Role>();
        public DbSet<RoleAssignment> RoleAssignments => db.Set<RoleAssignment>();
        public DbSet<ApiToken> ApiTokens => db.Set<ApiToken>();
        public DbSet<LoginLogEntry> LoginLog => db.Set<LoginLogEntry>();
    }
}

/// <summary>Leaving the post closes the person's account in the same unit of work: signed-in sessions end at their next request.</summary>
internal sealed class CloseAccountOnDeparture(ZhifaDbContext db) : IOfficerDeparture
{
    public async Task OfficerLeftAsync(Guid officerId, DateTime now, CancellationToken ct)
    {
        // An administrator reactivates it if the person keeps working in the system.
        if (await db.Users.Unscoped("the departing officer's own account, whichever organisation the caller sees")
                .FirstOrDefaultAsync(u => u.OfficerId == officerId && u.IsActive, ct) is { } account
            && account.SetActive(false, now) is { } refused)
            throw new InvalidOperationException($"Account {account.Id}: {refused.Describe()}");
    }
}

/// <summary>The demo users, one for each shipped role, in the demo organisations; the officers' accounts linked to their records.</summary>
public static class IdentityDemo
{
    /// <summary>Demo users: one for each shipped role, in the demo organisations.</summary>
    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("admin", "省级管理员", "山西省司法厅", null, RoleTemplates.Administrator, DataScopeKind.RegionSubtree),
        new("yp.admin", "原平市系统管理员", "原平市司法局", null, RoleTemplates.Administrator, DataScopeKind.RegionSubtree),
        new("yp.supervisor", "李监督", "原平市司法局", "行政执法协调监督股", RoleTemplates.Supervisor, DataScopeKind.RegionSubtree),
        new("xz.supervisor", "周监督", "忻州市司法局", "行政执法协调监督科", RoleTemplates.Supervisor, DataScopeKind.RegionSubtree),
        new("yp.market.head", "王局长", "原平市市场监督管理局", null, RoleTemplates.AgencyHead, DataScopeKind.AgencyAndSubordinates),
        new("yp.market.reviewer", "刘洋", "原平市市场监督管理局", "法规股", RoleTemplates.LegalReviewer, DataScopeKind.Agency, Officer: "刘洋"),
        new("yp.market.officer", "张伟", "原平市市场监督管理局", "综合行政执法队", RoleTemplates.Officer, DataScopeKind.Agency, Officer: "张伟"),
        new("yp.transport.officer", "周杰", "原平市交通运输局", "交通运输综合行政执法大队", RoleTemplates.Officer, DataScopeKind.Agency, Officer: "周杰"),
    ];

    /// <param name="Officer">The demo officer (by name) whose account this is, for enforcement staff.</param>
    public sealed record DemoUser(string UserName, string FullName, string Body, string? Unit, string Role, DataScopeKind Scope, string? Officer = null);

    public static async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var db = demo.Db;
        var hasher = demo.Services.GetRequiredService<PasswordHasher>();
        await new EnsureRoleTemplates(db, demo.Clock).ExecuteAsync(ct);
        foreach (var u in Users)
        {
            var org = u.Unit is null ? DemoData.Ids.Body(u.Body) : DemoData.Ids.Unit(u.Body, u.Unit);
            var user = new User(DeterministicGuid.From("user:" + u.UserName), u.UserName, u.FullName, org, hasher.Hash(DemoData.DemoPassword), mustChangePassword: false, demo.Now);
            // The officers' own accounts point at their registry records.
            if (u.Officer is not null)
                user.LinkOfficer(DeterministicGuid.From("personnel:officer:" + u.Officer), demo.Now);
            db.Users.Add(user);
            db.RoleAssignments.Add(new RoleAssignment(DeterministicGuid.From($"assignment:{u.UserName}:{u.Role}"), user.Id,
                EnsureRoleTemplates.IdOf(u.Role), org, u.Scope, [], demo.Now));
        }
        await db.SaveChangesAsync(ct);
    }
}
