namespace StatefulManifests.Model;

/// <summary>
/// apimachinery's quantity error messages, plus a suggestion for the usual mistakes (<c>10GB</c>, <c>1K</c>,
/// <c>512mb</c>, <c>1 Gi</c>): Kubernetes units are case-sensitive, carry no "B", and come in two families.
/// </summary>
internal static class QuantityErrors
{
    /// <summary>apimachinery's <c>ErrFormatWrong</c>.</summary>
    public const string FormatWrongMessage = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    /// <summary>apimachinery's <c>ErrSuffix</c>.</summary>
    public const string SuffixMessage = "unable to parse quantity's suffix";

    /// <summary>This model's bound (Kubernetes accepts larger decimal quantities; no real resource needs them).</summary>
    public const string TooLarge = "quantity is too large: this model holds magnitudes below 10^27";

    public static string FormatWrong(string text) => FormatWrongMessage + Hint(text);

    public static string BadSuffix(string text) => SuffixMessage + Hint(text);

    /// <summary>"; did you mean ..." when the text is a number followed by a recognisable unit, else empty.</summary>
    private static string Hint(string text)
    {
        var trimmed = text.Trim();
        var numberEnd = 0;
        while (numberEnd < trimmed.Length && (char.IsDigit(trimmed[numberEnd]) && trimmed[numberEnd] < 128 || trimmed[numberEnd] is '.' or '+' or '-'))
        {
            numberEnd++;
        }

        var number = trimmed.Substring(0, numberEnd);
        var unit = trimmed.Substring(numberEnd).Trim();
        // A lower-case "e" starts a decimal exponent ("1e3"), not a unit.
        if (number.Length == 0 || !number.Any(char.IsDigit) || unit.Length == 0 || unit.Length > 3 || unit[0] == 'e'
            || !unit.All(c => c < 128 && char.IsLetter(c)))
        {
            return string.Empty;
        }

        var spaced = trimmed.Length != numberEnd + unit.Length || trimmed != text;
        var upper = unit.ToUpperInvariant();
        if (upper == "B")
        {
            return "; Kubernetes quantities count bytes without a unit: did you mean \"" + number + "\"?";
        }

        upper = upper.EndsWith("IB", StringComparison.Ordinal) ? upper.Substring(0, upper.Length - 2)
            : upper.EndsWith("B", StringComparison.Ordinal) || upper.EndsWith("I", StringComparison.Ordinal) ? upper.Substring(0, upper.Length - 1)
            : upper;
        if (upper.Length != 1 || "KMGTPE".IndexOf(upper[0]) < 0)
        {
            return string.Empty;
        }

        var decimalUnit = upper == "K" ? "k" : upper;
        var why = spaced ? "Kubernetes quantities have no spaces" : "Kubernetes units are case-sensitive and have no \"B\"";
        if (unit == decimalUnit || unit == upper + "i")
        {
            // Already a valid unit: the problem is elsewhere (spaces), so suggest just the tidy form.
            return "; " + why + ": did you mean \"" + number + unit + "\"?";
        }

        return "; " + why + ": did you mean \"" + number + decimalUnit + "\" (powers of 1000) or \"" + number + upper + "i\" (powers of 1024)?";
    }
}
