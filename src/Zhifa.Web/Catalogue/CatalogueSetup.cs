using Zhifa.Core.Catalogue;
using Zhifa.Core.Discretion;

namespace Zhifa.Web.Catalogue;

/// <summary>The catalogue's and the discretion calculator's settings (CLJZ-30 shares and the clean-up's period are configurable).</summary>
public static class CatalogueSetup
{
    public static void AddCatalogue(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = config.GetSection("Zhifa:Discretion");
        var c = config.GetSection("Zhifa:Catalogue");
        services.AddSingleton(new TierSettings(
            d.GetValue("LighterShare", TierSettings.Default.LighterShare),
            d.GetValue("HeavierShare", TierSettings.Default.HeavierShare),
            d.GetValue("MitigatedFloorShare", TierSettings.Default.MitigatedFloorShare)));
        services.AddSingleton(new CalculatorSettings(d.GetValue("SuggestionShare", CalculatorSettings.Default.SuggestionShare)));
        services.AddSingleton(new CleanupSettings(
            c.GetValue("UnusedYears", CleanupSettings.Default.UnusedYears),
            c.GetSection("RepealedLaws").Get<string[]>() ?? []));
    }

    public static void MapCatalogue(this RouteGroupBuilder api)
    {
        CatalogueEndpoints.Map(api);
        PublicCatalogueEndpoints.Map(api);
        Discretion.BenchmarkEndpoints.Map(api);
        Discretion.ListEndpoints.Map(api);
        Discretion.PublicDiscretionEndpoints.Map(api);
    }
}
