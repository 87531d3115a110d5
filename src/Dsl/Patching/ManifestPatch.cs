using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>An RFC 6902 JSON-patch operation kind supported by the escape hatch.</summary>
public enum PatchOperation
{
    /// <summary><c>add</c>: sets a map key (adding or replacing it) or inserts into a list (<c>-</c> appends).</summary>
    Add,

    /// <summary><c>replace</c>: replaces a value that must exist.</summary>
    Replace,

    /// <summary><c>remove</c>: removes a value that must exist.</summary>
    Remove,
}

/// <summary>
/// One escape-hatch patch: an RFC 6902 operation with a JSON-pointer <paramref name="Path"/> (RFC 6901, e.g.
/// <c>/spec/template/spec/hostUsers</c>, <c>~1</c> for <c>/</c> and <c>~0</c> for <c>~</c> in keys) applied to the
/// rendered YAML of one document of the workload. Patches set fields the model lacks; they run after validation
/// of the model and are not validated themselves, except that a path that does not resolve is an error.
/// </summary>
/// <param name="Target">The document patched.</param>
/// <param name="Operation">The operation.</param>
/// <param name="Path">The JSON pointer.</param>
/// <param name="Value">The value for add and replace (null for remove).</param>
public sealed record ManifestPatch(WorkloadDocument Target, PatchOperation Operation, string Path, RawValue? Value)
{
    /// <inheritdoc />
    public override string ToString() =>
        Operation.ToString().ToLowerInvariant() + " " + Path + (Value is null ? string.Empty : " " + Value) + " (" + Target + ")";
}
