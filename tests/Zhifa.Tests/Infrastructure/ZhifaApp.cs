using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Zhifa.Core.Data;
using Zhifa.Core.Demo;
using Zhifa.Core.Identity;

namespace Zhifa.Tests.Infrastructure;

/// <summary>The real application, over HTTP, on a fresh real database of the given provider, with the demo data.</summary>
public sealed class ZhifaApp : WebApplicationFactory<Program>
{
    /// <summary>The test run's audit signing key (P-256), as an operator would put it in the environment.</summary>
    public static readonly string AuditKeyPem = Zhifa.Core.Audit.AuditKey.Generate(sm2: false).PrivateKeyPem;

    /// <summary>The test run's SM2 audit key, for apps on the national suite (<c>Zhifa:Crypto:Suite=National</c>).</summary>
    public static readonly string AuditSm2KeyPem = Zhifa.Core.Audit.AuditKey.Generate(sm2: true).PrivateKeyPem;

    /// <summary>The audit key for the given settings: SM2 when they choose the national suite.</summary>
    public static string AuditKeyFor(IEnumerable<KeyValuePair<string, string?>>? settings) =>
        settings?.Any(s => s.Key == "Zhifa:Crypto:Suite" && string.Equals(s.Value, "National", StringComparison.OrdinalIgnoreCase)) == true
            ? AuditSm2KeyPem : AuditKeyPem;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly Dictionary<string, string?> _settings;
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    /// <summary>The app's clock; tests move it to cross lockouts and expiries.</summary>
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>
    /// The app on a database of its own: a copy of the run's migrated database with the demo data, unless
    /// <paramref name="settings"/> change how the database is set up or what is written into it at start
    /// (anything but the sign-in and password rules), in which case it starts from an empty database as
    /// in production.
    /// </summary>
    public ZhifaApp(string provider, IDictionary<string, string?>? settings = null)
        : this(StartsFromTemplate(settings) ? Seeded(provider, settings) : TestDatabases.Create(provider), ownsDatabase: true, settings)
    {
    }

    /// <summary>
    /// The settings a database is written with (the crypto suite and its keys, the audit signing key): apps that differ in
    /// them start from templates of their own, seeded with them, so that a copy reads as if seeded by the app itself.
    /// </summary>
    private static bool ShapesTheDatabase(string key) =>
        key.StartsWith("Zhifa:Crypto:", StringComparison.Ordinal) || key == "Zhifa:Audit:SigningKey";

    private static TestDatabase Seeded(string provider, IDictionary<string, string?>? settings)
    {
        var shaping = (settings ?? new Dictionary<string, string?>()).Where(s => ShapesTheDatabase(s.Key))
            .OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value);
        var key = string.Join('\n', shaping.Select(s => s.Key + "=" + s.Value));
        return TestDatabases.CreateSeeded(provider, key, template => PrepareTemplate(template, shaping.Count == 0 ? null : shaping));
    }

    private ZhifaApp(TestDatabase database, bool ownsDatabase, IDictionary<string, string?>? settings)
    {
        var provider = database.Provider;
        _database = database;
        _ownsDatabase = ownsDatabase;
        _settings = new Dictionary<string, string?>
        {
            ["Zhifa:Database:Provider"] = provider,
            ["ConnectionStrings:Zhifa"] = _database.ConnectionString,
            ["Zhifa:Database:MigrateOnStartup"] = "true",
            ["Zhifa:Demo:SeedOnEmptyDatabase"] = "true",
            // Fewer PBKDF2 rounds keep sign-ins fast in tests; the hashing code path is the production one.
            ["Zhifa:Security:PasswordIterations"] = "1000",
            // The audit key lives outside the database: one per test run, shared by the template and every copy of it.
            ["Zhifa:Audit:SigningKey"] = AuditKeyFor(settings),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            _settings[k] = v;
    }

    private static bool StartsFromTemplate(IDictionary<string, string?>? settings) =>
        settings is null || settings.Keys.All(k => (k.StartsWith("Zhifa:Security:", StringComparison.Ordinal)
            && !k.StartsWith("Zhifa:Security:Key", StringComparison.Ordinal) && k != "Zhifa:Security:IdNumberPepper")
            || k.StartsWith("Zhifa:Audit:Checkpoint", StringComparison.Ordinal)
            || ShapesTheDatabase(k)
            // A store of its own: the demo's files stay in the default store, the database is the template's copy.
            || k.StartsWith("Zhifa:Blobs:", StringComparison.Ordinal));

    /// <summary>
    /// Another app on this app's database (which this app keeps owning), with other settings: an operator restarting the
    /// same deployment with a changed configuration.
    /// </summary>
    public ZhifaApp Restart(IDictionary<string, string?> settings) => new(_database, ownsDatabase: false, settings);

    /// <summary>Migrates the template and loads the demo data by starting the app on it once, as every test app used to do.</summary>
    private static void PrepareTemplate(TestDatabase template, IDictionary<string, string?>? settings)
    {
        using var app = new ZhifaApp(template, ownsDatabase: false, settings);
        _ = app.Server;
    }

    public string Provider => _database.Provider;
    public string ConnectionString => _database.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (k, v) in _settings)
            builder.UseSetting(k, v);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>A DbContext on the app's database, for assertions that look behind the API.</summary>
    public AsyncServiceScope Scope(out ZhifaDbContext db)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
        db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        return scope;
    }

    public HttpClient Api(string? language = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (language is not null)
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>A client signed in with a bearer token as the given user (a demo user unless a password is given).</summary>
    public HttpClient ApiAs(string userName, string? language = null, string password = DemoData.DemoPassword)
    {
        var token = _tokens.GetOrAdd(userName + "\n" + password, _ => IssueToken(userName, password));
        var client = Api(language);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public string IssueToken(string userName, string password = DemoData.DemoPassword)
    {
        var response = Api().PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, Json).GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<IssuedToken>(body, Json)!.Token;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
            _database.Dispose();
    }
}

public static class HttpJson
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var value = await response.Content.ReadFromJsonAsync<T>(ZhifaApp.Json);
        return value ?? throw new InvalidOperationException("Empty JSON body.");
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, ZhifaApp.Json);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PutAsJsonAsync(url, body, ZhifaApp.Json);
}

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>One shared app per provider per test class; tests in the class create uniquely named data.</summary>
public sealed class SqliteApp() : IDisposable
{
    public ZhifaApp App { get; } = new(TestDatabases.Sqlite);
    public void Dispose() => App.Dispose();
}

public sealed class PostgresApp() : IDisposable
{
    public ZhifaApp App { get; } = new(TestDatabases.Postgres);
    public void Dispose() => App.Dispose();
}
