using Zhifa.Core.Catalogue;
using Zhifa.Core.Discretion;
using Zhifa.Web.Modules;

namespace Zhifa.Web.Discretion;

/// <summary>Discretion benchmarks, the calculator and the lists: their API, pages, public pages, navigation and to-dos.</summary>
public sealed class DiscretionWebModule : WebModule
{
    public override int Order => 50;

    public override void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<IWorkbenchTodo, DiscretionTodo>();
    }

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        BenchmarkEndpoints.Map(api);
        ListEndpoints.Map(api);
        PublicDiscretionEndpoints.Map(api);
    }

    public override IReadOnlyList<SlotEntry> Slots =>
    [
        new("catalogue.item.actions", 10, typeof(Pages.ItemBenchmarkAction)),
        new("catalogue.item.panels", 10, typeof(Pages.ItemBenchmarks)),
        new("public.catalogue.item", 10, typeof(Public.PublicItemBenchmarks)),
        new("catalogue.review", 10, typeof(Pages.ReviewBenchmarks)),
    ];

    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("catalogue", 310, "/benchmarks", "nav.benchmarks", CataloguePermissions.CatalogueRead),
        new("catalogue", 311, "/discretion/calculator", "nav.calculator", CataloguePermissions.CatalogueRead),
        new("catalogue", 312, "/lists", "nav.lists", CataloguePermissions.CatalogueRead),
    ];
}

/// <summary>Benchmarks waiting for the supervising bureau's review, and the issuer's approved benchmarks to publish.</summary>
internal sealed class DiscretionTodo(BenchmarkQueries benchmarks, Zhifa.Core.Data.ActorContext actor) : IWorkbenchTodo
{
    public int Order => 50;

    public async Task<IReadOnlyList<TodoCard>> CardsAsync(CancellationToken ct)
    {
        var cards = new List<TodoCard>();
        if (actor.Can(CataloguePermissions.CatalogueReview))
            cards.Add(new("review_benchmarks", (await benchmarks.AwaitingReviewAsync(ct)).Count, "/catalogue/review"));
        if (actor.Can(CataloguePermissions.CatalogueEdit))
            cards.Add(new("publish_benchmarks", await benchmarks.ToPublishAsync(ct), "/benchmarks?status=Approved"));
        return cards;
    }
}
