using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Metadata;
using Zhifa.Core.Common;

namespace Zhifa.Web.Common;

/// <summary>
/// One field of a request record as the API reads it: its JSON name, its type, whether it must be sent and may be null,
/// and its limits (<see cref="RequestFields"/> says where each comes from).
/// </summary>
public sealed record RequestField(string Name, Type Type, bool MustSend, bool Nullable, int? MaxLength, RangeAttribute? Range)
{
    /// <summary>The type without <see cref="Nullable{T}"/>.</summary>
    public Type ValueType => System.Nullable.GetUnderlyingType(Type) ?? Type;
}

/// <summary>
/// Checks a JSON request body against its record (<see cref="RequestFields"/>): every missing, null, blank, over-long,
/// out-of-range, all-zero or unknown value, in nested records and lists too, in one <see cref="ValidationError"/> whose
/// fields are JSON paths (<c>content.bases[0].lawName</c>).
/// </summary>
public static class RequestShape
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<RequestField>> Described = new();

    /// <summary>The fields of a request record (none for a value read whole, such as an enumeration or a type with its own converter).</summary>
    public static IReadOnlyList<RequestField> FieldsOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Described.GetOrAdd(type, Describe);
    }

    /// <summary>Whether values of the type are records whose fields are read one by one.</summary>
    public static bool IsRecord(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.Namespace?.StartsWith("Zhifa.", StringComparison.Ordinal) == true && !type.IsEnum && ElementOf(type) is null
            && type.GetCustomAttribute<JsonConverterAttribute>() is null && (type.IsClass || (type.IsValueType && !type.IsPrimitive));
    }

    /// <summary>The key and value types of a map (<see cref="IReadOnlyDictionary{TKey, TValue}"/>), or null.</summary>
    public static (Type Key, Type Value)? DictionaryOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var map = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) ? type : type.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        return map?.GetGenericArguments() is [var key, var value] ? (key, value) : null;
    }

    /// <summary>The element type of a list (not of a string), or null.</summary>
    public static Type? ElementOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type == typeof(string))
            return null;
        if (type.IsArray)
            return type.GetElementType();
        return (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type : type.GetInterfaces()
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
            ?.GetGenericArguments()[0];
    }

    public static ValidationError? Check(JsonElement body, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var errors = new ValidationBuilder();
        if (body.ValueKind == JsonValueKind.Object)
            Walk(body, type, "", errors);
        return errors.Build();
    }

    private static void Walk(JsonElement json, Type type, string prefix, ValidationBuilder errors)
    {
        foreach (var field in FieldsOf(type))
        {
            var path = prefix + field.Name;
            if (!TryGet(json, field.Name, out var value))
            {
                if (field.MustSend)
                    errors.Add(CommonErrors.FieldRequired(path));
                continue;
            }
            if (value.ValueKind == JsonValueKind.Null)
            {
                if (!field.Nullable)
                    errors.Add(CommonErrors.FieldRequired(path));
                continue;
            }
            if (field.MustSend && !field.Nullable && field.ValueType == typeof(string) && value.ValueKind == JsonValueKind.String
                && string.IsNullOrWhiteSpace(value.GetString()))
            {
                errors.Add(CommonErrors.FieldRequired(path));
                continue;
            }
            CheckValue(value, field.ValueType, field, path, errors);
        }
    }

    private static void CheckValue(JsonElement value, Type type, RequestField? field, string path, ValidationBuilder errors)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var kind = value.ValueKind;
        if (kind == JsonValueKind.Null)
            return;
        if (type == typeof(string))
        {
            if (kind != JsonValueKind.String)
                errors.Add(CommonErrors.FieldUnreadable(path));
            else if (field?.MaxLength is { } max && value.GetString()!.Length > max)
                errors.Add(CommonErrors.FieldTooLong(path, max));
        }
        else if (type == typeof(bool))
        {
            if (kind is not (JsonValueKind.True or JsonValueKind.False))
                errors.Add(CommonErrors.FieldUnreadable(path));
        }
        else if (type == typeof(Guid))
        {
            if (kind != JsonValueKind.String || !Guid.TryParse(value.GetString(), out var id))
                errors.Add(CommonErrors.FieldUnreadable(path));
            else if (id == Guid.Empty)
                errors.Add(CommonErrors.FieldEmptyId(path));
        }
        else if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            if (kind != JsonValueKind.String || YearOf(value.GetString()!, type == typeof(DateOnly)) is not { } year)
                errors.Add(CommonErrors.FieldUnreadable(path));
            else if (year is < RequestFields.FirstYear or > RequestFields.LastYear)
                errors.Add(CommonErrors.FieldDateOutOfRange(path, RequestFields.FirstYear, RequestFields.LastYear));
        }
        else if (type.IsEnum)
        {
            if (kind is not (JsonValueKind.String or JsonValueKind.Number) || !IsMember(value, type))
                errors.Add(CommonErrors.FieldNotAChoice(path, string.Join(", ", Enum.GetNames(type))));
        }
        else if (IsNumber(type))
        {
            if (Number(value, type) is not { } number)
                errors.Add(CommonErrors.FieldUnreadable(path));
            else if (field?.Range is { } range && !InRange(number, range))
                errors.Add(CommonErrors.FieldOutOfRange(path, Show(range.Minimum), Show(range.Maximum), range.MinimumIsExclusive));
        }
        else if (DictionaryOf(type) is { } entry)
        {
            // A map (an object in JSON): each key must be a member when keys are an enum, each value a value of its type.
            if (kind != JsonValueKind.Object)
            {
                errors.Add(CommonErrors.FieldUnreadable(path));
                return;
            }
            if (field?.MaxLength is { } most && value.EnumerateObject().Count() > most)
                errors.Add(CommonErrors.FieldTooMany(path, most));
            foreach (var property in value.EnumerateObject())
            {
                var at = $"{path}.{property.Name}";
                if (entry.Key.IsEnum && !Enum.TryParse(entry.Key, property.Name, ignoreCase: false, out _))
                    errors.Add(CommonErrors.FieldNotAChoice(at, string.Join(", ", Enum.GetNames(entry.Key))));
                else if (property.Value.ValueKind == JsonValueKind.Null)
                    errors.Add(CommonErrors.FieldRequired(at));
                else
                    CheckValue(property.Value, entry.Value, null, at, errors);
            }
        }
        else if (ElementOf(type) is { } element)
        {
            if (kind != JsonValueKind.Array)
            {
                errors.Add(CommonErrors.FieldUnreadable(path));
                return;
            }
            if (field?.MaxLength is { } max && value.GetArrayLength() > max)
                errors.Add(CommonErrors.FieldTooMany(path, max));
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                // An entry of a list is never null: a list of records or values, each one there.
                if (item.ValueKind == JsonValueKind.Null && Nullable.GetUnderlyingType(element) is null)
                    errors.Add(CommonErrors.FieldRequired($"{path}[{i}]"));
                else
                    CheckValue(item, element, null, $"{path}[{i}]", errors);
                i++;
            }
        }
        else if (IsRecord(type))
        {
            if (kind != JsonValueKind.Object)
                errors.Add(CommonErrors.FieldUnreadable(path));
            else
                Walk(value, type, path + ".", errors);
        }
    }

    private static IReadOnlyList<RequestField> Describe(Type type)
    {
        if (!IsRecord(type))
            return [];
        var nullability = new NullabilityInfoContext();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0)
            .GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor?.GetParameters() is { Length: > 0 } parameters && parameters.All(p => properties.ContainsKey(p.Name!)))
        {
            return parameters.Select(p =>
            {
                var property = properties[p.Name!];
                var attributes = p.GetCustomAttributes().Concat(property.GetCustomAttributes()).ToList();
                return Field(p.Name!, p.ParameterType, !p.HasDefaultValue || attributes.OfType<MustSendAttribute>().Any(),
                    nullability.Create(p).WriteState == NullabilityState.Nullable, attributes);
            }).ToList();
        }
        return properties.Values.Where(p => p.CanWrite).Select(p =>
        {
            var attributes = p.GetCustomAttributes().ToList();
            return Field(p.Name, p.PropertyType, attributes.OfType<MustSendAttribute>().Any(), nullability.Create(p).WriteState == NullabilityState.Nullable, attributes);
        }).ToList();
    }

    private static RequestField Field(string name, Type type, bool mustSend, bool nullable, List<Attribute> attributes) =>
        new(JsonNamingPolicy.CamelCase.ConvertName(name), type, mustSend, nullable || Nullable.GetUnderlyingType(type) is not null,
            attributes.OfType<MaxLengthAttribute>().Select(a => (int?)a.Length).FirstOrDefault()
                ?? attributes.OfType<StringLengthAttribute>().Select(a => (int?)a.MaximumLength).FirstOrDefault(),
            attributes.OfType<RangeAttribute>().FirstOrDefault());

    /// <summary>A property of the object by name, as the API's JSON reading matches it (case-insensitive).</summary>
    private static bool TryGet(JsonElement json, string name, out JsonElement value)
    {
        foreach (var p in json.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The year of a date as the API reads it (a day as 2026-03-17; a moment in ISO 8601), or null when it is not one.</summary>
    private static int? YearOf(string text, bool day) =>
        day
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.Year : null
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t.Year : null;

    private static bool IsMember(JsonElement value, Type type)
    {
        long number;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n))
            number = n;
        else if (value.ValueKind == JsonValueKind.String && Enum.TryParse(type, value.GetString(), ignoreCase: true, out var parsed))
            number = Convert.ToInt64(parsed, CultureInfo.InvariantCulture);
        else
            return false;
        if (type.GetCustomAttribute<FlagsAttribute>() is null)
            return Enum.IsDefined(type, Enum.ToObject(type, number));
        var all = Enum.GetValues(type).Cast<object>().Aggregate(0L, (bits, v) => bits | Convert.ToInt64(v, CultureInfo.InvariantCulture));
        return (number & ~all) == 0;
    }

    private static bool IsNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double) || type == typeof(short) || type == typeof(float);

    /// <summary>The number as a double, if the API can read it as the field's type (numbers written as strings too); else null.</summary>
    private static double? Number(JsonElement value, Type type)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString(),
            _ => null,
        };
        if (text is null)
            return null;
        var styles = NumberStyles.Float;
        var fits = type == typeof(int) ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            : type == typeof(long) ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            : type == typeof(short) ? short.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            : type == typeof(decimal) ? decimal.TryParse(text, styles, CultureInfo.InvariantCulture, out _)
            : double.TryParse(text, styles, CultureInfo.InvariantCulture, out _);
        return fits && double.TryParse(text, styles, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    /// <summary>A bound as people write it: 1000000000000, not 1E+12.</summary>
    private static string Show(object bound) => Convert.ToDecimal(bound, CultureInfo.InvariantCulture).ToString("0.##", CultureInfo.InvariantCulture);

    private static bool InRange(double number, RangeAttribute range)
    {
        var min = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
        var max = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
        return (range.MinimumIsExclusive ? number > min : number >= min) && (range.MaximumIsExclusive ? number < max : number <= max);
    }
}

