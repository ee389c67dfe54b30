using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhifa.Core.Audit;

/// <summary>
/// A signed statement that the audit chain reached <see cref="Sequence"/> with the entry hash <see cref="EntryHash"/>
/// (审计日志锚点). Signed with a key outside the database, so removing the newest entries, recomputing the chain or
/// forging a checkpoint is found by <c>verify-audit</c>; exported, so a supervising body keeps its own copy. Append-only.
/// </summary>
public sealed class AuditCheckpoint : INotAudited
{
    private AuditCheckpoint()
    {
        EntryHash = "";
        Algorithm = "";
        KeyId = "";
        Signature = "";
    }

    internal AuditCheckpoint(Guid id, long sequence, string entryHash, DateTime at, AuditKey key)
    {
        Id = id;
        Sequence = sequence;
        EntryHash = entryHash;
        At = new DateTime(at.Ticks - (at.Ticks % 10), DateTimeKind.Utc);
        Algorithm = key.SignatureAlgorithm;
        KeyId = key.Id;
        Signature = key.Sign(Payload(Sequence, EntryHash, At, Algorithm, KeyId));
    }

    public Guid Id { get; private set; }

    /// <summary>The sequence of the entry it vouches for.</summary>
    public long Sequence { get; private set; }

    /// <summary>That entry's hash.</summary>
    public string EntryHash { get; private set; }

    public DateTime At { get; private set; }

    /// <summary><c>ecdsa-p256-sha256</c> or <c>sm2-sm3</c>.</summary>
    public string Algorithm { get; private set; }

    public string KeyId { get; private set; }

    /// <summary>Base64 of the DER signature over <see cref="Payload"/>.</summary>
    public string Signature { get; private set; }

    /// <summary>What is signed: one line per field, so anyone with the public key can check it with standard tools.</summary>
    public static byte[] Payload(long sequence, string entryHash, DateTime at, string algorithm, string keyId) => Encoding.UTF8.GetBytes(
        string.Join('\n', "zhifa-audit-checkpoint/1", sequence.ToString(CultureInfo.InvariantCulture), entryHash,
            at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture), algorithm, keyId));

    public bool VerifiesWith(AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Id == KeyId && key.SignatureAlgorithm == Algorithm && key.Verify(Payload(Sequence, EntryHash, At, Algorithm, KeyId), Signature);
    }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Sequence).IsUnique();
        builder.Property(c => c.EntryHash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Algorithm).HasMaxLength(20).IsRequired();
        builder.Property(c => c.KeyId).HasMaxLength(16).IsRequired();
        builder.Property(c => c.Signature).HasMaxLength(200).IsRequired();
    }
}
