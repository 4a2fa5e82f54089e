using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContradictionNlp.Claims;
using ContradictionNlp.Tagging;

namespace ContradictionNlp.Scoring;

/// <summary>
/// Source-generated JSON metadata for every manifest <see cref="ManifestJson"/> reads or writes, with the manifest
/// conventions (snake_case, indented, nulls left out). Reflection-based System.Text.Json is unavailable in the
/// natively compiled (NativeAOT) cnlp; the generated metadata gives the same JSON as reflection did, in both builds.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScorerManifest))]
[JsonSerializable(typeof(VectorsManifest))]
[JsonSerializable(typeof(LexiconManifest))]
[JsonSerializable(typeof(PromotionRecord))]
[JsonSerializable(typeof(AttributionManifest))]
[JsonSerializable(typeof(TaggerManifest))]
[JsonSerializable(typeof(NerManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;

/// <summary>
/// Keeps reflection's reading of properties a manifest leaves out. The options records in manifests give their
/// init-only properties initial values (<c>SyntheticWeight { get; init; } = 1f</c>); reflection creates the record with
/// its constructor, so a property missing from the file (an older manifest, written before the property existed)
/// keeps that value, but source-generated metadata sets every init-only property in one object initializer and gives
/// a missing one its type's default (0), a known limitation of the generator. So before deserializing, each object
/// of a type listed here gets the properties it lacks from a default instance, serialized. A test checks that every
/// type a manifest can hold reads "{}" as reflection does, so a new options type missing here fails it.
/// </summary>
internal static class ManifestDefaults
{
    private static readonly Dictionary<Type, object> Instances = new()
    {
        [typeof(Training.LogisticRegressionOptions)] = new Training.LogisticRegressionOptions(),
        [typeof(Training.WideDeepOptions)] = new Training.WideDeepOptions(),
        [typeof(Training.BoostedOptions)] = new Training.BoostedOptions(),
        [typeof(Training.AttentionOptions)] = new Training.AttentionOptions(),
        [typeof(PosTaggerOptions)] = new PosTaggerOptions(),
        [typeof(NerOptions)] = new NerOptions(),
        [typeof(AttributionTaggerOptions)] = new AttributionTaggerOptions(),
    };

    /// <summary>Deserializes <paramref name="json"/> as <paramref name="info"/>'s type, missing properties of the listed types taking their initial values.</summary>
    /// <exception cref="JsonException">Not valid JSON, or not of the type's shape.</exception>
    public static object? Deserialize(string json, JsonTypeInfo info)
    {
        var node = JsonNode.Parse(json);
        Fill(node, info);
        return node is null ? null : JsonSerializer.Deserialize(node, info);
    }

    private static void Fill(JsonNode? node, JsonTypeInfo info)
    {
        switch (node)
        {
            case JsonObject obj when info.Kind == JsonTypeInfoKind.Object:
                if (Instances.TryGetValue(info.Type, out var instance))
                {
                    foreach (var (name, value) in JsonSerializer.SerializeToNode(instance, info)!.AsObject())
                        if (!obj.ContainsKey(name)) obj[name] = value?.DeepClone();
                }
                foreach (var property in info.Properties)
                    if (obj.TryGetPropertyValue(property.Name, out var child))
                        Fill(child, info.Options.GetTypeInfo(property.PropertyType));
                break;
            case JsonObject map when info.Kind == JsonTypeInfoKind.Dictionary && info.ElementType is { } valueType:
                var valueInfo = info.Options.GetTypeInfo(valueType);
                foreach (var (_, value) in map) Fill(value, valueInfo);
                break;
            case JsonArray array when info.Kind == JsonTypeInfoKind.Enumerable && info.ElementType is { } elementType:
                var elementInfo = info.Options.GetTypeInfo(elementType);
                foreach (var item in array) Fill(item, elementInfo);
                break;
        }
    }
}
