using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Collects escape-hatch patches for one document of the workload (see <see cref="ManifestPatch"/>), in order:
/// <c>.Patch(p =&gt; p.Add("/spec/template/spec/hostUsers", false))</c>. Use it for a field the model lacks; anything
/// the DSL can express is better expressed with the DSL, where it is validated.
/// </summary>
public sealed class PatchBuilder
{
    private readonly WorkloadDocument target;

    internal PatchBuilder(WorkloadDocument target)
        : this(target, ValueList<ManifestPatch>.Empty, ValueList<object?>.Empty)
    {
    }

    private PatchBuilder(WorkloadDocument target, ValueList<ManifestPatch> patches, ValueList<object?> tokens)
    {
        this.target = target;
        Patches = patches;
        Tokens = tokens;
    }

    /// <summary>The patches so far.</summary>
    internal ValueList<ManifestPatch> Patches { get; }

    /// <summary>The <see cref="DslCallSite"/> token of the call that added each patch (same order as <see cref="Patches"/>).</summary>
    internal ValueList<object?> Tokens { get; }

    /// <summary><c>add</c> a string value at <paramref name="path"/>.</summary>
    public PatchBuilder Add(string path, string value) => With(PatchOperation.Add, path, RawValue.String(value));

    /// <summary><c>add</c> an integer value at <paramref name="path"/>.</summary>
    public PatchBuilder Add(string path, long value) => With(PatchOperation.Add, path, RawValue.Number(value));

    /// <summary><c>add</c> a boolean value at <paramref name="path"/>.</summary>
    public PatchBuilder Add(string path, bool value) => With(PatchOperation.Add, path, RawValue.Boolean(value));

    /// <summary><c>add</c> any value (a map or list built with <see cref="RawValue"/>) at <paramref name="path"/>.</summary>
    public PatchBuilder Add(string path, RawValue value) => With(PatchOperation.Add, path, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary><c>replace</c> the existing value at <paramref name="path"/> with a string.</summary>
    public PatchBuilder Replace(string path, string value) => With(PatchOperation.Replace, path, RawValue.String(value));

    /// <summary><c>replace</c> the existing value at <paramref name="path"/> with an integer.</summary>
    public PatchBuilder Replace(string path, long value) => With(PatchOperation.Replace, path, RawValue.Number(value));

    /// <summary><c>replace</c> the existing value at <paramref name="path"/> with a boolean.</summary>
    public PatchBuilder Replace(string path, bool value) => With(PatchOperation.Replace, path, RawValue.Boolean(value));

    /// <summary><c>replace</c> the existing value at <paramref name="path"/> with any value.</summary>
    public PatchBuilder Replace(string path, RawValue value) => With(PatchOperation.Replace, path, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary><c>remove</c> the existing value at <paramref name="path"/>.</summary>
    public PatchBuilder Remove(string path) => With(PatchOperation.Remove, path, null);

    private PatchBuilder With(PatchOperation operation, string path, RawValue? value) =>
        new(target, Patches.Add(new ManifestPatch(target, operation, path ?? throw new ArgumentNullException(nameof(path)), value)), Tokens.Add(DslCallSite.Current));
}
