using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Zhifa.Core.Organizations;

/// <summary>The organisation tree: regions, enforcement bodies, their units. Every other feature builds on it.</summary>
public sealed class OrganizationsModule : FeatureModule
{
    public override int Order => 10;

    public override IReadOnlyList<PermissionDefinition> Permissions =>
    [
        PermissionDefinition.Of(OrganizationPermissions.OrgRead, Stereotypes.All.ToArray()),
        PermissionDefinition.Of(OrganizationPermissions.OrgManage, Stereotypes.Administrator),
    ];

    public override void BuildModel(ModelBuilder model, ScopeFilters scope)
    {
        OrganizationPathCollation.Apply(model, scope.IsPostgres);
        scope.Add<Organization>((db, o) => db.Scope.All
            || db.Scope.OrganizationIds.Contains(o.Id)
            || (o.AgencyId != null && db.Scope.AgencyIds.Contains(o.AgencyId.Value))
            || db.Scope.Prefixes.Any(p => o.Path.StartsWith(p))
            || db.Scope.RegionPrefixes.Any(p => o.RegionPath.StartsWith(p)));
    }

    public override AuditOwner? AuditOwnerOf(EntityEntry entry) =>
        entry?.Entity is Organization o ? AuditOwner.Organization(o.Id) : null;

    public override async Task<IReadOnlyDictionary<Guid, string>> AuditNamesAsync(ZhifaDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    public override Task<bool> HasDataAsync(ZhifaDbContext db, CancellationToken ct) =>
        db.Organizations.Unscoped("whether the database is empty, whoever asks").AnyAsync(ct);

    public override Task SeedDemoAsync(DemoContext demo, CancellationToken ct) => OrganizationsDemo.SeedAsync(demo, ct);
}

/// <summary>The organisation feature's permission codes.</summary>
public static class OrganizationPermissions
{
    public const string OrgRead = "org.read";
    public const string OrgManage = "org.manage";
}

/// <summary>The organisation tree's sets of the database.</summary>
public static class OrganizationSets
{
    extension(ZhifaDbContext db)
    {
        public DbSet<Organization> Organizations => db.Set<Organization>();
        public DbSet<Region> Regions => db.Set<Region>();
        public DbSet<EnforcementBody> Bodies => db.Set<EnforcementBody>();
        public DbSet<OrgUnit> Units => db.Set<OrgUnit>();
    }

    /// <summary>
    /// The scope filter of a record that belongs to one organisation: the caller sees it when they see that organisation.
    /// </summary>
    public static void ByOrganization<T>(this ScopeFilters scope, Expression<Func<T, Guid?>> organization) where T : class
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(organization);
        // (db, e) => db.Scope.All || db.Set<Organization>().Any(o => o.Id == organization(e))
        var db = Expression.Parameter(typeof(ZhifaDbContext), "db");
        var e = organization.Parameters[0];
        var o = Expression.Parameter(typeof(Organization), "o");
        var owner = organization.Body;
        var match = Expression.Lambda<Func<Organization, bool>>(
            Expression.Equal(
                Expression.Convert(Expression.Property(o, nameof(Organization.Id)), typeof(Guid?)),
                owner.Type == typeof(Guid?) ? owner : Expression.Convert(owner, typeof(Guid?))), o);
        var all = Expression.Property(Expression.Property(db, nameof(ZhifaDbContext.Scope)), nameof(DataScope.All));
        var set = Expression.Call(db, typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(typeof(Organization)));
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(Organization)], set, Expression.Quote(match));
        scope.Add(Expression.Lambda<Func<ZhifaDbContext, T, bool>>(Expression.OrElse(all, any), db, e));
    }
}
