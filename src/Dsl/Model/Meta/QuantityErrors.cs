namespace StatefulManifests.Model;

/// <summary>
/// apimachinery's quantity error messages, with the "did you mean" of <see cref="QuantitySuggestions"/> appended.
/// </summary>
internal static class QuantityErrors
{
    /// <summary>apimachinery's <c>ErrFormatWrong</c>.</summary>
    public const string FormatWrongMessage = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    /// <summary>apimachinery's <c>ErrSuffix</c>.</summary>
    public const string SuffixMessage = "unable to parse quantity's suffix";

    /// <summary>This model's bound (Kubernetes has none; it keeps parsing linear and no real resource comes near it).</summary>
    public const string TooLarge = "quantity has too many significant digits: this model holds at most 4096";

    public static string FormatWrong(string text) => FormatWrongMessage + QuantitySuggestions.Hint(text);

    public static string BadSuffix(string text) => SuffixMessage + QuantitySuggestions.Hint(text);
}
