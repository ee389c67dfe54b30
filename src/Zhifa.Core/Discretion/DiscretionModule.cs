using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Discretion;

/// <summary>Discretion benchmarks (裁量基准), the calculator, and the four published lists. Built on the catalogue's items.</summary>
public sealed class DiscretionModule : FeatureModule
{
    public override int Order => 50;

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var d = configuration.GetSection("Zhifa:Discretion");
        services.AddSingleton(new TierSettings(
            d.GetValue("LighterShare", TierSettings.Default.LighterShare),
            d.GetValue("HeavierShare", TierSettings.Default.HeavierShare),
            d.GetValue("MitigatedFloorShare", TierSettings.Default.MitigatedFloorShare)));
        services.AddSingleton(new CalculatorSettings(d.GetValue("SuggestionShare", CalculatorSettings.Default.SuggestionShare)));
    }

    // Benchmarks are public once published; the others are seen within the issuer's scope.
    public override void BuildModel(ModelBuilder model, ScopeFilters scope)
    {
        scope.Add<DiscretionBenchmark>((db, b) => db.Scope.All || b.Status == BenchmarkStatus.Published
            || db.Set<Organization>().Any(o => o.Id == b.IssuingBodyId));
        scope.ByOrganization<ListCuration>(c => c.BodyId);
    }

    public override Task SeedDemoAsync(DemoContext demo, CancellationToken ct) => DiscretionDemo.SeedAsync(demo, ct);
}

/// <summary>Discretion's sets of the database.</summary>
public static class DiscretionSets
{
    extension(ZhifaDbContext db)
    {
        public DbSet<DiscretionBenchmark> Benchmarks => db.Set<DiscretionBenchmark>();
        public DbSet<ListCuration> ListCurations => db.Set<ListCuration>();
        public DbSet<ListPublication> ListPublications => db.Set<ListPublication>();
    }
}
