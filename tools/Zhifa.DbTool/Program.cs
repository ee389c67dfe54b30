using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Data;

// Usage: dotnet run --project tools/Zhifa.DbTool -- add <MigrationName>
//        dotnet run --project tools/Zhifa.DbTool -- remove
// Writes the migration for SQLite and for PostgreSQL into their projects under src/.
if (args.Length < 1 || (args[0] == "add" && args.Length < 2))
{
    Console.Error.WriteLine("usage: Zhifa.DbTool add <MigrationName> | remove");
    return 2;
}

var root = FindRepositoryRoot();
var targets = new[]
{
    (Provider: DatabaseProviders.Sqlite, Project: "Zhifa.Migrations.Sqlite", Connection: "Data Source=design-time.db"),
    (Provider: DatabaseProviders.Postgres, Project: "Zhifa.Migrations.Postgres", Connection: "Host=localhost;Database=design_time"),
};

foreach (var target in targets)
{
    var options = new DbContextOptionsBuilder<ZhifaDbContext>();
    new DatabaseOptions { Provider = target.Provider, ConnectionString = target.Connection }.Apply(options);
    using var db = new ZhifaDbContext(options.Options);
    var migrationsAssembly = System.Reflection.Assembly.Load(target.Project);
    var reporter = new OperationReporter(new OperationReportHandler(
        m => Console.Error.WriteLine("error: " + m), m => Console.Error.WriteLine("warn: " + m),
        m => Console.WriteLine(m), m => { }));
    var services = new DesignTimeServicesBuilder(migrationsAssembly, typeof(ZhifaDbContext).Assembly, reporter, []).Build(db);
    var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
    var projectDir = Path.Combine(root, "src", target.Project);
    if (args[0] == "add")
    {
        var migration = scaffolder.ScaffoldMigration(args[1], target.Project, "Migrations", "C#");
        var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Migrations"));
        Console.WriteLine($"{target.Provider}: {files.MigrationFile}");
    }
    else if (args[0] == "remove")
    {
        var files = scaffolder.RemoveMigration(projectDir, target.Project, force: true, "C#");
        Console.WriteLine($"{target.Provider}: removed {files.MigrationFile}");
    }
}
return 0;

static string FindRepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Zhifa.slnx")))
        dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the Zhifa repository.");
}
