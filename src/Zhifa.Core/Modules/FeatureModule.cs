using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Common;
using Zhifa.Core.Data;

namespace Zhifa.Core.Modules;

/// <summary>
/// Everything a feature brings to the domain, declared in its own folder (<c>Core/&lt;Feature&gt;/&lt;Feature&gt;Module.cs</c>)
/// and discovered by <see cref="ModuleCatalog"/>: its services and settings, its permissions with the roles that get them,
/// its query filters, the organisation that owns each of its records in the audit trail, and its demo data.
/// Its EF Core configurations are the <see cref="IEntityTypeConfiguration{TEntity}"/> classes of its namespace.
/// </summary>
public abstract class FeatureModule
{
    /// <summary>The feature's name: the folder (and namespace) in Core and in Web.</summary>
    public string Name => GetType().Namespace!["Zhifa.Core.".Length..];

    /// <summary>Features that come first: for the model, the services and the demo data. A feature never comes before what it uses.</summary>
    public virtual int Order => 100;

    /// <summary>The permissions the feature defines and the role templates (stereotypes) that hold each by default.</summary>
    public virtual IReadOnlyList<PermissionDefinition> Permissions => [];

    /// <summary>Its use cases, queries and settings. Public classes of the feature that work on the database are added for it.</summary>
    public virtual void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>Its scope filters (<see cref="ScopeFilters"/>) and any model rule that is not one entity's configuration.</summary>
    public virtual void BuildModel(ModelBuilder model, ScopeFilters scope)
    {
    }

    /// <summary>
    /// The organisation a changed record belongs to, so that the audit trail is scoped like the data: directly, or through
    /// a parent record. Null when the record is not the feature's or belongs to no organisation.
    /// </summary>
    public virtual AuditOwner? AuditOwnerOf(EntityEntry entry) => null;

    /// <summary>
    /// The names people know the feature's records by (a person's name, an organisation's name, a certificate number), for
    /// those of <paramref name="ids"/> that are the feature's: what the audit log shows instead of ids. A fixed number of
    /// queries per call, whatever the number of ids.
    /// </summary>
    public virtual Task<IReadOnlyDictionary<Guid, string>> AuditNamesAsync(ZhifaDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<Guid, string>>(new Dictionary<Guid, string>());

    /// <summary>Something to do inside the saving transaction before the changes are written (the audit trail appends its entries).</summary>
    public virtual ISaveParticipant? SaveParticipant => null;

    /// <summary>Brings the database up to this release after the migrations (Identity puts the shipped role templates in).</summary>
    public virtual Task AfterMigrationAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Whether the database already holds the feature's data (then the demo data is not loaded).</summary>
    public virtual Task<bool> HasDataAsync(ZhifaDbContext db, CancellationToken ct) => Task.FromResult(false);

    /// <summary>Runs before the demo's transaction begins (work that must commit on its own, such as creating a key ring).</summary>
    public virtual void PrepareDemo(IServiceProvider services)
    {
    }

    /// <summary>Adds the feature's part of the demo data; runs in <see cref="Order"/> inside one transaction.</summary>
    public virtual Task SeedDemoAsync(DemoContext demo, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>A permission code and the shipped role templates (<see cref="Stereotypes"/>) that hold it by default.</summary>
public sealed record PermissionDefinition(string Code, IReadOnlyList<string> Roles)
{
    public static PermissionDefinition Of(string code, params string[] roles) => new(code, roles);
}

/// <summary>The shipped role templates (DESIGN.md "Who uses it"). Features grant their permissions to them.</summary>
public static class Stereotypes
{
    public const string Officer = "officer";
    public const string LegalReviewer = "legal_reviewer";
    public const string AgencyHead = "agency_head";
    public const string Supervisor = "supervisor";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All = [Officer, LegalReviewer, AgencyHead, Supervisor, Administrator];
}

/// <summary>
/// Who owns a record in the audit trail: an organisation known from the record itself, or a parent record whose
/// organisation is looked up (once per save) with <see cref="Resolve"/>.
/// </summary>
public sealed record AuditOwner(Guid? OrganizationId, string? ParentKey = null, Func<ZhifaDbContext, CancellationToken, Task<Guid?>>? Resolve = null)
{
    public static AuditOwner Organization(Guid? id) => new(id);

    /// <summary>
    /// The compiled expression: once per parent type and property when it reads a property of the parent (an import saves
    /// thousands of children), else each time (it may capture values).
    /// </summary>
    private static Func<TParent, Guid?> Compiled<TParent>(System.Linq.Expressions.Expression<Func<TParent, Guid?>> organization) =>
        organization.Body is System.Linq.Expressions.MemberExpression { Expression: System.Linq.Expressions.ParameterExpression } member
            ? (Func<TParent, Guid?>)CompiledOwners.Cache.GetOrAdd((typeof(TParent), member.Member.Name), _ => organization.Compile())
            : organization.Compile();

    /// <summary>The organisation of a parent record: from the change tracker when it is saved with the child, else from the database.</summary>
    public static AuditOwner Parent<TParent>(Guid parentId, System.Linq.Expressions.Expression<Func<TParent, Guid?>> organization)
        where TParent : class, IEntityWithId
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new AuditOwner(null, typeof(TParent).Name + ":" + parentId, async (db, ct) =>
            // The identity map finds a parent saved in the same change without scanning every tracked record.
            db.Set<TParent>().Local.FindEntry(parentId) is { } local
                ? Compiled(organization)(local.Entity)
                : await db.Set<TParent>().Unscoped("the organisation of an audited record's parent is a fact, not a read by the caller")
                    .Where(p => p.Id == parentId).Select(organization).FirstOrDefaultAsync(ct));
    }
}

/// <summary>The compiled parent-organisation properties, by parent type and property.</summary>
file static class CompiledOwners
{
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, string), Delegate> Cache = new();
}

/// <summary>A record with a Guid key.</summary>
public interface IEntityWithId
{
    Guid Id { get; }
}

/// <summary>Work that must happen in the saving transaction, before the changes are written.</summary>
public interface ISaveParticipant
{
    /// <summary>Looks at the pending changes; returns the work to do, or null when there is none.</summary>
    Func<CancellationToken, Task>? Prepare(ZhifaDbContext db, DateTime now);

    /// <summary>
    /// When the work runs in the saving transaction. Work that takes a lock other writers need (a rollup's row, the
    /// audit chain's lock) runs after the business rows are written, so that the lock lasts only its own statements and
    /// the commit, not the rest of the save; the audit chain, which every writer needs, comes last of all.
    /// </summary>
    SavePhase Phase => SavePhase.BeforeSave;
}

/// <summary>When a save participant's work runs in the saving transaction (<see cref="ISaveParticipant.Phase"/>).</summary>
public enum SavePhase
{
    /// <summary>Before the business rows are written.</summary>
    BeforeSave,

    /// <summary>After the business rows are written.</summary>
    AfterSave,

    /// <summary>After everything else, just before the commit.</summary>
    Last,
}

/// <summary>What a feature's demo seed works with.</summary>
public sealed class DemoContext(ZhifaDbContext db, IServiceProvider services, TimeProvider clock)
{
    public ZhifaDbContext Db => db;
    public IServiceProvider Services => services;
    public TimeProvider Clock => clock;
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => clock.Today();
}

/// <summary>A record that belongs to one organisation: its audit entries are scoped to it.</summary>
public interface IHasOrganization
{
    Guid? OrganizationId { get; }
}

/// <summary>A record that is not business data and stays out of the audit trail (the login log, the key ring).</summary>
public interface INotAudited;
