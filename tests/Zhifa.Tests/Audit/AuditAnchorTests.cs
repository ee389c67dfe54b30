using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Zhifa.Core.Audit;
using Zhifa.Core.Demo;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Audit;

/// <summary>
/// The audit chain anchored outside the database: seals and signed checkpoints made with a key the database does not hold,
/// so the three tamperings a database administrator could try — deleting the newest entries, rewriting an entry and
/// recomputing the chain after it, forging a checkpoint — are each found by verify-audit, which names the first bad entry.
/// With the default algorithms (SHA-256, ECDSA P-256) and with the national ones (SM3, SM2).
/// </summary>
public abstract class AuditAnchorTests(string provider, bool national)
{
    /// <summary>The national-suite run's SM2 key, as an operator would configure it.</summary>
    private static readonly string Sm2KeyPem = ZhifaApp.AuditSm2KeyPem;

    private const int Every = 40;

    private ZhifaApp NewApp() => new(provider, Settings());

    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?> { ["Zhifa:Audit:CheckpointEveryEntries"] = Every.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (national)
        {
            settings["Zhifa:Crypto:Suite"] = "National";
            settings["Zhifa:Audit:SigningKey"] = Sm2KeyPem;
        }
        return settings;
    }

    private string HashAlgorithm => national ? "sm3" : "sha256";
    private string SignatureAlgorithm => national ? "sm2-sm3" : "ecdsa-p256-sha256";

    [Fact]
    public async Task Checkpoints_AnchorEveryNEntriesAndTheHead_SignedSoThatThePublicKeyAloneChecksThem()
    {
        using var app = NewApp();
        var head = await CheckpointAsync(app);
        var export = await app.ApiAs("yp.supervisor").GetFromJsonAsync<AuditCheckpointExport>("/api/v1/audit/checkpoints", ZhifaApp.Json);

        var expected = Enumerable.Range(1, (int)(head / Every)).Select(i => (long)i * Every).Append(head).Distinct().ToList();
        Assert.Equal(expected, export!.Checkpoints.Select(c => c.Sequence));
        var key = Assert.Single(export.Keys);
        Assert.Equal(SignatureAlgorithm, key.Algorithm);
        await using var scope = app.Scope(out var db);
        var entries = await db.AuditEntries.Where(e => expected.Contains(e.Sequence)).ToDictionaryAsync(e => e.Sequence);
        foreach (var c in export.Checkpoints)
        {
            Assert.Equal(entries[c.Sequence].Hash, c.EntryHash);
            Assert.Equal(SignatureAlgorithm, c.Algorithm);
            Assert.True(IndependentlyVerifies(key.PublicKeyPem, c), $"checkpoint {c.Sequence} verifies with the exported public key");
        }
        Assert.All(entries.Values, e => Assert.Equal(HashAlgorithm, e.Algorithm));
        Assert.All(entries.Values, e => Assert.NotNull(e.Seal));

        var result = await VerifyAsync(app);
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(expected.Count, result.CheckpointsChecked);
        Assert.Equal(head, result.AnchoredUpTo);

        // Nothing new: no new checkpoint.
        await using var again = app.Scope(out var db2);
        Assert.Equal(0, await again.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteDueAsync());
    }

    [Fact]
    public async Task DeletingTheNewestEntries_IsCaught_NamingTheFirstMissingEntry()
    {
        using var app = NewApp();
        var head = await CheckpointAsync(app);
        await using (var scope = app.Scope(out var db))
            await TamperAsync(db, $"DELETE FROM {Table(db, "AuditEntries")} WHERE \"Sequence\" > {head - 3}");

        var result = await VerifyAsync(app);
        Assert.False(result.Intact);
        Assert.Equal("audit.truncated", result.Problem);
        Assert.Equal(head - 2, result.FirstBadSequence);
        Assert.Equal(head - 3, result.Checked);
    }

    [Fact]
    public async Task RewritingAnEntryAndRecomputingTheChain_IsCaughtAtThatEntry()
    {
        using var app = NewApp();
        var head = await CheckpointAsync(app);
        var target = head - 5;
        var targetId = await RewriteAndRecomputeAsync(app, target, stripSeals: false);

        var result = await VerifyAsync(app);
        Assert.False(result.Intact);
        Assert.Equal("audit.seal_mismatch", result.Problem);
        Assert.Equal(target, result.FirstBadSequence);
        Assert.Equal(targetId, result.FirstBadId);
    }

