namespace Zhifa.Web.Modules;

/// <summary>
/// Everything a feature brings to the host, declared in its own folder (<c>Web/&lt;Feature&gt;/&lt;Feature&gt;WebModule.cs</c>)
/// and discovered by <see cref="WebModules"/>: its services and settings, its API endpoints and other routes, its
/// navigation entries with the permission that shows each, and its workbench cards. Its pages are the routable
/// components of its folder; its strings are its resource pair.
/// </summary>
public abstract class WebModule
{
    /// <summary>The feature's name: the folder (and namespace) in Web and in Core.</summary>
    public string Name => GetType().Namespace!["Zhifa.Web.".Length..];

    /// <summary>Where the feature comes among the others (navigation, workbench, endpoint mapping).</summary>
    public virtual int Order => 100;

    public virtual void AddServices(WebApplicationBuilder builder)
    {
    }

    /// <summary>Maps its API under <paramref name="api"/> (<c>/api/v1</c>) and any other route on <paramref name="app"/>.</summary>
    public virtual void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
    }

    /// <summary>Its commands of the app (<c>dotnet run -- name</c>): they run as the system against the configured database and exit.</summary>
    public virtual IReadOnlyList<HostCommand> Commands => [];

    /// <summary>Its entries in the left navigation; a group is shown when one of its entries is.</summary>
    public virtual IReadOnlyList<NavEntry> Navigation => [];

    /// <summary>
    /// What it shows on other features' pages: a component for a named slot (e.g. the benchmarks of an item on the
    /// catalogue's item page). The page that has the slot does not know who fills it, so no feature depends on a later one.
    /// </summary>
    public virtual IReadOnlyList<SlotEntry> Slots => [];

    /// <summary>Its sections of the workbench (home page): what to load for the user, and the component that shows it.</summary>
    public virtual IReadOnlyList<WorkbenchSection> Workbench => [];
}

/// <summary>
/// One link of the left navigation: its group (title resource <c>nav.group.{Group}</c>), its place, its address, its
/// text resource, and the permission that shows it (null: every signed-in user).
/// </summary>
public sealed record NavEntry(string Group, int Order, string Href, string TextKey, string? Permission, bool Exact = false);

/// <summary>A component that fills a named slot of another feature's page; it receives the slot's parameters.</summary>
public sealed record SlotEntry(string Slot, int Order, Type Component);

/// <summary>
/// A section of the workbench. The home page runs every section's <see cref="Load"/> in turn (one unit of work, one
/// database context: never two queries at once), then renders <see cref="Component"/> with the result as its
/// <c>Model</c> parameter; a null model shows nothing.
/// </summary>
public sealed record WorkbenchSection(int Order, Type Component, Func<IServiceProvider, CancellationToken, Task<object?>> Load);

/// <summary>A command of the app: its name, and what it does with the request services and a logger; returns the exit code.</summary>
public sealed record HostCommand(string Name, Func<IServiceProvider, ILogger, Task<int>> RunAsync);

/// <summary>A count of what waits for the user on the workbench, linking to the list filtered to exactly those.</summary>
public sealed record TodoCard(string Key, int Count, string Href);

/// <summary>A feature's to-do counts for the signed-in user (registered as a scoped service by the feature).</summary>
public interface IWorkbenchTodo
{
    /// <summary>Where the cards come among the others.</summary>
    int Order { get; }

    Task<IReadOnlyList<TodoCard>> CardsAsync(CancellationToken ct);
}

/// <summary>The features of this host: every <see cref="WebModule"/> of Web, in their order.</summary>
public static class WebModules
{
    private static readonly Lazy<IReadOnlyList<WebModule>> Modules = new(() =>
        [.. typeof(WebModule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(WebModule)))
            .Select(t => (WebModule)Activator.CreateInstance(t)!)
            .OrderBy(m => m.Order).ThenBy(m => m.Name, StringComparer.Ordinal)]);

    public static IReadOnlyList<WebModule> All => Modules.Value;
}
