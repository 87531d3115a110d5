using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Metadata on update (apimachinery's <c>ValidateObjectMetaAccessorUpdate</c>, run for every kind by the generic
/// registry): name and namespace are immutable ("field is immutable"), and the content rules of create apply again —
/// except the name format, which was accepted when the object was created.
/// </summary>
internal static class ObjectMetaUpdateRules
{
    /// <summary>Kubernetes' message for a changed immutable field.</summary>
    public const string ImmutableMessage = "field is immutable";

    /// <summary>Validates <paramref name="updated"/> against <paramref name="stored"/> at <c>metadata</c>.</summary>
    /// <remarks>
    /// An update without a namespace, uid or creationTimestamp is not a change of it: the client fills the
    /// namespace in from its context before sending, and the server keeps the stored uid and creation time.
    /// </remarks>
    public static void Validate(ObjectMeta? updated, ObjectMeta? stored, ValidationErrors errors)
    {
        updated ??= new ObjectMeta();
        stored ??= new ObjectMeta();
        var path = FieldPath.Root("metadata");
        Immutable(errors, path.Child("name"), updated.Name ?? string.Empty, stored.Name ?? string.Empty);
        ImmutableWhenSet(errors, path.Child("namespace"), updated.Namespace, stored.Namespace);
        ImmutableWhenSet(errors, path.Child("uid"), updated.Uid, stored.Uid);
        ImmutableWhenSet(errors, path.Child("creationTimestamp"), updated.CreationTimestamp, stored.CreationTimestamp);
        ObjectMetaRules.ValidateContent(updated, path, errors);
    }

    /// <summary><c>ValidateImmutableField</c>: Invalid with the new value when it differs.</summary>
    public static void Immutable(ValidationErrors errors, FieldPath path, string updated, string stored)
    {
        if (!string.Equals(updated, stored, StringComparison.Ordinal))
        {
            errors.Invalid(path, updated, ImmutableMessage);
        }
    }

    private static void ImmutableWhenSet(ValidationErrors errors, FieldPath path, string? updated, string? stored)
    {
        if (!string.IsNullOrEmpty(updated) && !string.IsNullOrEmpty(stored))
        {
            Immutable(errors, path, updated!, stored!);
        }
    }
}
