using System.Net;
using System.Text.Json;

namespace Zhifa.Tests.Infrastructure;

/// <summary>An RFC 9457 body as a client reads it.</summary>
public sealed record Problem(string? Type, string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors, string? Rule, string? Code, string? Permission = null)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<Problem>(body, ZhifaApp.Json)!;
    }

    public string[] For(string field) =>
        Errors is not null && Errors.TryGetValue(field, out var m) ? m : throw new Xunit.Sdk.XunitException($"No error for field '{field}' in {JsonSerializer.Serialize(Errors)}");
}
