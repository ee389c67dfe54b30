using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Personnel;

/// <summary>ID numbers under the National suite (SM4), through the real application, and a switch of suite either way.</summary>
public abstract class NationalSuiteTests(string provider)
{
    private const string Key = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static readonly string KeyId = Sm4.KeyId(Convert.FromHexString(Key));

    private static Dictionary<string, string?> Crypto(string suite, string? connectionString = null)
    {
        var settings = new Dictionary<string, string?> { ["Zhifa:Crypto:Suite"] = suite, ["Zhifa:Crypto:Sm4Key"] = Key };
        if (connectionString is not null)
            settings["ConnectionStrings:Zhifa"] = connectionString;
        return settings;
    }

    private static async Task<string> StoredAsync(ZhifaApp app, Guid officerId)
    {
        await using var scope = app.Scope(out var db);
        return await db.Officers.Where(o => o.Id == officerId).Select(o => o.IdNumberProtected).SingleAsync();
    }

    private static async Task<string> RevealAsync(ZhifaApp app, Guid officerId) =>
        (await app.ApiAs("admin").GetFromJsonAsync<Dictionary<string, string>>($"/api/v1/officers/{officerId}/id-number", ZhifaApp.Json))!["idNumber"];

    [Fact]
    public async Task AnOfficerRegisteredUnderTheNationalSuite_IsStoredWithSm4_AndShownMaskedAndInFull()
    {
        using var app = new ZhifaApp(provider, Crypto("National"));

        var (id, idNumber) = await PersonnelFlow.RegisterAsync(app, DemoData.Ids.YuanpingMarket);

        var stored = await StoredAsync(app, id);
        Assert.StartsWith($"sm4:1:{KeyId}:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber[6..14], stored, StringComparison.Ordinal);
        var detail = await app.ApiAs("admin").GetFromJsonAsync<OfficerDetail>($"/api/v1/officers/{id}", ZhifaApp.Json);
        Assert.Equal(idNumber[..4] + "**********" + idNumber[^4..], detail!.Officer.IdNumberMasked);
        Assert.Equal(idNumber, await RevealAsync(app, id));
        // The demo officers, written at start under the same suite, are SM4 too and open.
        var demo = PersonnelFlow.DemoOfficer("张伟");
        Assert.StartsWith($"sm4:1:{KeyId}:", await StoredAsync(app, demo), StringComparison.Ordinal);
        Assert.Equal(18, (await RevealAsync(app, demo)).Length);
    }

    [Fact]
    public async Task SwitchingTheSuite_EitherWay_LeavesEveryStoredNumberReadable()
    {
        using var standard = new ZhifaApp(provider, Crypto("Standard"));
        var (before, beforeNumber) = await PersonnelFlow.RegisterAsync(standard, DemoData.Ids.YuanpingMarket);
        Assert.False(Sm4IdNumberProtector.IsSm4(await StoredAsync(standard, before)), "the Standard suite writes with data protection");

        // The same database, started again with the National suite.
        using var national = new ZhifaApp(provider, Crypto("National", standard.ConnectionString));
        Assert.Equal(beforeNumber, await RevealAsync(national, before));
        var (after, afterNumber) = await PersonnelFlow.RegisterAsync(national, DemoData.Ids.YuanpingMarket);
        Assert.StartsWith($"sm4:1:{KeyId}:", await StoredAsync(national, after), StringComparison.Ordinal);

        // And back: the Standard suite (with the SM4 key still configured) reads what National wrote.
        Assert.Equal(afterNumber, await RevealAsync(standard, after));
        Assert.Equal(beforeNumber, await RevealAsync(standard, before));
    }
}

public sealed class NationalSuiteTests_Sqlite() : NationalSuiteTests(TestDatabases.Sqlite);

public sealed class NationalSuiteTests_Postgres() : NationalSuiteTests(TestDatabases.Postgres);

/// <summary>In production the National suite does not start without its key; a bad key is named.</summary>
public class NationalSuiteStartTests
{
    [Fact]
    public async Task InProduction_TheNationalSuiteWithoutAKey_StopsTheStart_SayingWhichSettingToSet()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);

        var (exit, output) = await AppProcess.RunAsync("migrate", TestDatabases.Sqlite, database.ConnectionString,
            new Dictionary<string, string> { ["Zhifa:Crypto:Suite"] = "National" });

        Assert.NotEqual(0, exit);
        Assert.Contains("Zhifa:Crypto:Suite is National: set Zhifa:Crypto:Sm4Key", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InProduction_AKeyFile_IsRead_AndAMalformedOneStopsTheStart()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"zhifa-sm4-{Guid.NewGuid():N}.key");
        try
        {
            await File.WriteAllTextAsync(file, "0123456789abcdef0123456789abcde\n");
            var (exit, output) = await AppProcess.RunAsync("migrate", TestDatabases.Sqlite, database.ConnectionString,
                new Dictionary<string, string> { ["Zhifa:Crypto:Suite"] = "National", ["Zhifa:Crypto:Sm4KeyFile"] = file });
            Assert.NotEqual(0, exit);
            Assert.Contains("key 1 is not 32 hex digits (31 characters)", output, StringComparison.Ordinal);

            await File.WriteAllTextAsync(file, "0123456789abcdef0123456789abcdef\n");
            (exit, output) = await AppProcess.RunAsync("migrate", TestDatabases.Sqlite, database.ConnectionString,
                new Dictionary<string, string> { ["Zhifa:Crypto:Suite"] = "National", ["Zhifa:Crypto:Sm4KeyFile"] = file });
            Assert.True(exit == 0, output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
