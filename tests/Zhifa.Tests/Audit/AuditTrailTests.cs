using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Audit;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Audit;

/// <summary>Every change is audited in its own transaction, chained by hash; tampering is found.</summary>
public abstract class AuditTrailTests(string provider)
{
    private ZhifaApp NewApp() => new(provider);

    [Fact]
    public async Task AChange_IsRecorded_WithWhoWhatAndTheValuesBeforeAndAfter()
    {
        using var app = NewApp();
        var admin = app.ApiAs("yp.admin");
        var body = await TestData.CreateBodyAsync(admin, TestData.Yuanping, "审计测试局");
        var updated = await admin.PutJsonAsync($"/api/v1/organizations/bodies/{body.Id}",
            new UpdateBodyRequest("审计测试局（更名）", body.CreditCode!, BodyKind.AdministrativeOrgan, Sector.Transport, LegalStatus.GovernmentLegalPerson));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var page = await admin.GetFromJsonAsync<Page<AuditEntryDto>>($"/api/v1/audit?entityId={body.Id}", ZhifaApp.Json);
        var entries = page!.Items.OrderBy(e => e.Sequence).ToList();
        Assert.Equal(["Added", "Modified"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("yp.admin", e.UserName));
        Assert.All(entries, e => Assert.Equal("EnforcementBody", e.EntityType));
        var before = JsonDocument.Parse(entries[1].Before!).RootElement;
        var after = JsonDocument.Parse(entries[1].After!).RootElement;
        Assert.Equal("审计测试局", before.GetProperty("Name").GetString());
        Assert.Equal("审计测试局（更名）", after.GetProperty("Name").GetString());
        Assert.Equal("MarketRegulation", before.GetProperty("Sector").GetString());
        Assert.Equal("Transport", after.GetProperty("Sector").GetString());
        Assert.False(after.TryGetProperty("CreditCode", out _), "only changed values are recorded for a modification");
    }

    [Fact]
    public async Task Secrets_NeverReachTheTrail()
    {
        using var app = NewApp();
        var response = await app.ApiAs("yp.admin").PostJsonAsync("/api/v1/users", new CreateUserRequest("audit.secret", "审计用户", DemoData.Ids.YuanpingTransport, "Secret#2026s"));
        var user = await response.ReadAsync<UserDetailDto>();
        await using var scope = app.Scope(out var db);
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == "User" && e.EntityId == user.User.Id.ToString());
        Assert.Contains("\"PasswordHash\":\"***\"", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain("pbkdf2", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APhoneNumber_IsNeverStoredInFullInTheTrail_NorTheSecurityStamp()
    {
        using var app = NewApp();
        var admin = app.ApiAs("yp.admin");
        var created = await admin.PostJsonAsync("/api/v1/users", new CreateUserRequest("audit.phone", "审计电话", DemoData.Ids.YuanpingTransport, "Secret#2026s", "13812345678"));
        var user = await created.ReadAsync<UserDetailDto>();
        var updated = await admin.PutJsonAsync($"/api/v1/users/{user.User.Id}", new UpdateUserRequest("审计电话", DemoData.Ids.YuanpingTransport, "13987654321"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        await using var scope = app.Scope(out var db);
        var stamp = await db.Users.Where(u => u.Id == user.User.Id).Select(u => u.SecurityStamp).SingleAsync();
        var entries = await db.AuditEntries.Where(e => e.EntityType == "User" && e.EntityId == user.User.Id.ToString()).OrderBy(e => e.Sequence).ToListAsync();
        var text = string.Join("\n", entries.Select(e => e.Before + " " + e.After));
        Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13987654321", text, StringComparison.Ordinal);
        Assert.DoesNotContain(stamp, text, StringComparison.Ordinal);
        var added = JsonDocument.Parse(entries[0].After!).RootElement;
        Assert.StartsWith("138****5678 #", added.GetProperty("Phone").GetString(), StringComparison.Ordinal);
        Assert.Equal("***", added.GetProperty("SecurityStamp").GetString());
        var changed = entries.Single(e => e.Before?.Contains("Phone", StringComparison.Ordinal) == true);
        var before = JsonDocument.Parse(changed.Before!).RootElement.GetProperty("Phone").GetString()!;
        var after = JsonDocument.Parse(changed.After!).RootElement.GetProperty("Phone").GetString()!;
        Assert.StartsWith("138****5678 #", before, StringComparison.Ordinal);
        Assert.StartsWith("139****4321 #", after, StringComparison.Ordinal);
    }

    /// <summary>Every stored property that looks secret or personal says how the trail records it; a new one cannot slip in as plain text.</summary>
    [Fact]
    public async Task EverySecretOrPersonalLookingProperty_IsMarkedSensitive()
    {
        using var app = NewApp();
        await using var scope = app.Scope(out var db);
        string[] words = ["Password", "Token", "Stamp", "Secret", "IdNumber", "Phone", "Mobile", "Email"];
        // Named like secrets but holding none: a flag, a date, and the already-masked form shown in lists.
        string[] harmless = ["User.MustChangePassword", "User.PasswordChangedAt", "Officer.IdNumberMasked", "Party.IdNumberMasked"];
        var unmarked = db.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
            .Where(p => p.PropertyInfo is not null && words.Any(w => p.Name.Contains(w, StringComparison.Ordinal)))
            .Where(p => p.DeclaringType.ClrType != typeof(LoginLogEntry) && p.PropertyInfo!.GetCustomAttributes(typeof(SensitiveAttribute), false).Length == 0)
            .Select(p => p.DeclaringType.ClrType.Name + "." + p.Name).Except(harmless).ToList();
        Assert.Empty(unmarked);
    }

    [Fact]
    public async Task TheChain_VerifiesIntact()
    {
        using var app = NewApp();
        await TestData.CreateUnitAsync(app.ApiAs("yp.admin"), DemoData.Ids.YuanpingTransport);
        var result = await app.ApiAs("yp.supervisor").GetFromJsonAsync<AuditVerification>("/api/v1/audit/verify", ZhifaApp.Json);
        Assert.True(result!.Intact);
        Assert.True(result.Checked > 60, "the demo data and the change are all on the chain");
    }

    [Fact]
    public async Task TheDatabase_RefusesToAlterOrDeleteAuditEntries()
    {
        using var app = NewApp();
        await using var scope = app.Scope(out var db);
        var update = "UPDATE " + Table(db) + " SET \"UserName\" = 'mallory'";
        var delete = "DELETE FROM " + Table(db);
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(update));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(delete));
        var entry = await db.AuditEntries.FirstAsync();
        db.Entry(entry).Property(e => e.UserName).CurrentValue = "mallory";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task AnEntryEditedInTheDatabase_IsFoundByVerifyAudit()
    {
        using var app = NewApp();
        await TestData.CreateUnitAsync(app.ApiAs("yp.admin"), DemoData.Ids.YuanpingTransport);
        long target;
        await using (var scope = app.Scope(out var db))
        {
            target = await db.AuditEntries.Where(e => e.EntityType == "OrgUnit").OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstAsync();
            await WithoutAppendOnlyGuardAsync(db, $"UPDATE {Table(db)} SET \"After\" = replace(\"After\", '测试股', '篡改股') WHERE \"Sequence\" = {target}");
        }

        var api = await app.ApiAs("yp.supervisor").GetFromJsonAsync<AuditVerification>("/api/v1/audit/verify", ZhifaApp.Json);
        Assert.False(api!.Intact);
        Assert.Equal(target, api.FirstBadSequence);
        Assert.Equal("audit.hash_mismatch", api.Problem);

        var (exit, output) = await RunVerifyAuditAsync(app);
        Assert.Equal(3, exit);
        Assert.Contains($"audit trail broken at entry {target} ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEntryDeletedInTheDatabase_LeavesAGapThatIsFound()
    {
        using var app = NewApp();
        long target;
        await using (var scope = app.Scope(out var db))
        {
            target = await db.AuditEntries.OrderBy(e => e.Sequence).Skip(10).Select(e => e.Sequence).FirstAsync();
            await WithoutAppendOnlyGuardAsync(db, $"DELETE FROM {Table(db)} WHERE \"Sequence\" = {target}");
        }
        var result = await app.ApiAs("yp.admin").GetFromJsonAsync<AuditVerification>("/api/v1/audit/verify", ZhifaApp.Json);
        Assert.False(result!.Intact);
        Assert.Equal(target + 1, result.FirstBadSequence);
        Assert.Equal("audit.sequence_gap", result.Problem);
    }

    [Fact]
    public async Task VerifyAudit_Command_ReportsAnIntactChain()
    {
        using var app = NewApp();
        _ = app.Server;
        var (exit, output) = await RunVerifyAuditAsync(app);
        Assert.True(exit == 0, output);
        Assert.Contains("audit trail intact", output, StringComparison.Ordinal);
    }

    private static string Table(Zhifa.Core.Data.ZhifaDbContext db) => db.IsPostgres ? "\"AuditEntries\"" : "AuditEntries";

    /// <summary>What a database administrator could do: switch the append-only triggers off, change a row, switch them back on.</summary>
    private static async Task WithoutAppendOnlyGuardAsync(Zhifa.Core.Data.ZhifaDbContext db, string sql)
    {
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER");
            await db.Database.ExecuteSqlRawAsync(sql);
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" ENABLE TRIGGER USER");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_no_update");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_no_delete");
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    private static Task<(int Exit, string Output)> RunVerifyAuditAsync(ZhifaApp app) => AppProcess.RunAsync("verify-audit", app.Provider, app.ConnectionString);
}

public sealed class AuditTrailTests_Sqlite() : AuditTrailTests(TestDatabases.Sqlite);

public sealed class AuditTrailTests_Postgres() : AuditTrailTests(TestDatabases.Postgres);