    [Fact]
    public async Task RewritingAndRecomputingAChainWithoutSeals_IsCaughtByTheCheckpoint()
    {
        using var app = NewApp();
        var head = await CheckpointAsync(app);
        var target = head - 5;
        await RewriteAndRecomputeAsync(app, target, stripSeals: true);

        var result = await VerifyAsync(app);
        Assert.False(result.Intact);
        Assert.Equal("audit.checkpoint_mismatch", result.Problem);
        var nextAnchor = (target + Every - 1) / Every * Every;
        Assert.Equal(nextAnchor < head ? nextAnchor : head, result.FirstBadSequence);
    }

    [Fact]
    public async Task AForgedCheckpoint_IsCaught()
    {
        using var app = NewApp();
        var head = await CheckpointAsync(app);
        // Signed with a key of the forger's own: its id is not one of the ring's.
        await using (var scope = app.Scope(out var db))
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Sequence == head - 1);
            db.AuditCheckpoints.Add(new AuditCheckpoint(Guid.NewGuid(), head - 1, entry.Hash, DateTime.UtcNow, AuditKey.Generate(national)));
            await db.SaveChangesAsync();
        }
        var result = await VerifyAsync(app);
        Assert.False(result.Intact);
        Assert.Equal("audit.checkpoint_forged", result.Problem);
        Assert.Equal(head - 1, result.FirstBadSequence);
    }

    [Fact]
    public async Task ACheckpointWhoseSignatureWasChanged_IsCaught()
    {
        using var app = NewApp();
        var head = await CheckpointAsync(app);
        await using (var scope = app.Scope(out var db))
        {
            var other = AuditKey.Generate(national);
            var entry = await db.AuditEntries.SingleAsync(e => e.Sequence == Every);
            var c = await db.AuditCheckpoints.SingleAsync(c => c.Sequence == Every);
            // The forger claims the real key's id but can only sign with another key.
            var signature = other.Sign(AuditCheckpoint.Payload(c.Sequence, entry.Hash, c.At, c.Algorithm, c.KeyId));
            await TamperAsync(db, $"UPDATE {Table(db, "AuditCheckpoints")} SET \"Signature\" = '{signature}' WHERE \"Sequence\" = {Every}");
        }
        var result = await VerifyAsync(app);
        Assert.False(result.Intact);
        Assert.Equal("audit.checkpoint_forged", result.Problem);
        Assert.Equal(Every, result.FirstBadSequence);
        Assert.Equal(Every - 1, result.Checked);
    }

    [Fact]
    public async Task AKeptCopyOfTheCheckpoints_CatchesEntriesAndCheckpointsRemovedTogether()
    {
        using var app = NewApp();
        var head = await CheckpointAsync(app);
        var supervisor = app.ApiAs("yp.supervisor");
        var copy = await supervisor.GetStringAsync("/api/v1/audit/checkpoints");
        var lastAnchor = (head / Every) * Every == head ? head - Every : (head / Every) * Every;
        await using (var scope = app.Scope(out var db))
        {
            // Remove everything after the last multiple of N, checkpoints included: the database alone looks intact.
            await TamperAsync(db, $"DELETE FROM {Table(db, "AuditCheckpoints")} WHERE \"Sequence\" > {lastAnchor}");
            await TamperAsync(db, $"DELETE FROM {Table(db, "AuditEntries")} WHERE \"Sequence\" > {lastAnchor}");
        }
        Assert.True((await VerifyAsync(app)).Intact);

        var response = await supervisor.PostAsync("/api/v1/audit/verify", new StringContent(copy, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var compared = await response.ReadAsync<AuditVerification>();
        Assert.False(compared.Intact);
        Assert.Equal("audit.checkpoint_missing", compared.Problem);
        Assert.Equal(head, compared.FirstBadSequence);

        // The same with the command, as an operator runs it with the supervising body's file.
        var file = Path.Combine(Path.GetTempPath(), $"zhifa-checkpoints-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, copy);
        try
        {
            var settings = national ? new Dictionary<string, string> { ["Zhifa:Crypto:Suite"] = "National", ["Zhifa:Crypto:Sm4Key"] = "0123456789abcdeffedcba9876543210" } : null;
            var (exit, output) = await AppProcess.RunAsync("verify-audit", app.Provider, app.ConnectionString, settings, "--checkpoints", file);
            Assert.True(exit == 3, output);
            Assert.Contains($"audit trail broken at entry {head} ", output, StringComparison.Ordinal);
            Assert.Contains("audit.checkpoint_missing", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task CheckpointsAndVerification_NeedTheVerifyPermission()
    {
        using var app = NewApp();
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("yp.market.officer").GetAsync("/api/v1/audit/checkpoints")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync("/api/v1/audit/checkpoints")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("yp.market.officer").PostJsonAsync("/api/v1/audit/verify", new { checkpoints = Array.Empty<object>() })).StatusCode);
    }

    /// <summary>Writes the due checkpoints now (as the timer does); returns the head's sequence, which is anchored.</summary>
    private static async Task<long> CheckpointAsync(ZhifaApp app)
    {
        await TestData.CreateUnitAsync(app.ApiAs("yp.admin"), DemoData.Ids.YuanpingTransport);
        // The supervisor's token (an audited record) is issued now, before the head is anchored and tampered with.
        _ = app.ApiAs("yp.supervisor");
        await using var scope = app.Scope(out var db);
        var written = await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteDueAsync();
        Assert.True(written > 1);
        return await db.AuditEntries.MaxAsync(e => e.Sequence);
    }

    private static async Task<AuditVerification> VerifyAsync(ZhifaApp app) =>
        (await app.ApiAs("yp.supervisor").GetFromJsonAsync<AuditVerification>("/api/v1/audit/verify", ZhifaApp.Json))!;

    /// <summary>
    /// What a database administrator without the key can do: change an entry, recompute every hash after it so the chain
    /// links again, and (optionally) drop the seals he cannot recompute.
    /// </summary>
    private static async Task<Guid> RewriteAndRecomputeAsync(ZhifaApp app, long target, bool stripSeals)
    {
        await using var scope = app.Scope(out var db);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= target).OrderBy(e => e.Sequence).ToListAsync();
        var set = (string name, AuditEntry e, object? value) => typeof(AuditEntry).GetProperty(name)!.SetValue(e, value);
        set("After", entries[0], "{\"Name\":\"篡改\"}");
        var sql = new StringBuilder();
        string? previous = null;
        foreach (var e in entries)
        {
            if (previous is not null)
                set("PreviousHash", e, previous);
            set("Hash", e, e.ComputeHash());
            previous = e.Hash;
            sql.Append($"UPDATE {Table(db, "AuditEntries")} SET \"After\" = {Literal(e.After)}, \"PreviousHash\" = '{e.PreviousHash}', \"Hash\" = '{e.Hash}' WHERE \"Sequence\" = {e.Sequence};\n");
        }
        if (stripSeals)
            sql.Append($"UPDATE {Table(db, "AuditEntries")} SET \"Seal\" = NULL, \"SealKeyId\" = NULL;\n");
        await TamperAsync(db, sql.ToString());
        return entries[0].Id;
    }

    private static string Literal(string? value) => value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Table(Zhifa.Core.Data.ZhifaDbContext db, string name) => db.IsPostgres ? $"\"{name}\"" : name;

    /// <summary>Switches the append-only triggers off (as the tables' owner could), runs the statements, switches them on.</summary>
    private static async Task TamperAsync(Zhifa.Core.Data.ZhifaDbContext db, string sql)
    {
        sql = sql.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditCheckpoints\" DISABLE TRIGGER USER");
            await db.Database.ExecuteSqlRawAsync(sql);
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" ENABLE TRIGGER USER");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditCheckpoints\" ENABLE TRIGGER USER");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS AuditEntries_no_update");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS AuditEntries_no_delete");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS AuditCheckpoints_no_update");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS AuditCheckpoints_no_delete");
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    /// <summary>Checks a checkpoint's signature from the exported public key alone, with another implementation than the app's where one exists.</summary>
    private static bool IndependentlyVerifies(string publicKeyPem, AuditCheckpointDto c)
    {
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', "zhifa-audit-checkpoint/1", c.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            c.EntryHash, c.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture), c.Algorithm, c.KeyId));
        var signature = Convert.FromBase64String(c.Signature);
        if (c.Algorithm == "ecdsa-p256-sha256")
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(publicKeyPem);
            return ecdsa.VerifyData(payload, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        var fields = PemEncoding.Find(publicKeyPem);
        var key = (ECPublicKeyParameters)PublicKeyFactory.CreateKey(Convert.FromBase64String(publicKeyPem[fields.Base64Data]));
        var signer = new SM2Signer();
        signer.Init(false, key);
        signer.BlockUpdate(payload, 0, payload.Length);
        return signer.VerifySignature(signature);
    }
}

