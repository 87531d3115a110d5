using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Api;

/// <summary>
/// Turns the validator's and the YAML reader's <see cref="FieldError"/>s into findings: one SM1xxx ID per Kubernetes
/// error type, SM1008 for a quantity that does not parse (so a code fix can target it), SM1009 for anything the
/// reader could not read and SM2022 for a duplicate YAML key.
/// </summary>
internal static class ApiFindings
{
    /// <summary>A validation error as a finding in <paramref name="subject"/>.</summary>
    public static Finding FromValidation(FieldError error, FindingSubject subject)
    {
        var finding = subject == FindingSubject.OwnedObject
            ? InvalidQuantityText(error) is { } ownedText
                ? RuleCatalog.InvalidQuantity.InOwned(error.Object ?? string.Empty, error.Path, ownedText, QuantitySuggestions.Describe(ownedText))
                : RuleCatalog.ForErrorType(error.Type).InOwned(error.Object ?? string.Empty, error.Path, error.Message)
            : InvalidQuantityText(error) is { } text
                ? RuleCatalog.InvalidQuantity.At(subject, error.Path, text, QuantitySuggestions.Describe(text))
                : RuleCatalog.ForErrorType(error.Type).At(subject, error.Path, error.Message);
        return finding with { Position = error.Position };
    }

    /// <summary>
    /// A YAML reader error as a finding: a duplicate key (which kubectl accepts, keeping the last value) is SM2022;
    /// everything else the reader rejects (syntax, shape, unknown field, removed apiVersion) is SM1009.
    /// </summary>
    public static Finding FromReader(FieldError error, FindingSubject subject)
    {
        var finding = error.Type == FieldErrorType.Duplicate
            ? RuleCatalog.DuplicateYamlKey.At(subject, error.Path, error.BadValue)
            : RuleCatalog.UnreadableManifest.At(subject, error.Path, error is { Type: FieldErrorType.Invalid, BadValue: null } ? error.Detail : error.Message);
        return finding with { Position = error.Position };
    }

    // The validator reports a bad quantity as Invalid with the Quantity (which keeps its text) or the text itself.
    private static string? InvalidQuantityText(FieldError error) => error switch
    {
        { Type: FieldErrorType.Invalid, BadValue: Quantity { IsValid: false } quantity } => quantity.ToString(),
        { Type: FieldErrorType.Invalid, BadValue: string text } when !Quantity.FromText(text).IsValid
            && error.Detail.IndexOf("quantit", StringComparison.OrdinalIgnoreCase) >= 0 => text,
        _ => null,
    };
}
