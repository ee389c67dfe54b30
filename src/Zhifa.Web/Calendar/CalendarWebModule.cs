using Zhifa.Core.Calendar;

namespace Zhifa.Web.Calendar;

/// <summary>The statutory calendar: its API, the year and edit pages, and the due-date calculator.</summary>
public sealed class CalendarWebModule : WebModule
{
    public override int Order => 5;

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app) => CalendarEndpoints.Map(api);

    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("system", 905, "/calendar", "nav.calendar", CalendarPermissions.Read),
    ];
}
