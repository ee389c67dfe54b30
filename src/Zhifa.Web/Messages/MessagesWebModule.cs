using Zhifa.Core.Messages;

namespace Zhifa.Web.Messages;

/// <summary>The message centre (消息中心): each user's reminders and notices, on a page and over the API.</summary>
public sealed class MessagesWebModule : WebModule
{
    public override int Order => 8;

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/messages").WithTags("Messages");
        g.MapGet("/", async (int? page, int? pageSize, bool? unread, Inbox inbox, HttpContext http, CancellationToken ct) =>
            {
                var l = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Zhifa.Web.Resources.Ui>>();
                var (items, more) = await inbox.MineAsync(page ?? 1, unread ?? false, pageSize ?? 50, ct);
                return TypedResults.Ok(new MessagePageDto([.. items.Select(m => new MessageDto(m.Id, m.Code, Problems.Format(l, m.Code, [.. m.Args]), m.Link, m.CreatedAt, m.Read))], more));
            })
            .WithName("ListMyMessages").RequireSignedIn()
            .WithSummary("The caller's own messages, newest first, 50 a page (pageSize up to 100); text in the caller's language; more: older ones follow.")
            .Produces<MessagePageDto>();
        g.MapPost("/read", async (MarkReadRequest? body, Inbox inbox, CancellationToken ct) =>
                TypedResults.Ok(new MarkedDto(await inbox.MarkReadAsync(body?.Ids, ct))))
            .WithName("MarkMyMessagesRead").RequireSignedIn()
            .WithSummary("Marks the caller's messages read: the ids given, or all without ids. Another user's ids change nothing.")
            .Produces<MarkedDto>();
    }

    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("me", 2, "/messages", "nav.messages", null),
    ];
}

public sealed record MessageDto(Guid Id, string Code, string Text, string? Link, DateTime CreatedAt, bool Read);

public sealed record MessagePageDto(IReadOnlyList<MessageDto> Items, bool More);

public sealed record MarkReadRequest([property: System.ComponentModel.DataAnnotations.MaxLength(500)] IReadOnlyList<Guid>? Ids = null);

public sealed record MarkedDto(int Marked);
