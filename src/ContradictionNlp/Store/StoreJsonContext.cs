using System.Text.Json.Serialization;

namespace ContradictionNlp.Store;

/// <summary>
/// Source-generated JSON metadata for the string lists the store keeps in text columns (mention roles), with the
/// serializer's default options: the same JSON as reflection-based System.Text.Json, which the natively compiled
/// (NativeAOT) cnlp does not have.
/// </summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
