using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Rules.Api;

/// <summary>
/// Repairs the usual ways a quantity is mistyped — <c>10GB</c>, <c>512mb</c>, <c>1 Gi</c>, <c>2gi</c> — into
/// valid Kubernetes quantities, so a finding (and a code fix) can say exactly what to write.
/// </summary>
public static class QuantitySuggestions
{
    // Mistyped suffix (upper-cased) → (binary suffix, decimal suffix).
    private static readonly Dictionary<string, (string Binary, string Decimal)> Suffixes = new(StringComparer.Ordinal)
    {
        ["K"] = ("Ki", "k"), ["KB"] = ("Ki", "k"), ["KI"] = ("Ki", "k"), ["KIB"] = ("Ki", "k"),
        ["M"] = ("Mi", "M"), ["MB"] = ("Mi", "M"), ["MI"] = ("Mi", "M"), ["MIB"] = ("Mi", "M"),
        ["G"] = ("Gi", "G"), ["GB"] = ("Gi", "G"), ["GI"] = ("Gi", "G"), ["GIB"] = ("Gi", "G"),
        ["T"] = ("Ti", "T"), ["TB"] = ("Ti", "T"), ["TI"] = ("Ti", "T"), ["TIB"] = ("Ti", "T"),
        ["P"] = ("Pi", "P"), ["PB"] = ("Pi", "P"), ["PI"] = ("Pi", "P"), ["PIB"] = ("Pi", "P"),
        ["E"] = ("Ei", "E"), ["EB"] = ("Ei", "E"), ["EI"] = ("Ei", "E"), ["EIB"] = ("Ei", "E"),
    };

    /// <summary>
    /// Suggests valid spellings of a mistyped quantity: <c>10GB</c> gives <c>10Gi</c> (binary) and <c>10G</c>
    /// (decimal). Returns false when the text is valid already or cannot be read as a number and a unit.
    /// </summary>
    public static bool TrySuggest(string text, out string binary, out string @decimal)
    {
        binary = @decimal = string.Empty;
        var compact = text.Replace(" ", string.Empty);
        var split = 0;
        while (split < compact.Length && (char.IsDigit(compact[split]) || compact[split] == '.'))
        {
            split++;
        }

        var number = compact.Substring(0, split);
        var unit = compact.Substring(split).ToUpperInvariant();
        if (Quantity.FromText(text).IsValid
            || number.Length == 0
            || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
            || !Suffixes.TryGetValue(unit, out var suffixes))
        {
            return false;
        }

        binary = number + suffixes.Binary;
        @decimal = number + suffixes.Decimal;
        return Quantity.FromText(binary).IsValid && Quantity.FromText(@decimal).IsValid;
    }

    /// <summary>What to write instead of <paramref name="text"/>, for a message: <c>10Gi (or 10G)</c>, or a general hint.</summary>
    public static string Describe(string text) =>
        TrySuggest(text, out var binary, out var @decimal)
            ? binary + " (or " + @decimal + " in decimal units)"
            : "a number with an optional suffix, such as 500m, 512Mi or 10Gi";
}
