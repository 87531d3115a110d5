namespace StatefulManifests.Model;

/// <summary>
/// Parses the selector syntax of <c>kubectl -l</c> (<c>app=web,tier in (a,b),!legacy,env!=prod</c>) as
/// apimachinery's <c>labels.Parse</c> does: same tokens, same grammar, same error messages.
/// </summary>
internal static class LabelSelectorParser
{
    internal enum Op
    {
        Equals,
        DoubleEquals,
        NotEquals,
        In,
        NotIn,
        Exists,
        DoesNotExist,
        GreaterThan,
        LessThan,
    }

    private enum Tok
    {
        End,
        Identifier,
        DoesNotExist,
        Equals,
        DoubleEquals,
        NotEquals,
        In,
        NotIn,
        OpenPar,
        ClosedPar,
        Comma,
        GreaterThan,
        LessThan,
    }

    private const string BinaryOperators = "in, notin, =, ==, !=, gt, lt";

    internal sealed record Parsed(string Key, Op Operator, IReadOnlyList<string> Values);

    /// <summary>The requirements in order, or an error message (values of set operators sorted and distinct).</summary>
    public static bool TryParse(string selector, out List<Parsed> requirements, out string? error)
    {
        var state = new State(Lex(selector));
        requirements = [];
        error = null;
        try
        {
            while (true)
            {
                var (tok, lit) = state.Lookahead(values: true);
                switch (tok)
                {
                    case Tok.Identifier or Tok.DoesNotExist:
                        requirements.Add(ParseRequirement(state));
                        var (next, nextLit) = state.Consume(values: true);
                        if (next == Tok.End)
                        {
                            return true;
                        }

                        if (next != Tok.Comma)
                        {
                            throw new FormatException("found '" + nextLit + "', expected: ',' or 'end of string'");
                        }

                        var (after, afterLit) = state.Lookahead(values: true);
                        if (after is not (Tok.Identifier or Tok.DoesNotExist))
                        {
                            throw new FormatException("found '" + afterLit + "', expected: identifier after ','");
                        }

                        break;
                    case Tok.End:
                        return true;
                    default:
                        throw new FormatException("found '" + lit + "', expected: !, identifier, or 'end of string'");
                }
            }
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private static Parsed ParseRequirement(State state)
    {
        var op = Op.Exists;
        var explicitOperator = true;
        var (tok, key) = state.Consume(values: true);
        if (tok == Tok.DoesNotExist)
        {
            op = Op.DoesNotExist;
            (tok, key) = state.Consume(values: true);
        }

        if (tok != Tok.Identifier)
        {
            throw new FormatException("unable to parse requirement: found '" + key + "', expected: identifier");
        }

        var keyErrors = Validation.NameRules.IsQualifiedName(key);
        if (keyErrors.Count > 0)
        {
            throw new FormatException("unable to parse requirement: key: Invalid value: \"" + key + "\": " + string.Join("; ", keyErrors));
        }

        if (state.Lookahead(values: true).Tok is Tok.End or Tok.Comma)
        {
            explicitOperator = false;
        }

        if (op == Op.DoesNotExist || !explicitOperator)
        {
            return new Parsed(key, op, []);
        }

        op = ParseOperator(state);
        var values = op is Op.In or Op.NotIn ? ParseValues(state) : ParseExactValue(state);
        for (var i = 0; i < values.Count; i++)
        {
            var valueErrors = Validation.NameRules.IsLabelValue(values[i]);
            if (valueErrors.Count > 0)
            {
                throw new FormatException("unable to parse requirement: values[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + "][" + key + "]: Invalid value: \"" + values[i] + "\": " + string.Join("; ", valueErrors));
            }
        }

        return new Parsed(key, op, values);
    }

    private static Op ParseOperator(State state)
    {
        var (tok, lit) = state.Consume(values: false);
        return tok switch
        {
            Tok.In => Op.In,
            Tok.Equals => Op.Equals,
            Tok.DoubleEquals => Op.DoubleEquals,
            Tok.GreaterThan => Op.GreaterThan,
            Tok.LessThan => Op.LessThan,
            Tok.NotIn => Op.NotIn,
            Tok.NotEquals => Op.NotEquals,
            _ => throw new FormatException("unable to parse requirement: found '" + lit + "', expected: " + BinaryOperators),
        };
    }

    /// <summary>A parenthesised, comma-separated set; empty items count as the empty value, as in apimachinery.</summary>
    private static List<string> ParseValues(State state)
    {
        var (tok, lit) = state.Consume(values: true);
        if (tok != Tok.OpenPar)
        {
            throw new FormatException("unable to parse requirement: found '" + lit + "' expected: '('");
        }

        (tok, lit) = state.Lookahead(values: true);
        if (tok == Tok.ClosedPar)
        {
            state.Consume(values: true);
            return [string.Empty];
        }

        if (tok is not (Tok.Identifier or Tok.Comma))
        {
            throw new FormatException("unable to parse requirement: found '" + lit + "', expected: ',', ')' or identifier");
        }

        var set = new SortedSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var (item, itemLit) = state.Consume(values: true);
            if (item == Tok.Identifier)
            {
                set.Add(itemLit);
                var (sep, sepLit) = state.Lookahead(values: true);
                if (sep == Tok.ClosedPar)
                {
                    break;
                }

                if (sep != Tok.Comma)
                {
                    throw new FormatException("unable to parse requirement: found '" + sepLit + "', expected: ',' or ')'");
                }
            }
            else if (item == Tok.Comma)
            {
                if (set.Count == 0)
                {
                    set.Add(string.Empty); // "(,"
                }

                var (sep, _) = state.Lookahead(values: true);
                if (sep == Tok.ClosedPar)
                {
                    set.Add(string.Empty); // ",)"
                    break;
                }

                if (sep == Tok.Comma)
                {
                    state.Consume(values: true);
                    set.Add(string.Empty); // ",,"
                }
            }
            else
            {
                throw new FormatException("unable to parse requirement: found '" + itemLit + "', expected: ',', or identifier");
            }
        }

        if (state.Consume(values: true).Tok != Tok.ClosedPar)
        {
            throw new FormatException("unable to parse requirement: found '" + lit + "', expected: ')'");
        }

        return set.ToList();
    }

