using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;

namespace Zhifa.Core.Messages;

/// <summary>A message as its reader sees it (the text is made from <see cref="Code"/> and <see cref="Args"/> in the reader's language).</summary>
public sealed record MessageView(Guid Id, string Code, IReadOnlyList<string> Args, string? Link, DateTime CreatedAt, bool Read);

/// <summary>A message to send: to whom, what, where it points, and the key that makes it arrive once.</summary>
public sealed record OutgoingMessage(Guid UserId, string Code, IReadOnlyList<string> Args, string? Link, string DedupKey);

/// <summary>Sending messages, and the caller's own inbox: a user reads and marks only their own.</summary>
public sealed class Inbox(ZhifaDbContext db, TimeProvider clock)
{
    /// <summary>The most a page of the inbox shows; older messages are reached page by page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Adds the messages not sent before (by user and key); returns how many were added. Saved by the caller's SaveChanges.</summary>
    public async Task<int> SendAsync(IReadOnlyCollection<OutgoingMessage> messages, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
            return 0;
        var users = messages.Select(m => m.UserId).Distinct().ToList();
        var keys = messages.Select(m => m.DedupKey).Distinct().ToList();
        var sent = (await db.UserMessages.Where(m => users.Contains(m.UserId) && keys.Contains(m.DedupKey)).Select(m => new { m.UserId, m.DedupKey }).ToListAsync(ct))
            .Select(m => (m.UserId, m.DedupKey)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var m in messages.DistinctBy(m => (m.UserId, m.DedupKey)).Where(m => !sent.Contains((m.UserId, m.DedupKey))))
        {
            db.UserMessages.Add(new UserMessage(Guid.CreateVersion7(clock.GetUtcNow()), m.UserId, m.Code, m.Args, m.Link, m.DedupKey, now));
            added++;
        }
        return added;
    }

    /// <summary>A page of the caller's messages, newest first, and whether older ones follow (a user's inbox: never a count of it).</summary>
    public async Task<(IReadOnlyList<MessageView> Items, bool More)> MineAsync(int page = 1, bool unreadOnly = false, int pageSize = 50, CancellationToken ct = default)
    {
        var me = db.Actor.UserId ?? Guid.Empty;
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var q = db.UserMessages.AsNoTracking().Where(m => m.UserId == me);
        if (unreadOnly)
            q = q.Where(m => m.ReadAt == null);
        var rows = await q.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip((Math.Clamp(page, 1, 1000) - 1) * size).Take(size + 1)
            .Select(m => new MessageView(m.Id, m.Code, m.Args, m.Link, m.CreatedAt, m.ReadAt != null)).ToListAsync(ct);
        return (rows.Take(size).ToList(), rows.Count > size);
    }

    /// <summary>How many of the caller's messages are unread, counted up to <see cref="Paging.CountCap"/>.</summary>
    public Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var me = db.Actor.UserId ?? Guid.Empty;
        return db.UserMessages.Where(m => m.UserId == me && m.ReadAt == null).Take(Paging.CountCap).CountAsync(ct);
    }

    /// <summary>Marks the caller's messages read: those of <paramref name="ids"/>, or all when null. Another user's ids change nothing.</summary>
    public async Task<int> MarkReadAsync(IReadOnlyCollection<Guid>? ids, CancellationToken ct = default)
    {
        var me = db.Actor.UserId ?? Guid.Empty;
        var now = clock.GetUtcNow().UtcDateTime;
        var q = db.UserMessages.Where(m => m.UserId == me && m.ReadAt == null);
        if (ids is not null)
            q = q.Where(m => ids.Contains(m.Id));
        return await q.ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), ct);
    }
}
