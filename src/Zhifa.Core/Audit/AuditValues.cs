using System.Text.Json;

namespace Zhifa.Core.Audit;

/// <summary>The recorded values of an entry (its before or after JSON) as field → text, in the order recorded.</summary>
public static class AuditValues
{
    public static IReadOnlyList<(string Field, string? Value)> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return [];
            return doc.RootElement.EnumerateObject().Select(p => (p.Name, Text(p.Value))).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// Only the fields that changed, with the value before and after: every field of an addition (before null), every
    /// field of a deletion (after null), the fields whose values differ for a modification.
    /// </summary>
    public static IReadOnlyList<(string Field, string? Before, string? After)> Diff(string? before, string? after)
    {
        var old = Parse(before).ToDictionary(p => p.Field, p => p.Value, StringComparer.Ordinal);
        var now = Parse(after);
        var fields = now.Select(p => p.Field).Concat(old.Keys).Distinct(StringComparer.Ordinal);
        var nowMap = now.ToDictionary(p => p.Field, p => p.Value, StringComparer.Ordinal);
        return fields
            .Select(f => (Field: f, Before: old.GetValueOrDefault(f), After: nowMap.GetValueOrDefault(f)))
            .Where(d => !string.Equals(d.Before, d.After, StringComparison.Ordinal))
            .ToList();
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
