using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Inspections.Draws;
using Zhifa.Core.Organizations;
using Zhifa.Core.Parties;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;

namespace Zhifa.Core.Inspections.UseCases;

/// <summary>A body that inspects by plan, whose two lists are published.</summary>
public sealed record RegistryBody(Guid Id, string Name, Sector Sector);

/// <summary>A row of the published inspector list: the name masked as in public certificate verification.</summary>
public sealed record PublicInspector(string Name, string CertificateNumber, DateOnly ValidUntil);

/// <param name="Hash">The list's hash as a draw computes it: equal to a draw's inspector hash when the list has not changed since.</param>
public sealed record InspectorRegistry(Guid BodyId, string BodyName, Sector Sector, DateOnly On, IReadOnlyList<PublicInspector> Inspectors, string Hash);

public sealed record SubjectRegistry(Guid BodyId, string BodyName, Page<InspectionSubject> Subjects);

/// <summary>
/// The two registries of 一单两库, published: for each body that inspects by plan, the inspection-subject list (the party
/// registry's organisations on the body's branch of the region tree, with industry, region, credit grade A–E and risk tags)
/// and the inspector list (its officers allowed to act in its field today, XZCF-42). A draw takes its lists from the same
/// sources on its day; its published document carries their hashes.
/// </summary>
public sealed class InspectionRegistries(ZhifaDbContext db, PartyQueries parties, PersonnelQueries personnel, TimeProvider clock)
{
    /// <summary>The bodies with an inspection plan, by name.</summary>
    public async Task<IReadOnlyList<RegistryBody>> BodiesAsync(CancellationToken ct = default)
    {
        var planned = db.InspectionPlans.Unscoped("which bodies inspect by plan is public").Select(p => p.BodyId);
        return await db.Bodies.Unscoped("a body's name is public").AsNoTracking().Where(b => planned.Contains(b.Id))
            .OrderBy(b => b.Name).Select(b => new RegistryBody(b.Id, b.Name, b.Sector)).ToListAsync(ct);
    }

    public async Task<Result<SubjectRegistry>> SubjectsAsync(Guid bodyId, int? page, int? pageSize, CancellationToken ct = default)
    {
        if (await BodyAsync(bodyId, ct) is not { } body)
            return InspectionErrors.BodyNotFound();
        if (string.IsNullOrEmpty(body.RegionPath))
            return new SubjectRegistry(body.Id, body.Name, new Page<InspectionSubject>([], 0, 1, Paging.Normalize(page, pageSize).Size));
        return new SubjectRegistry(body.Id, body.Name, await parties.SubjectsOnBranchAsync(body.RegionPath, page, pageSize, ct));
    }

    public async Task<Result<InspectorRegistry>> InspectorsAsync(Guid bodyId, CancellationToken ct = default)
    {
        if (await BodyAsync(bodyId, ct) is not { } body)
            return InspectionErrors.BodyNotFound();
        var today = clock.Today();
        var inspectors = await personnel.EligibleInspectorsAsync(body.Id, body.Sector, today, ct);
        return new InspectorRegistry(body.Id, body.Name, body.Sector, today,
            [.. inspectors.Select(i => new PublicInspector(IdNumber.MaskName(i.FullName), i.CertificateNumber, i.ValidUntil))],
            VerifiableDraw.HashInspectors(inspectors.Select(i => new DrawInspector(i.CertificateNumber))));
    }

    /// <summary>Only a body that inspects by plan has published lists; any other id is not found.</summary>
    private async Task<EnforcementBody?> BodyAsync(Guid bodyId, CancellationToken ct)
    {
        var planned = db.InspectionPlans.Unscoped("which bodies inspect by plan is public").Select(p => p.BodyId);
        return await db.Bodies.Unscoped("a body's name and region are public").AsNoTracking()
            .FirstOrDefaultAsync(b => b.Id == bodyId && planned.Contains(b.Id), ct);
    }
}
