using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace Zhifa.Web.Resources;

/// <summary>
/// The one <see cref="IStringLocalizer{Ui}"/> of the application: looks a key up across every resource pair embedded in
/// this assembly — the shell's <c>Resources/Ui.resx</c> and each feature's <c>&lt;Feature&gt;/Resources/Strings.resx</c>
/// (Simplified Chinese, the neutral culture) with their <c>.en.resx</c> satellites. The key → resource map is built once;
/// texts are read in the current UI culture, with the semantics of <see cref="ResourceManagerStringLocalizer"/>.
/// </summary>
internal sealed class UiStringLocalizer : IStringLocalizer<Ui>
{
    private const string Searched = "Zhifa.Web resources";

    private readonly FrozenDictionary<string, ResourceManager> _managers;
    private readonly IReadOnlyList<ResourceManager> _all;

    public UiStringLocalizer()
        : this(typeof(UiStringLocalizer).Assembly)
    {
    }

    internal UiStringLocalizer(Assembly assembly)
    {
        _all = [.. BaseNames(assembly).Select(n => new ResourceManager(n, assembly))];
        var map = new Dictionary<string, ResourceManager>(StringComparer.Ordinal);
        foreach (var manager in _all)
        {
            // The resource manager caches its sets: they are not disposed here.
            var set = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
                ?? throw new MissingManifestResourceException(manager.BaseName);
            foreach (System.Collections.DictionaryEntry entry in set)
            {
                var key = (string)entry.Key;
                if (!map.TryAdd(key, manager))
                    throw new InvalidOperationException($"The resource key '{key}' is defined in both {map[key].BaseName} and {manager.BaseName}.");
            }
        }

        _managers = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The base names of the neutral resources: <c>Zhifa.Web.Resources.Ui</c>, <c>Zhifa.Web.Personnel.Resources.Strings</c>, …</summary>
    internal static IEnumerable<string> BaseNames(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".resources", StringComparison.Ordinal) && n.Contains(".Resources.", StringComparison.Ordinal))
            .Select(n => n[..^".resources".Length])
            .Order(StringComparer.Ordinal);

    /// <summary>Where a key is defined, or null.</summary>
    internal string? BaseNameOf(string name) => _managers.TryGetValue(name, out var m) ? m.BaseName : null;

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var (value, location) = Find(name);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null, searchedLocation: location);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var (format, location) = Find(name);
            var value = string.Format(CultureInfo.CurrentCulture, format ?? name, arguments);
            return new LocalizedString(name, value, resourceNotFound: format is null, searchedLocation: location);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var culture = CultureInfo.CurrentUICulture;
        foreach (var manager in _all)
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            for (var c = culture; ; c = c.Parent)
            {
                var set = manager.GetResourceSet(c, createIfNotExists: true, tryParents: false);
                if (set is not null)
                {
                    foreach (System.Collections.DictionaryEntry entry in set)
                        names.Add((string)entry.Key);
                }

                if (!includeParentCultures || c.Equals(CultureInfo.InvariantCulture))
                    break;
            }

            foreach (var name in names)
            {
                var value = manager.GetString(name, culture);
                yield return new LocalizedString(name, value ?? name, resourceNotFound: value is null, searchedLocation: manager.BaseName);
            }
        }
    }

    private (string? Value, string Location) Find(string name) =>
        _managers.TryGetValue(name, out var manager)
            ? (manager.GetString(name, CultureInfo.CurrentUICulture), manager.BaseName)
            : (null, Searched);
}
