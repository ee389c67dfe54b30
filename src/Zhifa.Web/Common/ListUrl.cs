using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Zhifa.Web.Common;

/// <summary>
/// Links of a list page built from the URL it was asked with, so that sorting, paging and exporting keep every filter
/// (the filter lives in the URL: a filtered list can be bookmarked and shared).
/// </summary>
public static class ListUrl
{
    /// <summary>The page's URL with the given parameters replaced (a null or empty value removes the parameter).</summary>
    public static string With(string uri, params (string Name, string? Value)[] changes)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(changes);
        var (path, query) = Split(uri);
        foreach (var (name, value) in changes)
        {
            if (string.IsNullOrEmpty(value))
                query.Remove(name);
            else
                query[name] = value;
        }
        return Compose(path, query);
    }

    /// <summary>
    /// The export link of exactly what the page shows: the page's filter and sort, without its paging, sent to the export
    /// endpoint; <paramref name="rename"/> maps a page parameter to the endpoint's name where they differ.
    /// </summary>
    public static string Export(string uri, string exportPath, params (string Page, string Api)[] rename)
    {
        ArgumentNullException.ThrowIfNull(rename);
        var (_, query) = Split(uri);
        query.Remove("page");
        query.Remove("size");
        foreach (var (pageName, apiName) in rename)
        {
            if (query.Remove(pageName, out var v))
                query[apiName] = v;
        }
        return Compose(exportPath, query);
    }

    /// <summary>The query parameters of the page's URL except those named, for hidden fields of a form that changes the rest.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Others(string uri, params string[] except)
    {
        var (_, query) = Split(uri);
        foreach (var (k, v) in query)
        {
            if (except.Contains(k, StringComparer.OrdinalIgnoreCase))
                continue;
            foreach (var one in v)
            {
                if (one is not null)
                    yield return new(k, one);
            }
        }
    }

    private static (string Path, Dictionary<string, StringValues> Query) Split(string uri)
    {
        var u = new Uri(new Uri("http://x"), uri);
        var query = QueryHelpers.ParseQuery(u.Query);
        return (u.AbsolutePath, new Dictionary<string, StringValues>(query.Where(kv => kv.Value.Any(v => !string.IsNullOrEmpty(v))), StringComparer.OrdinalIgnoreCase));
    }

    private static string Compose(string path, Dictionary<string, StringValues> query) =>
        query.Count == 0 ? path : QueryHelpers.AddQueryString(path, query.SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v))));
}