/// <summary>
/// Checks the JSON body of every API write against its request record (<see cref="RequestShape"/>) before it is read:
/// a wrong one answers 400 naming every wrong field — also those the reader would stop at, such as text where a number
/// goes — and the endpoint does not run. After authentication, authorization and the rate limits (an anonymous caller
/// is turned away first), after <see cref="IdempotencyMiddleware"/> (which buffers the body).
/// </summary>
internal sealed class RequestValidationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase)
            && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
            && http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } type } accepts
            && accepts.ContentTypes.Contains("application/json") && request.HasJsonContentType()
            && await WrongFieldsAsync(request, type, accepts.IsOptional, http.RequestAborted) is { } wrong)
        {
            await wrong.WriteProblemAsync(http);
            return;
        }
        await next(http);
    }

    private static async Task<ValidationError?> WrongFieldsAsync(HttpRequest request, Type type, bool optional, CancellationToken ct)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        request.Body.Position = 0;
        // No body where one is required reads as an empty one, so that every required field is named.
        if (buffer.Length == 0)
        {
            if (optional)
                return null;
            using var empty = JsonDocument.Parse("{}");
            return RequestShape.Check(empty.RootElement, type);
        }
        try
        {
            using var body = JsonDocument.Parse(buffer.ToArray());
            return RequestShape.Check(body.RootElement, type);
        }
        catch (JsonException)
        {
            // Not JSON at all: the reader refuses it and says where.
            return null;
        }
    }
}
