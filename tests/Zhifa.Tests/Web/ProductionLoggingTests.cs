using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Zhifa.Core.Data;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Web;

/// <summary>In production the SQL of the commands (and their parameters) never reaches the logs, whatever the logging settings ask for.</summary>
public abstract class ProductionLoggingTests(ZhifaApp app)
{
    private static readonly string[] CommandCategories = ["Microsoft.EntityFrameworkCore.Database.Command", "Microsoft.EntityFrameworkCore.Query", "Npgsql.Command"];

    /// <summary>The app on the same database in <paramref name="environment"/>, with settings that ask for every log line there is.</summary>
    private WebApplicationFactory<Program> With(string environment, Captured logs) =>
        app.WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("Zhifa:Jobs:Enabled", "false");
            b.UseSetting("Logging:LogLevel:Default", "Debug");
            b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Debug");
            b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Debug");
            b.UseSetting("Logging:LogLevel:Npgsql", "Debug");
            b.ConfigureLogging(l => l.ClearProviders().AddProvider(logs));
        });

    private static async Task ReadSomethingAsync(WebApplicationFactory<Program> factory)
    {
        var response = await factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/public/catalogue");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Production_LogsNoCommandSql_AndNoSensitiveData()
    {
        var logs = new Captured();
        using var factory = With(Environments.Production, logs);
        await ReadSomethingAsync(factory);

        // The capture works and debug lines of EF Core reach it (the connection opening, say) ...
        Assert.Contains(logs.Entries, e => e.Category == "Zhifa.Web.Common.RequestLoggingMiddleware" && e.Message.Contains("/public/catalogue", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category == "Microsoft.EntityFrameworkCore.Database.Connection" && e.Level == LogLevel.Debug);
        // ... but not the commands.
        var sql = logs.Entries.Where(e => CommandCategories.Contains(e.Category) && e.Level < LogLevel.Warning).ToList();
        Assert.True(sql.Count == 0, string.Join("\n", sql.Take(3).Select(e => $"{e.Category} {e.Level}: {e.Message}")));
        var select = logs.Entries.Where(e => e.Message.Contains("SELECT", StringComparison.Ordinal)).ToList();
        Assert.True(select.Count == 0, string.Join("\n", select.Take(3).Select(e => $"{e.Category} {e.Level}: {e.Message}")));

        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        Assert.False(db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.IsSensitiveDataLoggingEnabled);
    }

    [Fact]
    public async Task OutsideProduction_TheSameSettings_DoLogTheSql()
    {
        var logs = new Captured();
        using var factory = With("Testing", logs);
        await ReadSomethingAsync(factory);
        Assert.Contains(logs.Entries, e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command" && e.Message.Contains("SELECT", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every log line the filters let through, with its category and level.</summary>
    private sealed class Captured : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}

public sealed class ProductionLoggingTests_Sqlite(SqliteApp fixture) : ProductionLoggingTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class ProductionLoggingTests_Postgres(PostgresApp fixture) : ProductionLoggingTests(fixture.App), IClassFixture<PostgresApp>;
