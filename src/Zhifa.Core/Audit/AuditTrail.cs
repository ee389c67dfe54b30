using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;

namespace Zhifa.Core.Audit;

/// <summary>Turns the change tracker's pending changes into chained audit entries, inside the saving transaction.</summary>
internal static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Secrets never enter the trail, only the fact that they changed.</summary>
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal) { "PasswordHash", "TokenHash", "SecurityStamp", "IdNumberProtected", "IdNumberHash" };

    /// <summary>Bookkeeping that changes on every sign-in; the login log records it instead.</summary>
    private static readonly HashSet<string> Volatile = new(StringComparer.Ordinal) { "FailedAttempts", "LockedUntil", "LastSignInAt", "LastUsedAt", "UpdatedAt", "Version" };

    /// <summary>
    /// A change waiting for its entry. <see cref="Owner"/> names the record whose organisation a child record
    /// (a certificate event, an attendance) belongs to, when the child carries none itself.
    /// </summary>
    public sealed record Pending(string EntityType, string EntityId, string Action, string? Before, string? After, Guid? OrganizationId, OwnerRef? Owner);

    /// <summary>The parent whose organisation scopes a child record's entry.</summary>
    public sealed record OwnerRef(OwnerKind Kind, Guid Id);

    public enum OwnerKind { Officer, Certificate, User, TrainingCourse }

    public static List<Pending> Collect(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                    throw new InvalidOperationException("The audit trail is append-only.");
                continue;
            }
            // The login log is its own record; data-protection keys are secrets and no business data; stored idempotent answers are a cache.
            if (entry.Entity is LoginLogEntry or DataProtectionKey or Common.IdempotencyRecord || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            var props = entry.Properties.Where(p => !p.Metadata.IsShadowProperty() || p.Metadata.IsForeignKey()).ToList();
            if (entry.State == EntityState.Modified)
            {
                props = props.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                if (props.All(p => Volatile.Contains(p.Metadata.Name)))
                    continue;
            }
            string? Snapshot(Func<PropertyEntry, object?> value) => JsonSerializer.Serialize(
                props.Where(p => p.Metadata.Name != "UpdatedAt").ToDictionary(p => p.Metadata.Name, p => Secret.Contains(p.Metadata.Name) ? "***" : Plain(value(p))), Json);
            var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
            pending.Add(new Pending(
                entry.Metadata.ClrType.Name,
                key,
                entry.State.ToString(),
                entry.State == EntityState.Added ? null : Snapshot(p => p.OriginalValue),
                entry.State == EntityState.Deleted ? null : Snapshot(p => p.CurrentValue),
                OrganizationOf(entry.Entity),
                OwnerOf(entry)));
        }
        return pending;
    }

    private static object? Plain(object? value) => value switch
    {
        Enum e => e.ToString(),
        DateTime d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>The organisation an entry belongs to, so the audit log is scoped like the data it records.</summary>
    private static Guid? OrganizationOf(object entity) => entity switch
    {
        Organization o => o.Id,
        User u => u.OrganizationId,
        RoleAssignment a => a.OrganizationId,
        IHasOrganization h => h.OrganizationId,
        ExamSession s => s.RegionId,
        TrainingCourse c => c.OrganizerId,
        RegionPersonnelSettings r => r.RegionId,
        _ => null,
    };

    /// <summary>For records without an organisation of their own: the parent that has one.</summary>
    private static OwnerRef? OwnerOf(EntityEntry entry)
    {
        Guid? Fk(string name) => entry.Metadata.FindProperty(name) is null ? null : entry.Property(name).CurrentValue as Guid?;
        return entry.Entity switch
        {
            ExamResult r => new(OwnerKind.Officer, r.OfficerId),
            TrainingAttendance a => new(OwnerKind.Officer, a.OfficerId),
            AnnualAssessment a => new(OwnerKind.Officer, a.OfficerId),
            EmploymentChange when Fk("OfficerId") is { } id => new(OwnerKind.Officer, id),
            CertificateEvent when Fk("CertificateId") is { } id => new(OwnerKind.Certificate, id),
            ApiToken t => new(OwnerKind.User, t.UserId),
            TrainingSession s => new(OwnerKind.TrainingCourse, s.CourseId),
            _ => null,
        };
    }

    /// <summary>
    /// The organisation of a child record's parent: from the change tracker when the parent is being saved
    /// with it, otherwise from the database (unfiltered: the parent's organisation is a fact, not a read).
    /// </summary>
    private static async Task<Guid?> OwnerOrganizationAsync(ZhifaDbContext db, OwnerRef owner, CancellationToken ct)
    {
        switch (owner.Kind)
        {
            case OwnerKind.Officer:
                return db.Officers.Local.FirstOrDefault(o => o.Id == owner.Id)?.BodyId
                    ?? await db.Officers.IgnoreQueryFilters().Where(o => o.Id == owner.Id).Select(o => (Guid?)o.BodyId).FirstOrDefaultAsync(ct);
            case OwnerKind.Certificate:
                return db.Certificates.Local.FirstOrDefault(c => c.Id == owner.Id)?.BodyId
                    ?? await db.Certificates.IgnoreQueryFilters().Where(c => c.Id == owner.Id).Select(c => (Guid?)c.BodyId).FirstOrDefaultAsync(ct);
            case OwnerKind.User:
                return db.Users.Local.FirstOrDefault(u => u.Id == owner.Id)?.OrganizationId
                    ?? await db.Users.IgnoreQueryFilters().Where(u => u.Id == owner.Id).Select(u => (Guid?)u.OrganizationId).FirstOrDefaultAsync(ct);
            case OwnerKind.TrainingCourse:
                return db.TrainingCourses.Local.FirstOrDefault(c => c.Id == owner.Id)?.OrganizerId
                    ?? await db.TrainingCourses.IgnoreQueryFilters().Where(c => c.Id == owner.Id).Select(c => (Guid?)c.OrganizerId).FirstOrDefaultAsync(ct);
            default:
                return null;
        }
    }

    /// <summary>Appends the entries after the last one; the caller holds the transaction (and, on PostgreSQL, the lock).</summary>
    public static async Task AppendAsync(ZhifaDbContext db, IReadOnlyList<Pending> pending, ActorContext actor, DateTime now, CancellationToken ct)
    {
        var last = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditEntry.GenesisHash;
        var owners = new Dictionary<OwnerRef, Guid?>();
        foreach (var p in pending)
        {
            var organizationId = p.OrganizationId;
            if (organizationId is null && p.Owner is { } owner)
            {
                if (!owners.TryGetValue(owner, out organizationId))
                    owners[owner] = organizationId = await OwnerOrganizationAsync(db, owner, ct);
            }
            var entry = new AuditEntry(Guid.CreateVersion7(now), ++sequence, now, actor.UserId, actor.ActorName, actor.Address, organizationId,
                p.EntityType, p.EntityId, p.Action, p.Before, p.After, previous);
            db.AuditEntries.Add(entry);
            previous = entry.Hash;
        }
    }
}

/// <summary>An entity that belongs to one organisation, for scoping its audit entries.</summary>
public interface IHasOrganization
{
    Guid? OrganizationId { get; }
}
