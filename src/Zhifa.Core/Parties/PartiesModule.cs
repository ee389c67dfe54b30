using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;

namespace Zhifa.Core.Parties;

/// <summary>
/// The party registry (执法对象库): enterprises, individual businesses, other organisations and natural persons that enforcement
/// touches, registered once and chosen by cases, inspections and complaints.
/// </summary>
public sealed class PartiesModule : FeatureModule
{
    public override int Order => 30;

    public override IReadOnlyList<PermissionDefinition> Permissions =>
    [
        PermissionDefinition.Of(PartyPermissions.Read, Stereotypes.All.ToArray()),
        PermissionDefinition.Of(PartyPermissions.Manage, Stereotypes.Officer, Stereotypes.AgencyHead, Stereotypes.Administrator),
        PermissionDefinition.Of(PartyPermissions.IdNumberView, Stereotypes.AgencyHead, Stereotypes.Administrator),
    ];

    /// <summary>
    /// Parties are a directory shared along the region tree: a party is seen by a caller when its region and the region of an
    /// organisation the caller sees lie on one branch (one an ancestor-or-self of the other). A county officer of any agency sees
    /// the county's and its townships' parties (and the city's and province's); a township officer the township's and those above
    /// it; a province supervisor everything. Both tests are prefix comparisons of materialised paths, byte-ordered, on indexed columns.
    /// </summary>
    public override void BuildModel(ModelBuilder model, ScopeFilters scope)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scope);
        model.Entity<Party>().Property(p => p.RegionPath).UseCollation(scope.IsPostgres ? "C" : "NOCASE");
        scope.Add<Party>((db, p) => db.Scope.All
            || db.Set<Organization>().Any(o => o.RegionPath != "" && (p.RegionPath.StartsWith(o.RegionPath) || o.RegionPath.StartsWith(p.RegionPath))));
    }

    /// <summary>A party's audit entries belong to the region it is registered in; a bulk import's to the organisation the importer acted for.</summary>
    public override AuditOwner? AuditOwnerOf(EntityEntry entry) => entry?.Entity switch
    {
        Party p => AuditOwner.Organization(p.RegionId),
        PartyImportBatch b => AuditOwner.Organization(b.OrganizationId),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<Guid, string>> AuditNamesAsync(ZhifaDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var names = await db.Parties.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        foreach (var batch in await db.PartyImportBatches.Where(b => ids.Contains(b.Id)).Select(b => new { b.Id, b.FileName }).ToListAsync(ct))
            names[batch.Id] = batch.FileName;
        return names;
    }

    public override Task SeedDemoAsync(DemoContext demo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var protector = demo.Services.GetRequiredService<IIdNumberProtector>();
        var pepper = demo.Services.GetRequiredService<IdNumberPepper>();
        PartiesDemo.Seed(demo.Db, protector, pepper.Value, demo.Now,
            demo.Db.ChangeTracker.Entries<Region>().Select(e => e.Entity).ToDictionary(r => r.Code));
        return demo.Db.SaveChangesAsync(ct);
    }
}

/// <summary>The party registry's permission codes.</summary>
public static class PartyPermissions
{
    public const string Read = "party.read";

    /// <summary>Registering and correcting parties: officers register the parties they meet.</summary>
    public const string Manage = "party.manage";

    /// <summary>Seeing a natural person's ID number in full.</summary>
    public const string IdNumberView = "party.id_number.view";
}

/// <summary>The party registry's sets of the database.</summary>
public static class PartySets
{
    extension(ZhifaDbContext db)
    {
        public DbSet<Party> Parties => db.Set<Party>();

        /// <summary>The bulk imports of parties, one audited record per file.</summary>
        public DbSet<PartyImportBatch> PartyImportBatches => db.Set<PartyImportBatch>();
    }
}
