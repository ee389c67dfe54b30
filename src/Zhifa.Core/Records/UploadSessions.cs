using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Zhifa.Core.Records;

/// <summary>A resumable upload as its owner sees it: how long the file is, how much has arrived, until when it is kept.</summary>
public sealed record UploadSession(Guid Id, Guid OwnerId, string FileName, long Length, long Offset, DateTime CreatedAt, DateTime ExpiresAt)
{
    public bool Complete => Offset == Length;
}

/// <summary>
/// Resumable uploads for a phone on a bad connection: a session is opened with the file's length, the bytes are sent in
/// pieces, each at the offset the server has (a piece cut off keeps what arrived; the client asks the offset and goes on),
/// and the complete file is attached as evidence from there. Nothing of a session is evidence until then; sessions not
/// completed within a day are removed. Kept beside the blob store (<c>{Zhifa:Blobs:Path}/uploads</c>), never in memory.
/// </summary>
public sealed class UploadSessions
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly string _dir;
    private readonly TimeProvider _clock;

    public UploadSessions(IConfiguration configuration, TimeProvider clock)
    {
        var root = configuration?["Zhifa:Blobs:Path"] is { Length: > 0 } path ? path : DirectoryBlobStore.DefaultPath;
        _dir = Path.Combine(Path.GetFullPath(root), "uploads");
        Directory.CreateDirectory(_dir);
        _clock = clock;
    }

    public UploadSession Open(Guid ownerId, string? fileName, long length)
    {
        Sweep();
        var now = _clock.GetUtcNow().UtcDateTime;
        var session = new UploadSession(Guid.NewGuid(), ownerId, Path.GetFileName(fileName ?? "") is { Length: > 0 } n ? n[..Math.Min(n.Length, EvidenceFile.MaxFileName)] : "upload",
            length, 0, now, now + Lifetime);
        File.WriteAllText(MetaPath(session.Id), JsonSerializer.Serialize(session));
        using (File.Create(DataPath(session.Id)))
        {
        }
        return session;
    }

    /// <summary>The session, if it is the owner's and still kept; its offset is what has arrived on disk.</summary>
    public UploadSession? Find(Guid id, Guid ownerId)
    {
        var meta = MetaPath(id);
        if (!File.Exists(meta))
            return null;
        var session = JsonSerializer.Deserialize<UploadSession>(File.ReadAllText(meta));
        if (session is null || session.OwnerId != ownerId || session.ExpiresAt < _clock.GetUtcNow().UtcDateTime || !File.Exists(DataPath(id)))
            return null;
        return session with { Offset = new FileInfo(DataPath(id)).Length };
    }

    /// <summary>
    /// Appends a piece sent at <paramref name="offset"/>; answers the offset after it. What arrives before a break is kept;
    /// bytes past the declared length are refused (<see cref="BlobTooLargeException"/>) and cut back.
    /// </summary>
    public async Task<long> AppendAsync(UploadSession session, Stream piece, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(piece);
        await using var file = new FileStream(DataPath(session.Id), FileMode.Append, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        var buffer = new byte[81920];
        int read;
        var written = session.Offset;
        try
        {
            while ((read = await piece.ReadAsync(buffer, ct)) > 0)
            {
                if (written + read > session.Length)
                {
                    await file.WriteAsync(buffer.AsMemory(0, (int)(session.Length - written)), CancellationToken.None);
                    throw new BlobTooLargeException(session.Length);
                }
                await file.WriteAsync(buffer.AsMemory(0, read), CancellationToken.None);
                written += read;
            }
        }
        finally
        {
            await file.FlushAsync(CancellationToken.None);
        }
        return written;
    }

    public Stream OpenRead(UploadSession session) =>
        new FileStream(DataPath(session!.Id), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);

    public void Remove(Guid id)
    {
        File.Delete(DataPath(id));
        File.Delete(MetaPath(id));
    }

    /// <summary>Removes the sessions past their day.</summary>
    public void Sweep()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var meta in Directory.EnumerateFiles(_dir, "*.json"))
        {
            try
            {
                var session = JsonSerializer.Deserialize<UploadSession>(File.ReadAllText(meta));
                if (session is not null && session.ExpiresAt < now)
                    Remove(session.Id);
            }
            catch (JsonException)
            {
                File.Delete(meta);
            }
        }
    }

    private string MetaPath(Guid id) => Path.Combine(_dir, id.ToString("N") + ".json");

    private string DataPath(Guid id) => Path.Combine(_dir, id.ToString("N") + ".part");
}
