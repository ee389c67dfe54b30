using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Modules;

namespace Zhifa.Core.Messages;

/// <summary>
/// A message to one user (消息中心): what happened, as a resource code with its arguments (shown in the reader's
/// language), the page it concerns, and whether it was read. <see cref="DedupKey"/> makes a reminder arrive once,
/// whichever node sends it and however often a job is re-run (the database refuses the second).
/// </summary>
public sealed class UserMessage : INotAudited
{
    private UserMessage()
    {
    }

    public UserMessage(Guid id, Guid userId, string code, IReadOnlyList<string> args, string? link, string dedupKey, DateTime createdAt)
    {
        Id = id;
        UserId = userId;
        Code = code;
        Args = [.. args];
        Link = link;
        DedupKey = dedupKey;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Code { get; private set; } = "";
    public List<string> Args { get; private set; } = [];
    public string? Link { get; private set; }
    public string DedupKey { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; internal set; }
}

internal sealed class UserMessageConfiguration : IEntityTypeConfiguration<UserMessage>
{
    public void Configure(EntityTypeBuilder<UserMessage> builder)
    {
        builder.ToTable("UserMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Code).HasMaxLength(80).IsRequired();
        builder.Property(m => m.Link).HasMaxLength(200);
        builder.Property(m => m.DedupKey).HasMaxLength(120).IsRequired();
        builder.PrimitiveCollection(m => m.Args);
        // A user's messages newest first ; unread ones; each reminder once.
        builder.HasIndex(m => new { m.UserId, m.CreatedAt });
        builder.HasIndex(m => new { m.UserId, m.ReadAt });
        builder.HasIndex(m => new { m.UserId, m.DedupKey }).IsUnique();
    }
}

/// <summary>The message centre: every user's own messages, sent by features' jobs and steps.</summary>
public sealed class MessagesModule : FeatureModule
{
    public override int Order => 8;
}

/// <summary>The message centre's set of the database.</summary>
public static class MessageSets
{
    extension(Data.ZhifaDbContext db)
    {
        public DbSet<UserMessage> UserMessages => db.Set<UserMessage>();
    }
}
