using System.Globalization;
using System.Text;

namespace Zhifa.Core.Audit;

/// <summary>
/// One change to business data (操作日志), written in the same transaction as the change, never
/// updated or deleted. <see cref="Hash"/> covers the entry's content and the previous entry's hash,
/// so editing or removing any entry breaks the chain from that entry on; <see cref="Seal"/> and the signed
/// <see cref="AuditCheckpoint"/>s, made with a key outside the database, catch a chain recomputed after an edit and
/// the removal of the newest entries.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        UserName = "";
        EntityType = "";
        EntityId = "";
        Action = "";
        PreviousHash = "";
        Hash = "";
        Algorithm = AuditAlgorithms.Sha256;
    }

    internal AuditEntry(Guid id, long sequence, DateTime at, Guid? userId, string userName, string? address, Guid? organizationId,
        string entityType, string entityId, string action, string? before, string? after, string previousHash,
        string algorithm = AuditAlgorithms.Sha256, AuditKey? sealKey = null)
    {
        Id = id;
        Sequence = sequence;
        // Stored to the microsecond (PostgreSQL's precision), so the hash is over what the database keeps.
        At = new DateTime(at.Ticks - (at.Ticks % 10), DateTimeKind.Utc);
        UserId = userId;
        UserName = userName;
        Address = address;
        OrganizationId = organizationId;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Before = before;
        After = after;
        PreviousHash = previousHash;
        Algorithm = algorithm;
        Hash = ComputeHash();
        if (sealKey is { CanSeal: true })
        {
            Seal = sealKey.Seal(algorithm, Hash);
            SealKeyId = sealKey.Id;
        }
    }

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public Guid Id { get; private set; }
    public long Sequence { get; private set; }
    public DateTime At { get; private set; }
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; }
    public string? Address { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }

    /// <summary>Added, Modified or Deleted.</summary>
    public string Action { get; private set; }

    /// <summary>The values before the change (JSON), null for an addition.</summary>
    public string? Before { get; private set; }

    /// <summary>The values after the change (JSON), null for a deletion.</summary>
    public string? After { get; private set; }

    public string PreviousHash { get; private set; }
    public string Hash { get; private set; }

    /// <summary>The hash function of <see cref="Hash"/>: <c>sha256</c> or <c>sm3</c> (<see cref="AuditAlgorithms"/>).</summary>
    public string Algorithm { get; private set; }

    /// <summary>
    /// A keyed hash of <see cref="Hash"/> with a key held outside the database (<see cref="AuditKeyRing"/>): whoever can
    /// write to the database can recompute the chain after a rewritten entry, but not its seals. Null on entries written
    /// before seals existed.
    /// </summary>
    public string? Seal { get; private set; }

    /// <summary>The id of the key that made <see cref="Seal"/>.</summary>
    public string? SealKeyId { get; private set; }

    /// <summary>The hash over every field but the hash and the seal, joined unambiguously (lengths prefix each value).</summary>
    public string ComputeHash()
    {
        var fields = new[]
        {
            Sequence.ToString(CultureInfo.InvariantCulture),
            At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            UserId?.ToString("N") ?? "", UserName, Address ?? "", OrganizationId?.ToString("N") ?? "",
            EntityType, EntityId, Action, Before ?? "", After ?? "", PreviousHash,
        };
        var text = string.Concat(fields.Select(f => f.Length.ToString(CultureInfo.InvariantCulture) + ":" + f + ";"));
        return Convert.ToHexStringLower(AuditAlgorithms.Hash(Algorithm, Encoding.UTF8.GetBytes(text)));
    }
}
