using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhifa.Core.Common;

/// <summary>
/// An editable record with a concurrency token. <see cref="Version"/> starts at 0 and is raised by one with every
/// saved change of the record (<see cref="Versioning.Stamp"/>); an update whose version is not the one in the
/// database changes nothing and fails with <see cref="DbUpdateConcurrencyException"/>, which the API answers 409.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}

/// <summary>
/// The version of a record as the caller last read it (an API request's <c>If-Match</c> or <c>version</c>, a form's
/// hidden field). One per unit of work: the next save checks it against the record whose key is <see cref="RecordId"/>.
/// Without an expectation a write is checked only against the version it loaded (lost updates between load and save).
/// </summary>
public sealed class ConcurrencyExpectation
{
    public Guid? RecordId { get; private set; }
    public int? Version { get; private set; }

    public void Expect(Guid recordId, int version)
    {
        RecordId = recordId;
        Version = version;
    }

    public void Clear()
    {
        RecordId = null;
        Version = null;
    }
}

/// <summary>Thrown when the caller's version of a record is not the current one: someone else changed it since they read it.</summary>
public sealed class StaleVersionException(string message) : DbUpdateConcurrencyException(message);

/// <summary>The one mechanism of concurrency tokens: model configuration and the stamping of saved changes.</summary>
public static class Versioning
{
    /// <summary>Sign-in bookkeeping and the version itself: changes of these alone do not move a record to a new version.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal) { "FailedAttempts", "LockedUntil", "LastSignInAt", "LastUsedAt", nameof(IVersioned.Version) };

    /// <summary>Every <see cref="IVersioned"/> root entity's <c>Version</c> is a concurrency token.</summary>
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        foreach (var type in modelBuilder.Model.GetEntityTypes().Where(t => t.BaseType is null && typeof(IVersioned).IsAssignableFrom(t.ClrType)).ToList())
            modelBuilder.Entity(type.ClrType).Property<int>(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    /// <summary>
    /// Raises the version of each changed record (the update then requires the version it was loaded with); the record
    /// named by <paramref name="expected"/> must be at the expected version, and is raised by any change of the unit of
    /// work (a transition that only adds to its history still moves the record on).
    /// </summary>
    public static void Stamp(ChangeTracker tracker, ConcurrencyExpectation? expected)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var anyChange = tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        foreach (var entry in tracker.Entries<IVersioned>().ToList())
        {
            var version = entry.Property(e => e.Version);
            var targeted = expected is { RecordId: { } id, Version: { } v } && KeyIs(entry, id);
            if (targeted)
            {
                if (version.OriginalValue != expected!.Version)
                    throw new StaleVersionException($"{entry.Metadata.ClrType.Name} {expected.RecordId} is at version {version.OriginalValue}, not {expected.Version}.");
            }
            var changed = entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && !Bookkeeping.Contains(p.Metadata.Name));
            if (changed || (targeted && anyChange && entry.State is EntityState.Unchanged or EntityState.Modified))
            {
                version.CurrentValue = version.OriginalValue + 1;
                version.IsModified = true;
            }
        }
    }

    private static bool KeyIs(EntityEntry entry, Guid id) =>
        entry.Metadata.FindPrimaryKey()?.Properties is [var key] && entry.Property(key.Name).CurrentValue is Guid g && g == id;

    /// <summary>Reads a version sent by a client: <c>"3"</c>, <c>W/"3"</c> or <c>3</c>.</summary>
    public static int? Parse(string? etag)
    {
        if (string.IsNullOrWhiteSpace(etag))
            return null;
        var s = etag.Trim();
        if (s.StartsWith("W/", StringComparison.Ordinal))
            s = s[2..];
        s = s.Trim('"');
        return int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>The entity tag of a version, as sent in <c>ETag</c>.</summary>
    public static string ETag(int version) => "\"" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";
}
