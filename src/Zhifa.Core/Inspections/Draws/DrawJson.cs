using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Zhifa.Core.Inspections.Draws;

/// <summary>A published draw as read back: its inputs and what was published as their outcome.</summary>
internal sealed record PublishedDraw(
    DrawInputs Inputs,
    string SubjectsHash,
    string InspectorsHash,
    string InputsHash,
    string Seed,
    string ResultHash,
    IReadOnlyList<DrawAssignment> Assignments);

/// <summary>
/// The published document of a draw: indented JSON, "\n" line ends, camelCase properties in a fixed order, inputs in
/// canonical form, percents as strings in the canonical form of the inputs hash (exact, unlike a JSON number).
/// </summary>
internal static class DrawJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, NewLine = "\n" };

    public static string Write(CanonicalDraw draw, DrawResult result)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("version", draw.Version);
            w.WriteStartArray("subjects");
            foreach (var s in draw.Subjects)
            {
                w.WriteStartObject();
                w.WriteString("key", s.Key);
                w.WriteString("grade", s.Grade);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("inspectors");
            foreach (var i in draw.Inspectors)
            {
                w.WriteStartObject();
                w.WriteString("key", i.Key);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("parameters");
            w.WriteStartObject("ratioPercentByGrade");
            foreach (var (grade, percent) in draw.Ratios)
                w.WriteString(grade, CanonicalDraw.Percent(percent));
            w.WriteEndObject();
            w.WriteNumber("inspectorsPerSubject", draw.InspectorsPerSubject);
            w.WriteBoolean("orderOnly", draw.OrderOnly);
            w.WriteEndObject();
            WriteExclusions(w, "conflicts", draw.Conflicts);
            WriteExclusions(w, "previousPairings", draw.PreviousPairings);
            w.WriteString("bodySecret", draw.BodySecret);
            w.WriteString("supervisorValue", draw.SupervisorValue);
            w.WriteString("subjectsHash", result.SubjectsHash);
            w.WriteString("inspectorsHash", result.InspectorsHash);
            w.WriteString("inputsHash", result.InputsHash);
            w.WriteString("seed", result.Seed);
            w.WriteString("resultHash", result.ResultHash);
            w.WriteStartArray("assignments");
            foreach (var a in result.Assignments)
            {
                w.WriteStartObject();
                w.WriteNumber("order", a.Order);
                w.WriteString("subjectKey", a.SubjectKey);
                w.WriteStartArray("inspectorKeys");
                foreach (var i in a.InspectorKeys)
                    w.WriteStringValue(i);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static PublishedDraw Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var parameters = root.GetProperty("parameters");
            var ratios = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var ratio in parameters.GetProperty("ratioPercentByGrade").EnumerateObject())
            {
                var percent = decimal.Parse(Text(ratio.Value), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                if (!ratios.TryAdd(ratio.Name, percent))
                    throw new FormatException($"The ratio of grade \"{ratio.Name}\" is given twice.");
            }
            var inputs = new DrawInputs(
                root.GetProperty("subjects").EnumerateArray().Select(s => new DrawSubject(Text(s, "key"), Text(s, "grade"))).ToList(),
                root.GetProperty("inspectors").EnumerateArray().Select(i => new DrawInspector(Text(i, "key"))).ToList(),
                new DrawParameters(ratios, parameters.GetProperty("inspectorsPerSubject").GetInt32(), parameters.GetProperty("orderOnly").GetBoolean()),
                ReadExclusions(root.GetProperty("conflicts")),
                ReadExclusions(root.GetProperty("previousPairings")),
                Text(root, "bodySecret"),
                Text(root, "supervisorValue"),
                root.GetProperty("version").GetInt32());
            var assignments = root.GetProperty("assignments").EnumerateArray()
                .Select(a => new DrawAssignment(
                    a.GetProperty("order").GetInt32(),
                    Text(a, "subjectKey"),
                    a.GetProperty("inspectorKeys").EnumerateArray().Select(Text).ToList()))
                .ToList();
            return new PublishedDraw(
                inputs, Text(root, "subjectsHash"), Text(root, "inspectorsHash"), Text(root, "inputsHash"), Text(root, "seed"),
                Text(root, "resultHash"), assignments);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or OverflowException)
        {
            throw new FormatException($"This is not a published draw: {e.Message}", e);
        }
    }

    private static void WriteExclusions(Utf8JsonWriter w, string name, IEnumerable<DrawExclusion> exclusions)
    {
        w.WriteStartArray(name);
        foreach (var e in exclusions)
        {
            w.WriteStartObject();
            w.WriteString("inspectorKey", e.InspectorKey);
            w.WriteString("subjectKey", e.SubjectKey);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static List<DrawExclusion> ReadExclusions(JsonElement array) =>
        array.EnumerateArray().Select(e => new DrawExclusion(Text(e, "inspectorKey"), Text(e, "subjectKey"))).ToList();

    private static string Text(JsonElement element, string property) => Text(element.GetProperty(property));

    private static string Text(JsonElement element) =>
        element.GetString() ?? throw new FormatException("This is not a published draw: a text is null.");
}
