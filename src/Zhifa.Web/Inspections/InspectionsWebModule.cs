using Zhifa.Core.Inspections;
using Zhifa.Web.Modules;

namespace Zhifa.Web.Inspections;

/// <summary>Inspections: the API, the officers' and supervisors' pages, the enterprise's code page and the public results and draws.</summary>
public sealed class InspectionsWebModule : WebModule
{
    public override int Order => 70;

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app) => InspectionEndpoints.Map(api);

    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("enforcement", 420, "/inspections", "nav.inspections", InspectionPermissions.Read, Exact: true),
        new("enforcement", 421, "/inspections/new", "nav.inspection_new", InspectionPermissions.Handle),
        new("enforcement", 422, "/inspections/plans", "nav.inspection_plans", InspectionPermissions.Read),
        new("supervision", 520, "/inspections/supervision", "nav.inspection_supervision", InspectionPermissions.Supervise),
    ];
}
