using Zhifa.Web.Common;

// A published app finds its own wwwroot and settings even when started from another folder (see HostPaths).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = HostPaths.ChooseContentRoot(args, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
});
builder.AddZhifa();
var app = builder.Build();

// `migrate`, `seed-demo` and other commands run against the configured database and exit.
if (HostCommands.Find(args) is { } command)
{
    var exit = await command.RunAsync(app);
    // Disposing the app flushes the console log's queue: without it the command's last lines may never be written.
    await app.DisposeAsync();
    return exit;
}

await app.PrepareDatabaseAsync();
app.UseZhifa();
app.AnnounceAddressOnStart();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can host the real application.</summary>
public partial class Program;
