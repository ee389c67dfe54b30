using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.WebEncoders;
using Zhifa.Core.Data;
using Zhifa.Core.Demo;
using Zhifa.Core.Identity;
using Zhifa.Web.Identity;
using Zhifa.Web.Modules;
using Zhifa.Web.Components;

namespace Zhifa.Web.Common;

/// <summary>Service registration and the request pipeline of the Zhifa host.</summary>
public static class HostSetup
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en")];

    public static void AddZhifa(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var config = builder.Configuration;

        var database = new DatabaseOptions();
        config.GetSection(DatabaseOptions.Section).Bind(database);
        database.ConnectionString = config.GetConnectionString("Zhifa") ?? database.ConnectionString;
        database.OwnerConnectionString = config.GetConnectionString("ZhifaOwner") ?? database.OwnerConnectionString;
        services.AddSingleton(database);
        if (builder.Environment.IsProduction() && database.IsPostgres && !database.HasOwner)
            services.AddHostedService<SingleDatabaseRoleWarning>();
        // The features' interceptors (Identity's keeps the access cache right) watch every context's saves. The options are
        // built once, not for every request's context.
        services.AddDbContext<ZhifaDbContext>((sp, o) =>
        {
            database.Apply(o);
            o.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        }, optionsLifetime: ServiceLifetime.Singleton);
        var imports = new Zhifa.Core.Common.ImportLimits();
        config.GetSection(Zhifa.Core.Common.ImportLimits.Section).Bind(imports);
        services.AddSingleton(imports);
        services.AddSingleton<WorkbookReader>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ActorContext>();
        services.AddScoped<Zhifa.Core.Common.ConcurrencyExpectation>();
        services.AddZhifaJob<IdempotencyCleanupJob>();
        // The features: each brings its services (Core) and its web parts (Web); the host only discovers them.
        foreach (var module in ModuleCatalog.All)
        {
            AddUseCases(services, module);
            module.AddServices(services, config);
        }
        foreach (var module in WebModules.All)
            module.AddServices(builder);
        services.AddScoped<DemoData>();
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o => o.AddPolicy(PublicEndpoints.RateLimit, http =>
            System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
                {
                    PermitLimit = config.GetValue("Zhifa:Public:RequestsPerMinute", 60), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })));

        // Pages and JSON carry Chinese as text, not as character references or \u escapes.
        var allRanges = UnicodeRanges.All;
        services.AddSingleton(HtmlEncoder.Create(allRanges));
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(allRanges));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(allRanges);
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });

        services.AddLocalization();
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizer<Zhifa.Web.Resources.Ui>, Zhifa.Web.Resources.UiStringLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.ApplyCurrentCultureToResponseHeaders = true;
            // Pages are Chinese unless the user switches (query or cookie); API clients may also ask by Accept-Language.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "culture", UIQueryStringKey = "culture" },
                new CookieRequestCultureProvider(),
                new ApiAcceptLanguageProvider(),
            ];
        });

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Zhifa API";
            doc.Info.Description = "行政执法综合管理监督平台 — administrative law-enforcement management and supervision.";
            return Task.CompletedTask;
        }));
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<ConcurrentChangeHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddRazorComponents();
        // Every response says X-Frame-Options: DENY (SecurityHeaders), not only the pages with a token.
        services.AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true);

        // Behind a TLS-terminating proxy (Zhifa:Proxy): the request's scheme, host and client address are the proxy's forwarded ones.
        var proxy = ProxyOptions.From(config);
        services.AddSingleton(proxy);
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o => proxy.Apply(o, config["AllowedHosts"]));
        services.AddSingleton(new PublicSite(config));

        // The SQL of every command (and, with sensitive data logging, its parameters) never reaches production logs,
        // whatever the logging settings say; failed commands (warnings and errors) still do.
        if (builder.Environment.IsProduction())
        {
            foreach (var category in CommandLogCategories)
                builder.Logging.AddFilter(category, LogLevel.Warning);
        }
        services.AddHttpContextAccessor();
    }

    /// <summary>
    /// Every public use case and query class of a feature that works on the database (directly, or through a class of the
    /// feature that does, such as its context) is a scoped service.
    /// </summary>
    private static void AddUseCases(IServiceCollection services, FeatureModule module)
    {
        var ns = module.GetType().Namespace!;
        var types = typeof(ZhifaDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                && (t.Namespace == ns || t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) == true)
                && !typeof(FeatureModule).IsAssignableFrom(t))
            .ToList();
        bool UsesDatabase(Type t, int depth) => depth < 3 && t.GetConstructors().Any(c => c.GetParameters().Any(p =>
            p.ParameterType == typeof(ZhifaDbContext) || (types.Contains(p.ParameterType) && UsesDatabase(p.ParameterType, depth + 1))));
        foreach (var type in types.Where(t => UsesDatabase(t, 0)))
            services.AddScoped(type);
    }

    /// <summary>Migrates (if configured) and loads the demo data into an empty database (if configured).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        if (!options.MigrateOnStartup)
            return;
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
        // Several nodes may start at once on an empty database: one prepares it, the others then find it ready.
        var seeded = await DatabaseLock.PreparingAsync(options, async () =>
        {
            await DatabaseMigration.MigrateAsync(scope.ServiceProvider, app.Logger);
            return app.Configuration.GetValue("Zhifa:Demo:SeedOnEmptyDatabase", true)
                && await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        });
        if (seeded)
        {
            app.Logger.LogInformation("Loaded the demo data into the empty database. Demo users (password {Password}): {Users}",
                DemoData.DemoPassword, string.Join(", ", Zhifa.Core.Identity.IdentityDemo.Users.Select(u => $"{u.UserName} ({u.Role})")));
        }
    }

    /// <summary>
    /// The log categories that carry SQL below warnings: EF Core's commands, its query compilation (whose debug lines
    /// show the generated SQL) and the PostgreSQL driver's commands.
    /// </summary>
    public static readonly IReadOnlyList<string> CommandLogCategories =
        ["Microsoft.EntityFrameworkCore.Database.Command", "Microsoft.EntityFrameworkCore.Query", "Npgsql.Command"];

    public static void UseZhifa(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<ProxyOptions>().Enabled)
            app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (app.Environment.IsProduction())
            app.UseHsts();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseMissingStaticFileIsNotFound();
        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseMiddleware<RequestValidationMiddleware>();

        // The API's description and its docs page share one rule: a signed-in user (cookie or bearer token). The page is
        // middleware behind UseAuthorization, so the signed-in fallback policy covers it; the document names the same policy.
        app.MapOpenApi().RequireSignedIn();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Zhifa API v1");
            o.RoutePrefix = "api-docs";
            o.DocumentTitle = "Zhifa API";
        });
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).Public("liveness, for the load balancer").WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]));
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).Public("readiness, for the load balancer").WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]));
        app.MapCultureSwitch();

        var api = app.MapGroup("/api/v1");
        api.AddEndpointFilter<ConcurrencyFilter>();
        foreach (var module in WebModules.All)
            module.MapEndpoints(api, app);

        app.MapRazorComponents<App>();
    }

    /// <summary>Says where Zhifa can be reached once Kestrel listens, so the quick start ends with an address to open.</summary>
    public static void AnnounceAddressOnStart(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var options = app.Services.GetRequiredService<DatabaseOptions>();
            foreach (var url in app.Urls)
                app.Logger.LogInformation("Zhifa is running at {Url} (database: {Provider})", url, options.Provider);
        });
    }

    private static readonly string ApiPrefix = "/api/";

    /// <summary>The browser session's cookie (set by the sign-in; here because the request culture looks for it).</summary>
    public const string SessionCookieName = "zhifa.auth";

    /// <summary>
    /// Accept-Language counts for API calls of API clients only; a browser's own language does not override the Chinese
    /// default — neither on pages nor on what the pages link to in the API (an export is in the language of its page).
    /// </summary>
    private sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            httpContext.Request.Path.StartsWithSegments(ApiPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
                && !httpContext.Request.Cookies.ContainsKey(SessionCookieName)
                ? base.DetermineProviderCultureResult(httpContext)
                : Task.FromResult<ProviderCultureResult?>(null);
    }
}

/// <summary>Ready when the database answers.</summary>
internal sealed class DatabaseHealthCheck(ZhifaDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("database reachable")
            : HealthCheckResult.Unhealthy("database unreachable");
}
