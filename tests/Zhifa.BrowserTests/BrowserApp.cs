using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Zhifa.Core.Personnel;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.BrowserTests;

/// <summary>
/// The real app served by Kestrel on a free port over a SQLite database of its own with the demo data
/// (a copy of the run's template, migrated and seeded once), and the installed Debian Chromium driven by Playwright.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabases.CreateSeeded(TestDatabases.Sqlite, "", PrepareTemplate);
    private WebApplicationFactory<Program>? _root;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The running app's services, for looking up demo data the pages show.</summary>
    public IServiceProvider Services => _factory!.Services;
    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDir
    {
        get
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static void Configure(IWebHostBuilder builder, TestDatabase database)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Zhifa:Database:Provider", TestDatabases.Sqlite);
        builder.UseSetting("ConnectionStrings:Zhifa", database.ConnectionString);
        builder.UseSetting("Zhifa:Security:PasswordIterations", "1000");
    }

    /// <summary>Migrates the run's template database and loads the demo data, by starting the app on it once.</summary>
    private static void PrepareTemplate(TestDatabase template)
    {
        using var root = new WebApplicationFactory<Program>();
        using var factory = root.WithWebHostBuilder(b => Configure(b, template));
        _ = factory.Server;
    }

    public async Task InitializeAsync()
    {
        // The derived factory builds its host through the root's CreateHost, which reads the root's port: both are told
        // to use Kestrel on a free port (told only the derived one, Kestrel took its default 5000, which other runs on
        // this machine may hold).
        _root = new WebApplicationFactory<Program>();
        _root.UseKestrel(0);
        _factory = _root.WithWebHostBuilder(b => Configure(b, _database));
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        var chromium = Environment.GetEnvironmentVariable("ZHIFA_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}: run the tests with ./test.sh, which installs it.");
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new browser context signed in through the sign-in page.</summary>
    public async Task<IPage> SignedInPageAsync(string userName, string password = Zhifa.Core.Demo.DemoData.DemoPassword)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, userName, password);
        return page;
    }

    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>The number of a demo certificate, by its holder's name.</summary>
    public async Task<string> CertificateNumberAsync(string holder)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Zhifa.Core.Data.ActorContext>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<Zhifa.Core.Data.ZhifaDbContext>();
        var id = Zhifa.Core.Common.DeterministicGuid.From("personnel:certificate:" + holder);
        return await db.Certificates.Where(c => c.Id == id).Select(c => c.Number).SingleAsync();
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-US", ViewportSize = new() { Width = 1366, Height = 860 } });
        // Generous: CI runs these beside the rest of the suite on two cores.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(45_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        _factory?.Dispose();
        _root?.Dispose();
        _database.Dispose();
    }
}
