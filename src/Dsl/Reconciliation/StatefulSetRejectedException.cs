using StatefulManifests.Validation;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// The simulated API server refused a StatefulSet (create, update or scale), as <c>kubectl apply</c> would report it.
/// <see cref="Errors"/> holds every problem at once, each with its field path.
/// </summary>
public sealed class StatefulSetRejectedException : Exception
{
    /// <summary>Creates the exception for a set and its errors.</summary>
    public StatefulSetRejectedException(string name, IReadOnlyList<FieldError> errors)
        : base("StatefulSet.apps \"" + name + "\" is invalid: [" + string.Join(", ", errors) + "]")
    {
        Errors = errors;
    }

    /// <summary>Every error, in Kubernetes' format.</summary>
    public IReadOnlyList<FieldError> Errors { get; }
}
