using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Zhifa.Core.Identity;

namespace Zhifa.Web.Identity;

/// <summary>
/// The session cookie's ticket, decrypted once per cookie value on a node instead of on every request (the authenticated
/// decryption and its key derivation were a third of a signed-in page request's fixed cost). A cookie's value always holds
/// the same ticket, so nothing is lost: the cookie handler still checks the ticket's expiry on every request, and
/// <see cref="AuthSetup"/> still checks its security stamp against the account (through <see cref="AccessCache"/>). Kept as
/// long and as many as the access cache (<see cref="SecurityOptions.AccessCacheSeconds"/>,
/// <see cref="SecurityOptions.AccessCacheEntries"/>); each request gets its own copy of the ticket.
/// </summary>
internal sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, SecurityOptions security, TimeProvider clock)
    : ISecureDataFormat<AuthenticationTicket>
{
    private readonly ConcurrentDictionary<string, Entry> _tickets = new(StringComparer.Ordinal);
    private readonly TimeSpan _maxAge = TimeSpan.FromSeconds(Math.Max(0, security.AccessCacheSeconds));
    private readonly int _capacity = Math.Max(1, security.AccessCacheEntries);

    private sealed record Entry(AuthenticationTicket Ticket, long At);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null || _maxAge <= TimeSpan.Zero)
            return inner.Unprotect(protectedText, purpose);
        if (_tickets.TryGetValue(protectedText, out var hit) && clock.GetElapsedTime(hit.At) < _maxAge)
            return Copy(hit.Ticket);
        var at = clock.GetTimestamp();
        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is null)
            return null;
        if (!_tickets.ContainsKey(protectedText) && _tickets.Count >= _capacity)
            MakeRoom();
        _tickets[protectedText] = new Entry(Copy(ticket), at);
        return ticket;
    }

    private void MakeRoom()
    {
        foreach (var (key, entry) in _tickets)
        {
            if (clock.GetElapsedTime(entry.At) >= _maxAge)
                _tickets.TryRemove(KeyValuePair.Create(key, entry));
        }
        var excess = _tickets.Count - (_capacity * 3 / 4);
        foreach (var key in _tickets.Keys)
        {
            if (excess-- <= 0)
                break;
            _tickets.TryRemove(key, out _);
        }
    }

    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(ticket.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);
}

/// <summary>Puts <see cref="CachedTicketFormat"/> in front of the cookie scheme's ticket format (after the framework made it).</summary>
internal sealed class CookieTicketCaching(SecurityOptions security, TimeProvider clock) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name == AuthSetup.Cookie && options.TicketDataFormat is { } format and not CachedTicketFormat)
            options.TicketDataFormat = new CachedTicketFormat(format, security, clock);
    }
}
