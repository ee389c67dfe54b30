using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Zhifa.Web.Common;

/// <summary>
/// Configuration section <c>Zhifa:Proxy</c>: the TLS-terminating proxy in front of the app, whose
/// <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> the app believes. Off by default: then those headers are
/// ignored and the request is taken as Kestrel saw it.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Zhifa:Proxy";

    /// <summary>Believe the forwarded headers from any address (the app is reachable only through the proxy).</summary>
    public bool TrustAll { get; init; }

    /// <summary>Addresses of the proxies whose forwarded headers count.</summary>
    public IReadOnlyList<IPAddress> KnownProxies { get; init; } = [];

    /// <summary>Networks (CIDR) of the proxies whose forwarded headers count.</summary>
    public IReadOnlyList<IPNetwork> KnownNetworks { get; init; } = [];

    public bool Enabled => TrustAll || KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>Reads the section; lists are separated by <c>;</c> or <c>,</c>. A wrong address stops the start with its name.</summary>
    public static ProxyOptions From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.GetSection(Section);
        return new ProxyOptions
        {
            TrustAll = section.GetValue(nameof(TrustAll), false),
            KnownProxies = Split(section[nameof(KnownProxies)]).Select(a => IPAddress.TryParse(a, out var ip) ? ip
                : throw new InvalidOperationException($"{Section}:{nameof(KnownProxies)}: '{a}' is not an IP address.")).ToList(),
            KnownNetworks = Split(section[nameof(KnownNetworks)]).Select(n => IPNetwork.TryParse(n, out var net) ? net
                : throw new InvalidOperationException($"{Section}:{nameof(KnownNetworks)}: '{n}' is not a network in CIDR notation (such as 10.0.0.0/8).")).ToList(),
        };
    }

    /// <summary>
    /// The forwarded-headers middleware's options: For, Proto and Host from the known proxies (or from anyone with
    /// <see cref="TrustAll"/>), and a forwarded host only if <c>AllowedHosts</c> allows it.
    /// </summary>
    public void Apply(ForwardedHeadersOptions options, string? allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        // The defaults trust only the loopback addresses; the settings replace them.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        if (!TrustAll)
        {
            foreach (var proxy in KnownProxies)
                options.KnownProxies.Add(proxy);
            foreach (var network in KnownNetworks)
                options.KnownIPNetworks.Add(network);
        }
        // Host filtering checks the Host header before the forwarded one replaces it; this checks the replacement.
        foreach (var host in Split(allowedHosts).Where(h => h != "*"))
            options.AllowedHosts.Add(host);
    }

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// The address the public reaches the site at, for links that leave the browser (the QR code printed on a certificate):
/// <c>Zhifa:Public:BaseUrl</c> when set, else the request's own scheme and host (the proxy's, with <see cref="ProxyOptions"/>).
/// </summary>
public sealed class PublicSite
{
    public const string BaseUrlSetting = "Zhifa:Public:BaseUrl";

    public PublicSite(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var configured = config[BaseUrlSetting];
        if (string.IsNullOrWhiteSpace(configured))
            return;
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            throw new InvalidOperationException($"{BaseUrlSetting}: '{configured}' is not an http(s) address such as https://zhifa.example.gov.cn.");
        BaseUrl = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>The configured public address without a trailing slash, or null.</summary>
    public string? BaseUrl { get; }

    /// <summary>The public address of <paramref name="path"/> (which starts with <c>/</c>).</summary>
    public string Link(HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = BaseUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return root + path;
    }
}
