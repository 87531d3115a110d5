using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>
/// A field path relative to the element a nested builder builds (a container's <c>image</c>), resolved to a full
/// <see cref="FieldPath"/> once the element's own place is known (<c>spec.template.spec.containers[0]</c>).
/// </summary>
internal sealed class RelativePath
{
    private readonly Func<FieldPath, FieldPath> resolve;

    private RelativePath(Func<FieldPath, FieldPath> resolve) => this.resolve = resolve;

    /// <summary>The element itself.</summary>
    public static RelativePath Here { get; } = new(p => p);

    /// <summary>A path of nested child fields.</summary>
    public static RelativePath Of(params string[] names) => new(p => p.Child(names));

    /// <summary>A deeper child.</summary>
    public RelativePath Child(params string[] names) => new(p => resolve(p).Child(names));

    /// <summary>A list element beneath this path.</summary>
    public RelativePath Index(int index) => new(p => resolve(p).Index(index));

    /// <summary>A map entry beneath this path.</summary>
    public RelativePath Key(string key) => new(p => resolve(p).Key(key));

    /// <summary>This path continued by <paramref name="inner"/> (a path relative to this one's target).</summary>
    public RelativePath Then(RelativePath inner) => new(p => inner.resolve(resolve(p)));

    /// <summary>The full path when this path starts at <paramref name="root"/>.</summary>
    public FieldPath Under(FieldPath root) => resolve(root);
}

/// <summary>A call that set a field, relative to the element the recording builder builds.</summary>
internal readonly struct LocalOrigin
{
    public LocalOrigin(RelativePath path, object? token)
    {
        Path = path;
        Token = token;
    }

    public RelativePath Path { get; }

    public object? Token { get; }

    /// <summary>The same origin seen from a builder that holds this element at <paramref name="prefix"/>.</summary>
    public LocalOrigin Under(RelativePath prefix) => new(prefix.Then(Path), Token);

    /// <summary>The public origin for an element that lives at <paramref name="root"/> of <paramref name="document"/>.</summary>
    public FieldOrigin Resolve(FieldPath root, WorkloadDocument document) => new(Path.Under(root), Token) { Document = document };
}
