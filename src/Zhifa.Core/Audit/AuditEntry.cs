using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Zhifa.Core.Audit;

/// <summary>
/// One change to business data (操作日志), written in the same transaction as the change, never
/// updated or deleted. <see cref="Hash"/> covers the entry's content and the previous entry's hash,
/// so editing or removing any entry breaks the chain from that entry on.
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
    }

    internal AuditEntry(Guid id, long sequence, DateTime at, Guid? userId, string userName, string? address, Guid? organizationId,
        string entityType, string entityId, string action, string? before, string? after, string previousHash)
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
        Hash = ComputeHash();
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

    /// <summary>SHA-256 over every field but the hash itself, joined unambiguously (lengths prefix each value).</summary>
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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
