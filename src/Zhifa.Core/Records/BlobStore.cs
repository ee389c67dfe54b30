using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Zhifa.Core.Records;

/// <summary>What a stored file is: its SHA-256 (lower-case hex, the file's address) and its length in bytes.</summary>
public sealed record BlobInfo(string Sha256, long Length);

/// <summary>The store's answer to a write that went past the size limit: nothing was kept.</summary>
public sealed class BlobTooLargeException(long limit) : Exception($"The content is longer than {limit} bytes.")
{
    public long Limit { get; } = limit;
}

/// <summary>
/// Where files live (DESIGN.md: evidence, generated documents, case-file archives): addressed by their SHA-256, written
/// once and never overwritten or deleted. A directory by default; an S3-compatible object store behind the same interface
/// in production.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into the store, hashing it on the way, without holding it in memory. Longer
    /// than <paramref name="maxLength"/>: <see cref="BlobTooLargeException"/> and nothing kept; cancelled or broken off
    /// halfway: nothing kept. The same content stored twice is one file.
    /// </summary>
    Task<BlobInfo> PutAsync(Stream content, long maxLength, CancellationToken ct);

    /// <summary>The stored file, or null when the store has none at that address.</summary>
    Stream? OpenRead(string sha256);

    /// <summary>Reads the stored file again and answers its SHA-256 now (null when it is gone): a changed file answers a different hash.</summary>
    Task<string?> HashNowAsync(string sha256, CancellationToken ct);

    /// <summary>Every address in the store.</summary>
    IEnumerable<string> All();
}

/// <summary>
/// The directory store: <c>{root}/ab/cd/abcd…</c>, written through a temporary file in <c>{root}/tmp</c> that is moved into
/// place only when complete, never over an existing file; files are made read-only once in place.
/// </summary>
public sealed class DirectoryBlobStore : IBlobStore
{
    public const string DefaultPath = "data/blobs";

    private readonly string _root;

    public DirectoryBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(_root, "tmp"));
    }

    public static DirectoryBlobStore FromConfiguration(IConfiguration configuration) =>
        new(configuration?["Zhifa:Blobs:Path"] is { Length: > 0 } path ? path : DefaultPath);

    public string Root => _root;

    public async Task<BlobInfo> PutAsync(Stream content, long maxLength, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var temp = Path.Combine(_root, "tmp", Guid.NewGuid().ToString("N"));
        try
        {
            string hash;
            long length = 0;
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    length += read;
                    if (length > maxLength)
                        throw new BlobTooLargeException(maxLength);
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                await file.FlushAsync(ct);
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            var target = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target))
            {
                try
                {
                    File.Move(temp, target, overwrite: false);
                    File.SetAttributes(target, FileAttributes.ReadOnly);
                }
                catch (IOException) when (File.Exists(target))
                {
                    // Stored by someone else at the same moment: the same content, kept once.
                }
            }
            return new BlobInfo(hash, length);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    public Stream? OpenRead(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null;
    }

    public async Task<string?> HashNowAsync(string sha256, CancellationToken ct)
    {
        await using var file = OpenRead(sha256);
        if (file is null)
            return null;
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }

    public IEnumerable<string> All() =>
        Directory.Exists(_root)
            ? Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>().Where(IsAddress)
            : [];

    private string PathOf(string sha256)
    {
        if (!IsAddress(sha256))
            throw new ArgumentException("Not a SHA-256 address.", nameof(sha256));
        return Path.Combine(_root, sha256[..2], sha256[2..4], sha256);
    }

    /// <summary>64 lower-case hex digits: nothing else names a file of the store (no path can be smuggled in).</summary>
    public static bool IsAddress(string? value) => value is { Length: 64 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
