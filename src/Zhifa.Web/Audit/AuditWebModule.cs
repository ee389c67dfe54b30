using Zhifa.Core.Audit;
using Zhifa.Web.Modules;

namespace Zhifa.Web.Audit;

/// <summary>The audit trail and the login log: their API, pages and navigation.</summary>
public sealed class AuditWebModule : WebModule
{
    public override int Order => 90;

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app) => AuditEndpoints.Map(api);

    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("system", 910, "/audit", "nav.audit", AuditPermissions.AuditRead, Exact: true),
    ];
}