public sealed class AuditAnchorTests_Sqlite() : AuditAnchorTests(TestDatabases.Sqlite, national: false);

public sealed class AuditAnchorTests_Postgres() : AuditAnchorTests(TestDatabases.Postgres, national: false);

public sealed class AuditAnchorTests_Sqlite_National() : AuditAnchorTests(TestDatabases.Sqlite, national: true);

public sealed class AuditAnchorTests_Postgres_National() : AuditAnchorTests(TestDatabases.Postgres, national: true);

/// <summary>Switching to the national algorithms (or rotating the key) leaves every earlier row verifiable: each row names its algorithm and key.</summary>
public abstract class AuditSuiteSwitchTests(string provider)
{
    [Fact]
    public async Task SwitchingToTheNationalSuite_KeepsTheOldRowsVerifiable()
    {
        using var standard = new ZhifaApp(provider);
        await TestData.CreateUnitAsync(standard.ApiAs("yp.admin"), DemoData.Ids.YuanpingTransport);
        await using (var scope = standard.Scope(out _))
            Assert.True(await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteDueAsync() > 0);

        using var national = standard.Restart(new Dictionary<string, string?>
        {
            ["Zhifa:Crypto:Suite"] = "National",
            ["Zhifa:Audit:SigningKey"] = AuditKey.Generate(sm2: true).PrivateKeyPem,
            ["Zhifa:Audit:RetiredKeys:0"] = ZhifaApp.AuditKeyPem,
        });
        await TestData.CreateUnitAsync(national.ApiAs("yp.admin"), DemoData.Ids.YuanpingTransport);
        await using (var scope = national.Scope(out var db))
        {
            // Fewer than N entries since the last checkpoint: none is due until it is an hour old.
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteDueAsync());
            national.Clock.Advance(TimeSpan.FromMinutes(61));
            Assert.True(await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteDueAsync() > 0);
            Assert.Equal(["sha256", "sm3"], await db.AuditEntries.Select(e => e.Algorithm).Distinct().OrderBy(a => a).ToListAsync());
            Assert.Equal(["ecdsa-p256-sha256", "sm2-sm3"], await db.AuditCheckpoints.Select(c => c.Algorithm).Distinct().OrderBy(a => a).ToListAsync());
        }
        var result = await national.ApiAs("yp.supervisor").GetFromJsonAsync<AuditVerification>("/api/v1/audit/verify", ZhifaApp.Json);
        Assert.True(result!.Intact, result.Problem);

        // Without the retired key the old seals cannot be checked: said, not passed over.
        using var forgetful = standard.Restart(new Dictionary<string, string?>
        {
            ["Zhifa:Crypto:Suite"] = "National",
            ["Zhifa:Audit:SigningKey"] = AuditKey.Generate(sm2: true).PrivateKeyPem,
        });
        var withoutOldKey = await forgetful.ApiAs("yp.supervisor").GetFromJsonAsync<AuditVerification>("/api/v1/audit/verify", ZhifaApp.Json);
        Assert.False(withoutOldKey!.Intact);
        Assert.Equal("audit.seal_key_unknown", withoutOldKey.Problem);
    }
}

public sealed class AuditSuiteSwitchTests_Sqlite() : AuditSuiteSwitchTests(TestDatabases.Sqlite);

public sealed class AuditSuiteSwitchTests_Postgres() : AuditSuiteSwitchTests(TestDatabases.Postgres);
