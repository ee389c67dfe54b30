using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Cases;
using Zhifa.Core.Common;

namespace Zhifa.Core.Records;

/// <summary>
/// A file of evidence kept with a case (执法全过程记录, XZCF-47): what it is, which step it documents, who attached it, when
/// and where it was taken, and its SHA-256, computed as it streamed in. The file itself is in the blob store under that
/// hash. Never deleted: a withdrawn file keeps its row, its file and the reason.
/// </summary>
public sealed class EvidenceFile : IVersioned
{
    public const int MaxTitle = 200;
    public const int MaxFileName = 255;
    public const int MaxReason = 500;

    private EvidenceFile()
    {
    }

    public EvidenceFile(Guid id, Guid caseId, Guid bodyId, EvidenceKind kind, string title, string fileName, string mediaType, long length, string sha256,
        CaseAction? step, DateTime uploadedAt, Guid? uploadedById, string uploadedByName, DateTime? takenAt, decimal? latitude, decimal? longitude)
    {
        Id = id;
        CaseId = caseId;
        BodyId = bodyId;
        Kind = kind;
        Title = title;
        FileName = fileName;
        MediaType = mediaType;
        Length = length;
        Sha256 = sha256;
        Step = step;
        UploadedAt = uploadedAt;
        UploadedById = uploadedById;
        UploadedByName = uploadedByName;
        TakenAt = takenAt;
        Latitude = latitude;
        Longitude = longitude;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }

    /// <summary>The case's body: the record's scope.</summary>
    public Guid BodyId { get; private set; }

    public EvidenceKind Kind { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The name the file had on the uploader's device (shown, never used to tell its type).</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The type the content shows (<see cref="FileSniffer"/>).</summary>
    public string MediaType { get; private set; } = "";

    public long Length { get; private set; }
    public string Sha256 { get; private set; } = "";

    /// <summary>The step of the case the file documents (the seizure's video, the inspection's photos), if one.</summary>
    public CaseAction? Step { get; private set; }

    public DateTime UploadedAt { get; private set; }
    public Guid? UploadedById { get; private set; }
    public string UploadedByName { get; private set; } = "";

    /// <summary>When and where it was taken, as the device or the officer says.</summary>
    public DateTime? TakenAt { get; private set; }
    public decimal? Latitude { get; private set; }
    public decimal? Longitude { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }
    public Guid? WithdrawnById { get; private set; }
    public string? WithdrawnByName { get; private set; }
    public string? WithdrawalReason { get; private set; }

    public int Version { get; private set; }

    public bool Withdrawn => WithdrawnAt is not null;

    internal void Withdraw(DateTime at, Guid? byId, string byName, string reason)
    {
        WithdrawnAt = at;
        WithdrawnById = byId;
        WithdrawnByName = byName;
        WithdrawalReason = reason;
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("EvidenceFiles");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Step).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Title).HasMaxLength(EvidenceFile.MaxTitle).IsRequired();
        builder.Property(e => e.FileName).HasMaxLength(EvidenceFile.MaxFileName).IsRequired();
        builder.Property(e => e.MediaType).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Sha256).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(e => e.UploadedByName).HasMaxLength(100).IsRequired();
        builder.Property(e => e.WithdrawnByName).HasMaxLength(100);
        builder.Property(e => e.WithdrawalReason).HasMaxLength(EvidenceFile.MaxReason);
        builder.Property(e => e.Latitude).HasPrecision(9, 6);
        builder.Property(e => e.Longitude).HasPrecision(9, 6);
        // The same file twice in one case is one piece of evidence: a retried upload finds the first.
        builder.HasIndex(e => new { e.CaseId, e.Sha256 }).IsUnique();
        builder.HasIndex(e => new { e.CaseId, e.UploadedAt });
        builder.HasIndex(e => e.Sha256);
        builder.HasIndex(e => e.BodyId);
    }
}
