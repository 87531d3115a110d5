namespace StatefulManifests.Validation.Networking;

/// <summary>
/// A NetworkPolicy peer's <c>ipBlock</c> as the API server validates it (<c>ValidateIPBlock</c> in
/// pkg/apis/networking/validation): <c>cidr</c> is required and must parse, each <c>except</c> entry must parse and
/// be a strict subset of <c>cidr</c> (inside it, with a longer prefix).
/// </summary>
public static class IpBlockRules
{
    private const string NotStrictSubset = "must be a strict subset of `cidr`";

    /// <summary>
    /// Validates an ipBlock at <paramref name="path"/> (e.g. <c>spec.ingress[0].from[1].ipBlock</c>); returns the
    /// errors in the API server's order, empty when valid.
    /// </summary>
    /// <param name="cidr">The <c>cidr</c> field.</param>
    /// <param name="except">The <c>except</c> entries (null or empty when absent).</param>
    /// <param name="path">The ipBlock's field path.</param>
    /// <param name="strict">The <c>StrictIPCIDRValidation</c> feature gate (see <see cref="Cidr.Check"/>); off by default.</param>
    public static IReadOnlyList<FieldError> Validate(string? cidr, IReadOnlyList<string?>? except, FieldPath path, bool strict = false)
    {
        var errors = new List<FieldError>();
        var cidrPath = path.Child("cidr");
        if (string.IsNullOrEmpty(cidr))
        {
            errors.Add(FieldError.Required(cidrPath));
            return errors;
        }

        errors.AddRange(Cidr.Check(cidr, strict).Select(message => FieldError.Invalid(cidrPath, cidr, message)));
        var outer = Cidr.TryParse(cidr);
        if (outer is null)
        {
            return errors;
        }

        for (var i = 0; i < (except?.Count ?? 0); i++)
        {
            var entry = except![i];
            var entryPath = path.Child("except").Index(i);
            errors.AddRange(Cidr.Check(entry, strict).Select(message => FieldError.Invalid(entryPath, entry, message)));
            var inner = Cidr.TryParse(entry);
            if (inner is not null && !inner.IsStrictSubsetOf(outer))
            {
                errors.Add(FieldError.Invalid(entryPath, entry, NotStrictSubset));
            }
        }

        return errors;
    }
}
