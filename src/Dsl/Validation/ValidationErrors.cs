namespace StatefulManifests.Validation;

/// <summary>
/// The one error collector every rule file writes into. It mirrors how the API server aggregates a
/// <c>field.ErrorList</c>: errors keep the order the rules found them, and an error whose printed form equals an
/// earlier one is dropped (Kubernetes' <c>ToAggregate</c> does the same, which matters where two validators check
/// the same field, e.g. pod-template labels).
/// </summary>
internal sealed class ValidationErrors
{
    private readonly List<FieldError> errors = [];
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly string? subject;

    /// <summary>Creates a collector.</summary>
    /// <param name="subject">
    /// The companion object the paths are relative to (<c>Service "nginx"</c>), stamped on every error as
    /// <see cref="FieldError.Object"/>; null for the StatefulSet itself.
    /// </param>
    public ValidationErrors(string? subject = null) => this.subject = subject;

    /// <summary>How many distinct errors were collected.</summary>
    public int Count => errors.Count;

    /// <summary>The errors in the order they were found.</summary>
    public IReadOnlyList<FieldError> ToList() => errors.ToArray();

    /// <summary>Adds an error unless an identical one is already there.</summary>
    public void Add(FieldError error)
    {
        if (subject is not null)
        {
            error = error with { Object = subject };
        }

        if (seen.Add(error.ToString()))
        {
            errors.Add(error);
        }
    }

    /// <summary>Adds every error of another collector (already stamped with its own subject).</summary>
    public void AddRange(IEnumerable<FieldError> more)
    {
        foreach (var error in more)
        {
            Add(error);
        }
    }

    /// <summary><c>Required value</c>.</summary>
    public void Required(FieldPath path, string detail = "") => Add(FieldError.Required(path, detail));

    /// <summary><c>Invalid value</c>.</summary>
    public void Invalid(FieldPath path, object? value, string detail) => Add(FieldError.Invalid(path, value, detail));

    /// <summary>One <c>Invalid value</c> per message, as Kubernetes reports each failed format check separately.</summary>
    public void Invalid(FieldPath path, object? value, IEnumerable<string> details)
    {
        foreach (var detail in details)
        {
            Invalid(path, value, detail);
        }
    }

    /// <summary><c>Unsupported value</c> listing the supported values.</summary>
    public void NotSupported(FieldPath path, object? value, IEnumerable<string> supported) =>
        Add(FieldError.NotSupported(path, value, supported));

    /// <summary><c>Duplicate value</c>.</summary>
    public void Duplicate(FieldPath path, object? value) => Add(FieldError.Duplicate(path, value));

    /// <summary><c>Forbidden</c>.</summary>
    public void Forbidden(FieldPath path, string detail) => Add(FieldError.Forbidden(path, detail));

    /// <summary><c>Too long</c> (Kubernetes omits the value).</summary>
    public void TooLong(FieldPath path, int maxLength) => Add(FieldError.TooLong(path, null, maxLength));

    /// <summary><c>Not found</c>, optionally with an explanation.</summary>
    public void NotFound(FieldPath path, object? value, string detail = "") =>
        Add(new FieldError(FieldErrorType.NotFound, path, value, detail));
}
