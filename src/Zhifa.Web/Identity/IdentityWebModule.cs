using Zhifa.Core.Identity;
using Zhifa.Web.Modules;

namespace Zhifa.Web.Identity;

/// <summary>Sign-in (cookies and bearer tokens), accounts, users and roles: their API, pages and navigation.</summary>
public sealed class IdentityWebModule : WebModule
{
    public override int Order => 30;

    public override void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var security = new SecurityOptions();
        builder.Configuration.GetSection(SecurityOptions.Section).Bind(security);
        builder.Services.AddSingleton(security);
        builder.Services.AddSingleton<PasswordHasher>();
        builder.Services.AddZhifaAuth(security);
    }

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        AuthEndpoints.Map(api);
        UserEndpoints.Map(api);
        LoginLogEndpoints.Map(api);
        AccountEndpoints.Map(app);
    }

    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("system", 900, "/admin/users", "nav.users", IdentityPermissions.AdminUsers),
        new("system", 901, "/admin/roles", "nav.roles", IdentityPermissions.AdminRoles),
        new("system", 911, "/audit/logins", "nav.login_log", Zhifa.Core.Audit.AuditPermissions.AuditRead),
    ];
}
