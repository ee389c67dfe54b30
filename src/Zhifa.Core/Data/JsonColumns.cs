using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Zhifa.Core.Data;

/// <summary>
/// Nested values (lists of records) stored as one JSON document in a column: <c>jsonb</c> on PostgreSQL, text on SQLite.
/// They are read and written whole, never queried inside, so each database keeps them in its plainest JSON form.
/// </summary>
public static class JsonColumns
{
    private const string Marker = "Zhifa:JsonColumn";

    /// <summary>Enums by name and Chinese as text, so that a stored document reads like the API's JSON.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Stores the property as JSON; equality and snapshots compare the JSON, so a changed element is a change.</summary>
    public static PropertyBuilder<T> IsJson<T>(this PropertyBuilder<T> builder) where T : class?
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasConversion(new ValueConverter<T, string>(v => Write(v), s => Read<T>(s)),
            new ValueComparer<T>((a, b) => Write(a) == Write(b), v => Write(v).GetHashCode(StringComparison.Ordinal), v => Read<T>(Write(v))));
        builder.HasAnnotation(Marker, true);
        return builder;
    }

    /// <summary>Gives the JSON columns PostgreSQL's <c>jsonb</c> type; SQLite keeps them as text.</summary>
    internal static void Apply(ModelBuilder modelBuilder, bool isPostgres)
    {
        var marked = modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).Where(p => p.FindAnnotation(Marker) is not null).ToList();
        foreach (var property in marked)
        {
            // The marker has done its job; it stays out of the migrations' model snapshot.
            property.RemoveAnnotation(Marker);
            if (isPostgres)
                property.SetColumnType("jsonb");
        }
    }

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
