using Microsoft.Extensions.FileProviders;

namespace Zhifa.Web.Common;

/// <summary>Where the app finds its own files (settings, <c>wwwroot</c>) whatever folder it is started from.</summary>
public static class HostPaths
{
    public const string WebRoot = "wwwroot";

    /// <summary>
    /// The content root to use instead of the working directory, or null to keep the default. A published app
    /// started from another folder (a node started from its data folder) would look for <c>wwwroot</c> and
    /// <c>appsettings.json</c> there and find neither: it uses its own folder (<paramref name="baseDirectory"/>,
    /// <see cref="AppContext.BaseDirectory"/>) when that holds a <c>wwwroot</c> and the working directory does not.
    /// <c>dotnet run --project src/Zhifa.Web</c> starts in the project folder, which holds <c>wwwroot</c>, and keeps
    /// it; a content root named explicitly (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>,
    /// <c>DOTNET_CONTENTROOT</c>) wins. Relative paths in the settings (the SQLite file <c>data/zhifa.db</c>) stay
    /// relative to the working directory.
    /// </summary>
    public static string? ChooseContentRoot(IReadOnlyList<string> args, Func<string, string?> environment, string currentDirectory, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var named = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT")) || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        if (named || Directory.Exists(Path.Combine(currentDirectory, WebRoot)) || !Directory.Exists(Path.Combine(baseDirectory, WebRoot)))
            return null;
        return Path.GetFullPath(baseDirectory);
    }

    /// <summary>
    /// A request under one of the web root's folders (<c>/css</c>, <c>/js</c>, <c>/lib</c>) or for <c>/favicon.ico</c>
    /// that the static files did not answer is a missing file: 404, never a redirect to sign-in.
    /// </summary>
    public static void UseMissingStaticFileIsNotFound(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var folders = StaticFolders(app.Environment.WebRootFileProvider).Union(ShippedFolders).ToList();
        if (!Directory.Exists(app.Environment.WebRootPath) && !app.Environment.IsDevelopment())
            app.Logger.LogWarning("No {WebRoot} at {ContentRoot}: pages will have no styles or scripts. Start the app from its own folder or name it with --contentRoot.",
                WebRoot, app.Environment.ContentRootPath);
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            if (path.Equals("/favicon.ico", StringComparison.OrdinalIgnoreCase) || folders.Any(f => path.StartsWithSegments(f, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
    }

    /// <summary>The folders the app ships in its <c>wwwroot</c>: missing files there are 404 even when the web root itself is missing.</summary>
    public static readonly IReadOnlyList<PathString> ShippedFolders = ["/css", "/js", "/lib"];

    /// <summary>The web root's top-level folders as request paths.</summary>
    public static IReadOnlyList<PathString> StaticFolders(IFileProvider webRoot)
    {
        ArgumentNullException.ThrowIfNull(webRoot);
        return webRoot.GetDirectoryContents("").Where(f => f.IsDirectory).Select(f => new PathString("/" + f.Name)).ToList();
    }
}
