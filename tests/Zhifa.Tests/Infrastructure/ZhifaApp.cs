using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Data;

namespace Zhifa.Tests.Infrastructure;

/// <summary>The real application, over HTTP, on a fresh real database of the given provider, with the demo data.</summary>
public sealed class ZhifaApp : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly TestDatabase _database;
    private readonly Dictionary<string, string?> _settings;

    public ZhifaApp(string provider, IDictionary<string, string?>? settings = null)
    {
        _database = TestDatabases.Create(provider);
        _settings = new Dictionary<string, string?>
        {
            ["Zhifa:Database:Provider"] = provider,
            ["ConnectionStrings:Zhifa"] = _database.ConnectionString,
            ["Zhifa:Database:MigrateOnStartup"] = "true",
            ["Zhifa:Demo:SeedOnEmptyDatabase"] = "true",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            _settings[k] = v;
    }

    public string Provider => _database.Provider;
    public string ConnectionString => _database.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (k, v) in _settings)
            builder.UseSetting(k, v);
    }

    /// <summary>A DbContext on the app's database, for assertions that look behind the API.</summary>
    public AsyncServiceScope Scope(out ZhifaDbContext db)
    {
        var scope = Services.CreateAsyncScope();
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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
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
