namespace Zhifa.Core.Modules;

/// <summary>The features of this build: every <see cref="FeatureModule"/> of Core, in their order.</summary>
public static class ModuleCatalog
{
    private static readonly Lazy<IReadOnlyList<FeatureModule>> Modules = new(() =>
        [.. typeof(FeatureModule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(FeatureModule)))
            .Select(t => (FeatureModule)Activator.CreateInstance(t)!)
            .OrderBy(m => m.Order).ThenBy(m => m.Name, StringComparer.Ordinal)]);

    public static IReadOnlyList<FeatureModule> All => Modules.Value;

    /// <summary>Every permission code of every feature.</summary>
    public static IReadOnlyList<PermissionDefinition> Permissions => [.. All.SelectMany(m => m.Permissions)];

    /// <summary>The permissions a shipped role template holds: what the features grant it.</summary>
    public static IReadOnlyList<string> PermissionsOf(string stereotype) =>
        [.. Permissions.Where(p => p.Roles.Contains(stereotype, StringComparer.Ordinal)).Select(p => p.Code)];
}
