using Zhifa.Core.Organizations;
using Zhifa.Web.Modules;

namespace Zhifa.Web.Organizations;

/// <summary>The organisation tree's API, pages, navigation and workbench figures.</summary>
public sealed class OrganizationsWebModule : WebModule
{
    public override int Order => 10;

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app) => OrganizationEndpoints.Map(api);

    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("organizations", 100, "/organizations", "nav.organizations", OrganizationPermissions.OrgRead),
    ];

    public override IReadOnlyList<WorkbenchSection> Workbench => [new(20, typeof(OrganizationsWorkbench), OrganizationsWorkbench.LoadAsync)];
}