    private static List<string> ParseExactValue(State state)
    {
        var (tok, lit) = state.Lookahead(values: true);
        if (tok is Tok.End or Tok.Comma)
        {
            return [string.Empty];
        }

        (tok, lit) = state.Consume(values: true);
        return tok == Tok.Identifier ? [lit] : throw new FormatException("unable to parse requirement: found '" + lit + "', expected: identifier");
    }

    private static List<(Tok Tok, string Lit)> Lex(string s)
    {
        var tokens = new List<(Tok, string)>();
        var i = 0;
        while (true)
        {
            while (i < s.Length && s[i] is ' ' or '\t' or '\r' or '\n')
            {
                i++;
            }

            // Go's lexer reads bytes and treats a NUL as the end of input.
            if (i >= s.Length || s[i] == '\0')
            {
                tokens.Add((Tok.End, string.Empty));
                return tokens;
            }

            if (IsSpecial(s[i]))
            {
                var two = i + 1 < s.Length ? s.Substring(i, 2) : string.Empty;
                var symbol = two is "!=" or "==" ? two : s.Substring(i, 1);
                tokens.Add((SymbolToken(symbol), symbol));
                i += symbol.Length;
                continue;
            }

            var start = i;
            while (i < s.Length && s[i] != '\0' && !IsSpecial(s[i]) && s[i] is not (' ' or '\t' or '\r' or '\n'))
            {
                i++;
            }

            var word = s.Substring(start, i - start);
            tokens.Add((word switch { "in" => Tok.In, "notin" => Tok.NotIn, _ => Tok.Identifier }, word));
        }
    }

    private static bool IsSpecial(char c) => c is '=' or '!' or '(' or ')' or ',' or '>' or '<';

    private static Tok SymbolToken(string symbol) => symbol switch
    {
        "!=" => Tok.NotEquals,
        "==" => Tok.DoubleEquals,
        "!" => Tok.DoesNotExist,
        "=" => Tok.Equals,
        "(" => Tok.OpenPar,
        ")" => Tok.ClosedPar,
        "," => Tok.Comma,
        ">" => Tok.GreaterThan,
        _ => Tok.LessThan,
    };

    /// <summary>The token cursor; in value positions the keywords <c>in</c>/<c>notin</c> are plain identifiers.</summary>
    private sealed class State(List<(Tok Tok, string Lit)> tokens)
    {
        private int position;

        public (Tok Tok, string Lit) Lookahead(bool values) => Contextual(tokens[position], values);

        public (Tok Tok, string Lit) Consume(bool values)
        {
            var token = tokens[position];
            if (position < tokens.Count - 1)
            {
                position++;
            }

            return Contextual(token, values);
        }

        private static (Tok Tok, string Lit) Contextual((Tok Tok, string Lit) token, bool values) =>
            values && token.Tok is Tok.In or Tok.NotIn ? (Tok.Identifier, token.Lit) : token;
    }
}
