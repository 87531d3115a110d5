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

    /// <summary>This model's bound (Kubernetes accepts larger decimal quantities; no real resource needs them).</summary>
    public const string TooLarge = "quantity is too large: this model holds magnitudes below 10^27";

    public static string FormatWrong(string text) => FormatWrongMessage + QuantitySuggestions.Hint(text);

    public static string BadSuffix(string text) => SuffixMessage + QuantitySuggestions.Hint(text);
}
