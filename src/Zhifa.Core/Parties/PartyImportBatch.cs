using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Parties;

/// <summary>
/// One bulk import of parties from a CSV file: who imported it, when, which file (its name and SHA-256), how many parties it
/// registered, for which organisation. A bulk import is audited per file, not per row: the parties themselves are written by
/// bulk copy, which the audit trail does not see, and this record — saved through EF in the same transaction — is the audit
/// trail's entry for all of them (with the file's hash, the file kept by the importer proves what was registered). The parties
/// of a batch are those created at <see cref="ImportedAt"/> by its import; a change to one of them later is audited as usual.
/// </summary>
public sealed class PartyImportBatch : IEntityWithId
{
    public const int MaxFileNameLength = 255;

    private PartyImportBatch()
    {
        FileName = "";
        Sha256 = "";
        ImportedBy = "";
    }

    public Guid Id { get; private set; }

    /// <summary>The user who imported the file (null: the system).</summary>
    public Guid? UserId { get; private set; }

    /// <summary>The user name at the time (the audit entry names the actor too).</summary>
    public string ImportedBy { get; private set; }

    /// <summary>The organisation the user acted for; the batch's audit entry belongs to it.</summary>
    public Guid? OrganizationId { get; private set; }

    public DateTime ImportedAt { get; private set; }

    /// <summary>The uploaded file's name, as the client gave it.</summary>
    public string FileName { get; private set; }

    /// <summary>The file's SHA-256, lower-case hex.</summary>
    public string Sha256 { get; private set; }

    /// <summary>The parties registered.</summary>
    public int Rows { get; private set; }

    internal static PartyImportBatch Record(ActorContext actor, string fileName, string sha256, int rows, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(now)),
        UserId = actor.UserId,
        ImportedBy = actor.ActorName,
        OrganizationId = actor.Access is { } access ? access.ActingForId ?? access.OrganizationId : null,
        ImportedAt = now,
        FileName = Clip(Path.GetFileName(fileName ?? ""), MaxFileNameLength),
        Sha256 = sha256,
        Rows = rows,
    };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}

internal sealed class PartyImportBatchConfiguration : IEntityTypeConfiguration<PartyImportBatch>
{
    public void Configure(EntityTypeBuilder<PartyImportBatch> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.ImportedBy).HasMaxLength(100).IsRequired();
        builder.Property(b => b.FileName).HasMaxLength(PartyImportBatch.MaxFileNameLength).IsRequired();
        builder.Property(b => b.Sha256).HasMaxLength(64).IsRequired();
        builder.HasOne<Organization>().WithMany().HasForeignKey(b => b.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.ImportedAt);
    }
}
