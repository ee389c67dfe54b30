using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Zhifa.Core.Common;

namespace Zhifa.Core.Audit;

/// <summary>Turns the change tracker's pending changes into chained audit entries, inside the saving transaction.</summary>
internal static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };


    /// <summary>Bookkeeping that changes on every sign-in; the login log records it instead.</summary>
    private static readonly HashSet<string> Volatile = new(StringComparer.Ordinal) { "FailedAttempts", "LockedUntil", "LastSignInAt", "LastUsedAt", "UpdatedAt", "Version" };

    /// <summary>A change waiting for its entry, with the organisation that owns it (directly or through its parent).</summary>
    public sealed record Pending(string EntityType, string EntityId, string Action, string? Before, string? After, AuditOwner? Owner);

    public static List<Pending> Collect(ChangeTracker tracker, AuditKey? auditKey)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry or AuditCheckpoint)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                    throw new InvalidOperationException("The audit trail is append-only.");
                continue;
            }
            // The login log is its own record; data-protection keys are secrets and no business data.
            if (entry.Entity is INotAudited || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            var props = entry.Properties.Where(p => !p.Metadata.IsShadowProperty() || p.Metadata.IsForeignKey()).ToList();
            if (entry.State == EntityState.Modified)
            {
                props = props.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                if (props.All(p => Volatile.Contains(p.Metadata.Name)))
                    continue;
            }
            string? Snapshot(Func<PropertyEntry, object?> value) => JsonSerializer.Serialize(
                props.Where(p => p.Metadata.Name != "UpdatedAt").ToDictionary(p => p.Metadata.Name, p => Recorded(p.Metadata, value(p), auditKey)), Json);
            var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
            pending.Add(new Pending(
                entry.Metadata.ClrType.Name,
                key,
                entry.State.ToString(),
                entry.State == EntityState.Added ? null : Snapshot(p => p.OriginalValue),
                entry.State == EntityState.Deleted ? null : Snapshot(p => p.CurrentValue),
                OwnerOf(entry)));
        }
        return pending;
    }

    /// <summary>
    /// A value as the trail keeps it: secrets never (only that they changed), phone numbers masked, other personal data
    /// only as a keyed hash (with a key outside the database, so the trail cannot be searched for a number by brute force
    /// without it, yet two values can be told apart).
    /// </summary>
    private static object? Recorded(Microsoft.EntityFrameworkCore.Metadata.IProperty property, object? value, AuditKey? key)
    {
        var kind = (property.PropertyInfo?.GetCustomAttributes(typeof(SensitiveAttribute), false).FirstOrDefault() as SensitiveAttribute)?.Kind;
        if (kind is null || value is null)
            return Plain(value);
        var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return kind switch
        {
            Sensitivity.Secret => "***",
            Sensitivity.Phone => Masking.Phone(text) + Fingerprint(key, text),
            _ => key is { CanSeal: true } ? "#" + key.Fingerprint(text) : "***",
        };
    }

    private static string Fingerprint(AuditKey? key, string value) => key is { CanSeal: true } ? " #" + key.Fingerprint(value) : "";

    private static object? Plain(object? value) => value switch
    {
        Enum e => e.ToString(),
        DateTime d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>The organisation an entry belongs to, so the audit log is scoped like the data it records: the owning feature says.</summary>
    private static AuditOwner? OwnerOf(EntityEntry entry)
    {
        if (entry.Entity is IHasOrganization owned)
            return AuditOwner.Organization(owned.OrganizationId);
        foreach (var module in ModuleCatalog.All)
        {
            if (module.AuditOwnerOf(entry) is { } owner)
                return owner;
        }
        return null;
    }

    /// <summary>Appends the entries after the last one; the caller holds the transaction (and, on PostgreSQL, the lock).</summary>
    public static async Task AppendAsync(ZhifaDbContext db, IReadOnlyList<Pending> pending, AuditKeyRing? keys, ActorContext actor, DateTime now, CancellationToken ct)
    {
        var last = await db.AuditEntries.Unscoped("the chain continues from the last entry of all, whoever may read it").AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var algorithm = keys?.HashAlgorithm ?? AuditAlgorithms.Sha256;
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditEntry.GenesisHash;
        var parents = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        foreach (var p in pending)
        {
            var organizationId = p.Owner?.OrganizationId;
            if (organizationId is null && p.Owner is { ParentKey: { } key, Resolve: { } resolve })
            {
                if (!parents.TryGetValue(key, out organizationId))
                    parents[key] = organizationId = await resolve(db, ct);
            }
            var entry = new AuditEntry(Guid.CreateVersion7(now), ++sequence, now, actor.UserId, actor.ActorName, actor.Address, organizationId,
                p.EntityType, p.EntityId, p.Action, p.Before, p.After, previous, algorithm, keys?.Current);
            db.AuditEntries.Add(entry);
            previous = entry.Hash;
        }
    }

    /// <summary>
    /// The key ring of the application the context belongs to (a singleton of its services). A context made by hand, with
    /// no application around it (a design-time tool), chains with SHA-256 and seals nothing.
    /// </summary>
    internal static AuditKeyRing? KeysOf(ZhifaDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(AuditKeyRing)) as AuditKeyRing;
}
