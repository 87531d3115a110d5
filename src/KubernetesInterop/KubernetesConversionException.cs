using StatefulManifests.Validation;

namespace StatefulManifests.KubernetesClient;

/// <summary>
/// A model value the client's types cannot hold: a quantity or a time the model kept as invalid text (the YAML
/// reader keeps what a manifest says so that validation can report it). Lists every such value with its field path.
/// </summary>
public sealed class KubernetesConversionException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="objectName">The kind and name of the object converted, e.g. <c>StatefulSet/web</c>.</param>
    /// <param name="errors">Every value that could not be converted.</param>
    public KubernetesConversionException(string objectName, IReadOnlyList<FieldError> errors)
        : base(objectName + " cannot be converted to the Kubernetes client's model:\n" + string.Join("\n", errors.Select(e => "  " + e.Message)))
    {
        Errors = errors;
    }

    /// <summary>The values that could not be converted, with their field paths.</summary>
    public IReadOnlyList<FieldError> Errors { get; }
}
