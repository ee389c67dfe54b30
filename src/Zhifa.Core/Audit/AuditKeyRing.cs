using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Zhifa.Core.Audit;

/// <summary>
/// The audit trail's keys and algorithms, from the configuration — never from the database. <c>Zhifa:Crypto:Suite</c>
/// (<c>Standard</c> or <c>National</c>) chooses the hash of new entries (SHA-256 or SM3); <c>Zhifa:Audit:SigningKey</c> is the
/// current key (PEM text, as from the environment, or a file; by default a file in <c>data/</c> made at first start:
/// P-256, or SM2 for the national suite); <c>Zhifa:Audit:RetiredKeys</c> lists earlier keys (private, to check their
/// seals; or public, to check their checkpoints) so that a rotated key or a switched suite leaves old rows verifiable.
/// </summary>
public sealed class AuditKeyRing
{
    public const string DefaultKeyFile = "data/audit-signing-key.pem";
    public const string DefaultSm2KeyFile = "data/audit-signing-key-sm2.pem";

    private readonly Dictionary<string, AuditKey> _byId;

    public AuditKeyRing(string hashAlgorithm, AuditKey current, IEnumerable<AuditKey> retired, string source, bool generated)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (!current.HasPrivateKey)
            throw new CryptographicException("The audit signing key must include its private key.");
        HashAlgorithm = hashAlgorithm;
        Current = current;
        Source = source;
        Generated = generated;
        _byId = new Dictionary<string, AuditKey>(StringComparer.Ordinal) { [current.Id] = current };
        foreach (var key in retired ?? [])
            _byId.TryAdd(key.Id, key);
    }

    /// <summary>The hash new entries are chained with.</summary>
    public string HashAlgorithm { get; }

    /// <summary>The key that seals new entries and signs new checkpoints.</summary>
    public AuditKey Current { get; }

    /// <summary>Where the current key came from (a file path, or "configuration").</summary>
    public string Source { get; }

    /// <summary>Whether the key was made at this start because the default file did not exist.</summary>
    public bool Generated { get; }

    public IEnumerable<AuditKey> Keys => _byId.Values;

    public AuditKey? Find(string? id) => id is not null && _byId.TryGetValue(id, out var key) ? key : null;

    public static bool IsNational(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Common.CryptoSettings.ParseSuite(config[Common.CryptoSettings.Suite]) == Common.CryptoSuite.National;
    }

    public static AuditKeyRing FromConfiguration(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var national = IsNational(config);
        var hash = national ? AuditAlgorithms.Sm3 : AuditAlgorithms.Sha256;
        var retired = config.GetSection("Zhifa:Audit:RetiredKeys").GetChildren().Select(c => c.Value).OfType<string>()
            .Where(v => v.Length > 0).Select(v => AuditKey.FromPem(ReadPem(v))).ToList();
        var configured = config["Zhifa:Audit:SigningKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = AuditKey.FromPem(ReadPem(configured));
            if (national && key.SignatureAlgorithm != AuditAlgorithms.Sm2)
                throw new InvalidOperationException("Zhifa:Crypto:Suite is National: Zhifa:Audit:SigningKey must be an SM2 key.");
            return new AuditKeyRing(hash, key, retired, IsPem(configured) ? "configuration" : configured, generated: false);
        }
        var path = national ? DefaultSm2KeyFile : DefaultKeyFile;
        var (current, generated) = LoadOrCreate(Path.GetFullPath(path), national);
        return new AuditKeyRing(hash, current, retired, Path.GetFullPath(path), generated);
    }

    private static bool IsPem(string value) => value.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal);

    private static string ReadPem(string value) => IsPem(value) ? value : File.ReadAllText(value);

    /// <summary>The default key file, made once: written aside and moved in, so two nodes starting together keep one key.</summary>
    private static (AuditKey Key, bool Generated) LoadOrCreate(string path, bool sm2)
    {
        if (File.Exists(path))
            return (AuditKey.FromPem(File.ReadAllText(path)), false);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = AuditKey.Generate(sm2);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, key.PrivateKeyPem);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temp, path, overwrite: false);
            return (key, true);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return (AuditKey.FromPem(File.ReadAllText(path)), false);
        }
    }
}
