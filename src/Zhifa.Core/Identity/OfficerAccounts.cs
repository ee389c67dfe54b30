using Microsoft.EntityFrameworkCore;

namespace Zhifa.Core.Identity;

/// <summary>Which active accounts belong to which officers: for features that tell an officer something (a case's reminders).</summary>
public sealed class OfficerAccounts(ZhifaDbContext db)
{
    /// <summary>The active account of each officer of <paramref name="officerIds"/> that has one (officer id → user id).</summary>
    public async Task<IReadOnlyDictionary<Guid, Guid>> OfAsync(IReadOnlyCollection<Guid> officerIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(officerIds);
        if (officerIds.Count == 0)
            return new Dictionary<Guid, Guid>();
        return await db.Users.Unscoped("an officer's own account receives their reminders, whoever runs the job")
            .Where(u => u.IsActive && u.OfficerId != null && officerIds.Contains(u.OfficerId.Value))
            .ToDictionaryAsync(u => u.OfficerId!.Value, u => u.Id, ct);
    }

    /// <summary>Of <paramref name="userIds"/>, those whose accounts are active.</summary>
    public async Task<IReadOnlySet<Guid>> ActiveAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        return (await db.Users.Unscoped("a case's registering user receives its reminders, whoever runs the job")
            .Where(u => u.IsActive && userIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
    }
}
