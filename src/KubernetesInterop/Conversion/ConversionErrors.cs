using StatefulManifests.Validation;

namespace StatefulManifests.KubernetesClient.Conversion;

/// <summary>Collects every value a conversion could not carry over, so that one exception can list them all.</summary>
internal sealed class ConversionErrors
{
    private readonly List<FieldError> errors = [];

    /// <summary>The errors so far.</summary>
    public IReadOnlyList<FieldError> All => errors;

    /// <summary>Records that <paramref name="value"/> at <paramref name="path"/> has no client representation.</summary>
    public void Invalid(FieldPath path, object? value, string detail) => errors.Add(FieldError.Invalid(path, value, detail));
}
