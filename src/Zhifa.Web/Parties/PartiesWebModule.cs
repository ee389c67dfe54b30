using Zhifa.Core.Parties;

namespace Zhifa.Web.Parties;

/// <summary>The party registry (执法对象库): its API, its pages, and the party picker other features' forms use.</summary>
public sealed class PartiesWebModule : WebModule
{
    public override int Order => 30;

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app) => PartyEndpoints.Map(api);

    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("enforcement", 400, "/parties", "nav.parties", PartyPermissions.Read),
    ];
}
