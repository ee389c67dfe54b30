using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;

namespace Zhifa.Core.Identity;

public sealed record SaveRoleRequest(
    [MaxLength(Role.MaxCodeLength)] string Code, [MaxLength(Role.MaxNameLength)] string Name, [MaxLength(Role.MaxDescriptionLength)] string? Description,
    DataScopeKind DefaultScope, [MaxLength(200)] IReadOnlyList<string> Permissions);

/// <summary>Administrators add roles of their own; the shipped templates stay as shipped.</summary>
public sealed class ManageRoles(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> CreateAsync(SaveRoleRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is { } error)
            return error;
        var code = request.Code.Trim().ToLowerInvariant();
        if (await db.Roles.AnyAsync(r => r.Code == code, ct))
            return IdentityErrors.RoleCodeTaken(code);
        var now = clock.GetUtcNow().UtcDateTime;
        var role = new Role(Guid.CreateVersion7(now), code, request.Name.Trim(), request.Description?.Trim(), false, request.DefaultScope, request.Permissions, now);
        db.Roles.Add(role);
        await db.SaveChangesAsync(ct);
        return role.Id;
    }

    public async Task<Result<Guid>> UpdateAsync(Guid id, SaveRoleRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (role is null)
            return IdentityErrors.RoleNotFound();
        if (role.IsTemplate)
            return IdentityErrors.RoleTemplateReadOnly();
        if (Validate(request) is { } error)
            return error;
        role.Update(request.Name.Trim(), request.Description?.Trim(), request.DefaultScope, request.Permissions, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return role.Id;
    }

    private static ValidationError? Validate(SaveRoleRequest r)
    {
        var errors = new ValidationBuilder();
        var code = (r.Code ?? "").Trim();
        if (code.Length is < 2 or > 50 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            errors.Add(IdentityErrors.RoleCodeInvalid());
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > 50)
            errors.Add(IdentityErrors.RoleNameRequired());
        if (r.Permissions is null || r.Permissions.Count == 0)
            errors.Add(IdentityErrors.PermissionsRequired());
        else if (r.Permissions.FirstOrDefault(p => !Permissions.IsKnown(p)) is { } unknown)
            errors.Add(IdentityErrors.PermissionUnknown(unknown));
        return errors.Build();
    }
}

/// <summary>Puts the shipped role templates into every database (new or migrated), updating their permissions to this release's.</summary>
public sealed class EnsureRoleTemplates(ZhifaDbContext db, TimeProvider clock)
{
    public static Guid IdOf(string code) => DeterministicGuid.From("role:" + code);

    public async Task ExecuteAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Roles.Where(r => r.IsTemplate).ToDictionaryAsync(r => r.Code, ct);
        foreach (var (code, scope, permissions) in RoleTemplates.All)
        {
            if (existing.TryGetValue(code, out var role))
            {
                if (!role.Permissions.SequenceEqual(permissions.Order(StringComparer.Ordinal)) || role.DefaultScope != scope)
                    role.Update(role.Name, role.Description, scope, permissions, now);
            }
            else
            {
                db.Roles.Add(new Role(IdOf(code), code, code, null, isTemplate: true, scope, permissions, now));
            }
        }
        if (db.ChangeTracker.HasChanges())
            await db.SaveChangesAsync(ct);
    }
}
