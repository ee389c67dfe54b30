using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhifa.Core.Common;

/// <summary>
/// The first answer to a create or transition sent with an <c>Idempotency-Key</c>: a retry with the same key (same
/// caller) gets it again and changes nothing. The unique (caller, key) index decides between two requests sent at the
/// same moment. <see cref="Status"/> 0 marks a request still being processed. Records expire (the daily job removes them).
/// </summary>
public sealed class IdempotencyRecord : Modules.INotAudited
{
    public const int MaxKeyLength = 200;

    public Guid Id { get; set; }

    /// <summary>The caller: the user's id, or the empty id for an anonymous caller.</summary>
    public Guid UserId { get; set; }

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public string RequestHash { get; set; } = "";

    public int Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[]? Body { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength).IsRequired();
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(1000);
        builder.Property(r => r.ETag).HasMaxLength(100);
        builder.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
    }
}
