using System.Text;

namespace StatefulManifests.Model;

/// <summary>
/// Repairs the usual ways a quantity is mistyped — <c>10GB</c>, <c>512mb</c>, <c>1 Gi</c>, <c>2gi</c>, <c>100B</c> —
/// into valid Kubernetes quantities. The one source of these suggestions: the parse error's "did you mean",
/// the SM1008 finding's message and its code fix all come from here.
/// </summary>
public static class QuantitySuggestions
{
    // Mistyped unit (upper-cased) → the unit of each family (binary, decimal).
    private static readonly Dictionary<string, (string Binary, string Decimal)> Units = new(StringComparer.Ordinal)
    {
        ["K"] = ("Ki", "k"), ["KB"] = ("Ki", "k"), ["KI"] = ("Ki", "k"), ["KIB"] = ("Ki", "k"),
        ["M"] = ("Mi", "M"), ["MB"] = ("Mi", "M"), ["MI"] = ("Mi", "M"), ["MIB"] = ("Mi", "M"),
        ["G"] = ("Gi", "G"), ["GB"] = ("Gi", "G"), ["GI"] = ("Gi", "G"), ["GIB"] = ("Gi", "G"),
        ["T"] = ("Ti", "T"), ["TB"] = ("Ti", "T"), ["TI"] = ("Ti", "T"), ["TIB"] = ("Ti", "T"),
        ["P"] = ("Pi", "P"), ["PB"] = ("Pi", "P"), ["PI"] = ("Pi", "P"), ["PIB"] = ("Pi", "P"),
        ["E"] = ("Ei", "E"), ["EB"] = ("Ei", "E"), ["EI"] = ("Ei", "E"), ["EIB"] = ("Ei", "E"),
    };

    /// <summary>
    /// The valid spellings of a mistyped quantity (each checked by parsing it), binary first: <c>10GB</c> gives
    /// <c>10Gi</c> and <c>10G</c>;
    /// <c>1 Gi</c> (a valid unit, misplaced space) gives only <c>1Gi</c>; <c>100B</c> gives <c>100</c> (bytes carry
    /// no unit). Empty when the text is valid already or cannot be read as a number and a unit.
    /// </summary>
    public static IReadOnlyList<string> For(string text) =>
        text is null || Quantity.FromText(text).IsValid ? [] : Candidates(text).Spellings.Where(s => Quantity.FromText(s).IsValid).ToList();

    /// <summary>What to write instead of <paramref name="text"/>, for a message: <c>10Gi (or 10G in decimal units)</c>, or a general hint.</summary>
    public static string Describe(string text)
    {
        var spellings = For(text);
        return spellings.Count switch
        {
            1 => spellings[0],
            2 => spellings[0] + " (or " + spellings[1] + " in decimal units)",
            _ => "a number with an optional suffix, such as 500m, 512Mi or 10Gi",
        };
    }

    /// <summary>
    /// The sentence a parse error appends for text that did not parse: "; did you mean ...", or empty. Never parses
    /// <paramref name="text"/> itself (the parser calls this), only its whitespace-free form when that differs.
    /// </summary>
    internal static string Hint(string text)
    {
        var candidates = Candidates(text);
        var why = candidates.Spaced ? "Kubernetes quantities have no spaces"
            : candidates.BytesUnit ? "Kubernetes quantities count bytes without a unit"
            : "Kubernetes units are case-sensitive and have no \"B\"";
        var spellings = candidates.Spellings;
        return spellings.Length switch
        {
            1 => "; " + why + ": did you mean \"" + spellings[0] + "\"?",
            2 => "; " + why + ": did you mean \"" + spellings[1] + "\" (powers of 1000) or \"" + spellings[0] + "\" (powers of 1024)?",
            _ => string.Empty,
        };
    }

    private static Suggestion Candidates(string text)
    {
        var compact = RemoveWhitespace(text);
        var spaced = compact.Length != text.Length;
        var numberEnd = NumberEnd(compact);
        var number = compact.Substring(0, numberEnd);
        var unit = compact.Substring(numberEnd);
        if (numberEnd == 0 || compact.Length == 0)
        {
            return Suggestion.None;
        }

        // Parsing the compact form cannot recurse further: it has no whitespace, so its own hint parses nothing.
        if (spaced && Quantity.FromText(compact).IsValid)
        {
            return new Suggestion([compact], Spaced: true, BytesUnit: false);
        }

        // A lower-case "e" starts a decimal exponent ("1e3"), not the exa unit.
        if (unit.Length == 0 || unit[0] == 'e')
        {
            return Suggestion.None;
        }

        var upper = unit.ToUpperInvariant();
        if (upper == "B")
        {
            return new Suggestion([number], spaced, BytesUnit: true);
        }

        return Units.TryGetValue(upper, out var units)
            ? new Suggestion([number + units.Binary, number + units.Decimal], spaced, BytesUnit: false)
            : Suggestion.None;
    }

    // The length of a leading decimal number: an optional sign, ASCII digits and at most one point, at least one digit.
    private static int NumberEnd(string text)
    {
        var i = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        var digits = 0;
        var points = 0;
        for (; i < text.Length; i++)
        {
            if (text[i] is >= '0' and <= '9')
            {
                digits++;
            }
            else if (text[i] == '.' && points == 0)
            {
                points++;
            }
            else
            {
                break;
            }
        }

        return digits == 0 ? 0 : i;
    }

    private static string RemoveWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private sealed record Suggestion(string[] Spellings, bool Spaced, bool BytesUnit)
    {
        public static Suggestion None { get; } = new([], false, false);
    }
}
