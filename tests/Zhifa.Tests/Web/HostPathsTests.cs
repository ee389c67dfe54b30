using Zhifa.Web.Common;

namespace Zhifa.Tests.Web;

/// <summary>The published app finds its own wwwroot whatever folder it is started from.</summary>
public sealed class HostPathsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("zhifa-paths-").FullName;
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private string Folder(string name, bool withWebRoot)
    {
        var dir = Path.Combine(_root, name);
        Directory.CreateDirectory(withWebRoot ? Path.Combine(dir, "wwwroot") : dir);
        return dir;
    }

    [Fact]
    public void StartedFromADataFolder_UsesTheAppsOwnFolder()
    {
        var data = Folder("data", withWebRoot: false);
        var app = Folder("app", withWebRoot: true);
        Assert.Equal(Path.GetFullPath(app), HostPaths.ChooseContentRoot([], NoEnvironment, data, app));
        // AppContext.BaseDirectory ends with a separator.
        Assert.Equal(Path.GetFullPath(app + Path.DirectorySeparatorChar), HostPaths.ChooseContentRoot([], NoEnvironment, data, app + Path.DirectorySeparatorChar));
    }

    [Fact]
    public void StartedFromTheProjectFolder_KeepsIt()
    {
        // dotnet run --project src/Zhifa.Web: the working directory is the project, which holds wwwroot.
        var project = Folder("project", withWebRoot: true);
        var bin = Folder("project/bin/Release/net10.0", withWebRoot: false);
        Assert.Null(HostPaths.ChooseContentRoot([], NoEnvironment, project, bin));
        // The published folder itself, started in place.
        var published = Folder("published", withWebRoot: true);
        Assert.Null(HostPaths.ChooseContentRoot([], NoEnvironment, published, published));
    }

    [Fact]
    public void NoWebRootBesideTheApp_KeepsTheWorkingDirectory()
    {
        // A build output (static web assets come from the project) started elsewhere: nothing better to choose.
        Assert.Null(HostPaths.ChooseContentRoot([], NoEnvironment, Folder("elsewhere", false), Folder("bin", false)));
    }

    [Theory]
    [InlineData("--contentRoot=/srv/zhifa")]
    [InlineData("--contentRoot")]
    [InlineData("/contentroot")]
    public void AContentRootNamedOnTheCommandLine_Wins(string arg)
    {
        Assert.Null(HostPaths.ChooseContentRoot([arg, "/srv/zhifa"], NoEnvironment, Folder("data", false), Folder("app", true)));
    }

    [Theory]
    [InlineData("ASPNETCORE_CONTENTROOT")]
    [InlineData("DOTNET_CONTENTROOT")]
    public void AContentRootNamedInTheEnvironment_Wins(string variable)
    {
        Assert.Null(HostPaths.ChooseContentRoot([], v => v == variable ? "/srv/zhifa" : null, Folder("data", false), Folder("app", true)));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
