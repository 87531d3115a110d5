namespace StatefulManifests.Generators.Evaluation;

/// <summary>
/// One item written inside a DSL call's list argument (a <c>params</c> array, an array or a collection expression):
/// the node that wrote it, its evaluated value, and — for a <c>(key, value)</c> tuple such as an annotation — the
/// key, with <see cref="Node"/> and <see cref="Value"/> then being the tuple's value part. A null item has no value to
/// recognise among the call's arguments, so a null-item error finds its node here by key or position.
/// </summary>
/// <param name="Node">Where the item (or the tuple's value part) was written.</param>
/// <param name="Value">The item's evaluated value (the tuple's value part for an entry).</param>
/// <param name="Key">The entry's key, or null for a plain list item.</param>
internal sealed record ArgumentItem(SourceRef Node, object? Value, string? Key);
