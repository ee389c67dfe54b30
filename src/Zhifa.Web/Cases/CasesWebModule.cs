namespace Zhifa.Web.Cases;

/// <summary>Case handling (执法办案): the case API, the case lists and pages, the on-the-spot page, and the deadline reminders.</summary>
public sealed class CasesWebModule : WebModule
{
    public override int Order => 60;

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app) => CaseEndpoints.Map(api);
}
