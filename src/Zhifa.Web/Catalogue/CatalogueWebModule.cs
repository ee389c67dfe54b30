using Zhifa.Core.Catalogue;
using Zhifa.Web.Modules;

namespace Zhifa.Web.Catalogue;

/// <summary>The enforcement item catalogue: its API, pages, public pages, navigation and to-dos.</summary>
public sealed class CatalogueWebModule : WebModule
{
    public override int Order => 40;

    public override void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<IWorkbenchTodo, CatalogueTodo>();
    }

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        CatalogueEndpoints.Map(api);
        PublicCatalogueEndpoints.Map(api);
    }

    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("catalogue", 300, "/catalogue", "nav.catalogue", CataloguePermissions.CatalogueRead, Exact: true),
        new("catalogue", 301, "/catalogue/review", "nav.catalogue_review", CataloguePermissions.CatalogueReview),
        new("catalogue", 302, "/catalogue/cleanup", "nav.catalogue_cleanup", CataloguePermissions.CatalogueRead),
    ];
}

/// <summary>Items waiting for the supervisor's review, and the editor's returned and approved items.</summary>
internal sealed class CatalogueTodo(CatalogueQueries catalogue, Zhifa.Core.Data.ActorContext actor) : IWorkbenchTodo
{
    public int Order => 40;

    public async Task<IReadOnlyList<TodoCard>> CardsAsync(CancellationToken ct)
    {
        var cards = new List<TodoCard>();
        if (actor.Can(CataloguePermissions.CatalogueReview))
            cards.Add(new("review_items", (await catalogue.AwaitingReviewAsync(ct)).Count, "/catalogue/review"));
        if (actor.Can(CataloguePermissions.CatalogueEdit))
        {
            var editor = await catalogue.EditorToDoAsync(ct);
            cards.Add(new("returned", editor.ItemsReturned, "/catalogue?state=Returned"));
            cards.Add(new("publish_items", editor.ItemsToPublish, "/catalogue?state=Approved"));
        }
        return cards;
    }
}
