using StatefulManifests.Validation;

namespace StatefulManifests.Import;

/// <summary>What <see cref="WorkloadImporter.Import"/> may change about the generated source.</summary>
public sealed record ImportOptions
{
    /// <summary>The C# namespace of the generated class (a file-scoped namespace), or null for none.</summary>
    public string? Namespace { get; init; }

    /// <summary>The name of the generated static partial class (default <c>ImportedWorkloads</c>).</summary>
    public string ClassName { get; init; } = "ImportedWorkloads";
}

/// <summary>An input object the import did not turn into C#, and why.</summary>
/// <param name="Kind">Its <c>kind</c> (empty when it has none).</param>
/// <param name="Name">Its <c>metadata.name</c> (empty when it has none).</param>
/// <param name="Position">Where its document starts.</param>
/// <param name="Reason">Why the DSL cannot own it.</param>
public sealed record SkippedObject(string Kind, string Name, SourcePosition Position, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => Position + ": skipped " + Kind + " " + Name + ": " + Reason;
}

/// <summary>One imported object: which declaration it went into.</summary>
/// <param name="Kind">StatefulSet, Service or PodDisruptionBudget.</param>
/// <param name="Name">Its name.</param>
/// <param name="Position">Where its document starts.</param>
/// <param name="Member">The generated method it is declared by.</param>
public sealed record ImportedObject(string Kind, string Name, SourcePosition Position, string Member);

/// <summary>The outcome of an import.</summary>
/// <param name="Source">The generated C# file (empty when there was nothing to import).</param>
/// <param name="Imported">Every object declared by the source, in input order.</param>
/// <param name="Skipped">Every input object the DSL cannot own (a ConfigMap, a Deployment, an unrelated Service ...).</param>
/// <param name="Errors">Inputs that could not be read as Kubernetes objects (syntax, unknown fields, removed API versions), with file and line; their documents are not imported.</param>
/// <param name="Notes">Things dropped on purpose (server-written fields such as <c>status</c>), with position.</param>
public sealed record ImportResult(string Source, IReadOnlyList<ImportedObject> Imported, IReadOnlyList<SkippedObject> Skipped, IReadOnlyList<FieldError> Errors, IReadOnlyList<string> Notes)
{
    /// <summary>How many <c>[StatefulWorkload]</c> methods the source declares.</summary>
    public int WorkloadCount => Imported.Count(o => o.Kind == "StatefulSet");
}
