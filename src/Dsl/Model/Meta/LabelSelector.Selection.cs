using StatefulManifests.Validation;

namespace StatefulManifests.Model;

/// <summary>
/// Label selectors as values that select: <see cref="Matches(IReadOnlyDictionary{string, string})"/> with Kubernetes'
/// semantics, the <c>kubectl -l</c> syntax (<see cref="Parse"/>) and Kubernetes' canonical text
/// (<see cref="ToSelectorString"/>).
/// </summary>
/// <remarks>
/// Semantics follow <c>metav1.LabelSelectorAsSelector</c>: every matchLabels entry and every matchExpressions item is
/// a requirement and all must hold; an EMPTY selector (no matchLabels, no matchExpressions) matches EVERYTHING;
/// a MISSING selector (null) matches NOTHING (use the static <see cref="Matches(LabelSelector?, IReadOnlyDictionary{string, string})"/>);
/// a selector Kubernetes cannot convert (see <see cref="SelectorErrors"/>) also matches nothing, as a controller
/// whose selector fails to convert selects no pods.
/// </remarks>
public sealed partial record LabelSelector
{
    /// <summary>True when every requirement holds for <paramref name="labels"/> (an empty selector matches everything).</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        if (labels is null)
        {
            throw new ArgumentNullException(nameof(labels));
        }

        var requirements = Requirements();
        return requirements is not null && requirements.All(r => r.Matches(labels));
    }

    /// <summary>Kubernetes' semantics including a missing selector: null matches nothing.</summary>
    public static bool Matches(LabelSelector? selector, IReadOnlyDictionary<string, string> labels) =>
        selector is not null && selector.Matches(labels);

    /// <summary>
    /// The selector as Kubernetes prints it (<c>labels.Selector.String()</c> of <c>LabelSelectorAsSelector</c>):
    /// requirements sorted by key, values sorted, e.g. <c>app=web,env notin (prod),!legacy,tier in (a,b)</c>.
    /// An empty selector prints as the empty string.
    /// </summary>
    /// <exception cref="FormatException">The selector cannot be converted; the message lists <see cref="SelectorErrors"/>.</exception>
    public string ToSelectorString()
    {
        var requirements = Requirements()
            ?? throw new FormatException(string.Join("; ", SelectorErrors().Select(e => e.ToString())));
        return string.Join(",", requirements.Select(r => r.ToString()));
    }

    /// <summary>
    /// Why Kubernetes would reject this selector (<c>ValidateLabelSelector</c>: label key and value syntax, a known
    /// operator, values present for In/NotIn and absent for Exists/DoesNotExist); empty when it is valid.
    /// </summary>
    /// <param name="path">Where the selector is, e.g. <c>spec.selector</c> (default: paths relative to the selector).</param>
    public IReadOnlyList<FieldError> SelectorErrors(FieldPath? path = null)
    {
        path ??= FieldPath.Document;
        var errors = new List<FieldError>();
        foreach (var entry in MatchLabels ?? ValueMap<string>.Empty)
        {
            var labelsPath = path.Child("matchLabels");
            errors.AddRange(Validation.NameRules.IsLabelKey(entry.Key).Select(m => FieldError.Invalid(labelsPath, entry.Key, m)));
            errors.AddRange(Validation.NameRules.IsLabelValue(entry.Value).Select(m => FieldError.Invalid(labelsPath, entry.Value, m)));
        }

        var index = 0;
        foreach (var expression in MatchExpressions ?? ValueList<LabelSelectorRequirement>.Empty)
        {
            errors.AddRange(RequirementErrors(expression, path.Child("matchExpressions").Index(index++)));
        }

        return errors;
    }

    /// <summary>
    /// Parses the <c>kubectl -l</c> syntax: <c>key=value</c> (or <c>==</c>), <c>key!=value</c>, <c>key in (a,b)</c>,
    /// <c>key notin (a,b)</c>, <c>key</c> (exists) and <c>!key</c> (does not exist), comma-separated (all must hold).
    /// Grammar and messages are apimachinery's <c>labels.Parse</c>; the result is built as
    /// <c>metav1.ParseToLabelSelector</c> builds it (equalities become matchLabels, the rest matchExpressions with
    /// sorted values), except that <c>key!=value</c> becomes the equivalent <c>key notin (value)</c> (which
    /// ParseToLabelSelector refuses) and a second equality on the same key becomes an <c>In</c> expression instead of
    /// silently replacing the first. <c>&gt;</c> and <c>&lt;</c> are refused, as label selectors have no such operators.
    /// </summary>
    /// <exception cref="FormatException">The text is not a valid selector; the message says why.</exception>
    public static LabelSelector Parse(string selector) =>
        TryParse(selector, out var result, out var error) ? result! : throw new FormatException(error);

    /// <summary>Like <see cref="Parse"/>, returning false and the reason instead of throwing.</summary>
    public static bool TryParse(string selector, out LabelSelector? result, out string? error)
    {
        result = null;
        if (selector is null)
        {
            throw new ArgumentNullException(nameof(selector));
        }

        if (!LabelSelectorParser.TryParse(selector, out var parsed, out error))
        {
            error = "unable to parse selector \"" + selector + "\": " + error;
            return false;
        }

        var matchLabels = new List<KeyValuePair<string, string>>();
        var expressions = new List<LabelSelectorRequirement>();
        foreach (var p in parsed)
        {
            switch (p.Operator)
            {
                case LabelSelectorParser.Op.Equals or LabelSelectorParser.Op.DoubleEquals:
                    var existing = matchLabels.FindIndex(e => e.Key == p.Key);
                    if (existing < 0)
                    {
                        matchLabels.Add(new KeyValuePair<string, string>(p.Key, p.Values[0]));
                    }
                    else if (matchLabels[existing].Value != p.Values[0])
                    {
                        expressions.Add(Expression(p.Key, LabelSelectorOperator.In, p.Values));
                    }

                    break;
                case LabelSelectorParser.Op.NotEquals or LabelSelectorParser.Op.NotIn:
                    expressions.Add(Expression(p.Key, LabelSelectorOperator.NotIn, p.Values));
                    break;
                case LabelSelectorParser.Op.In:
                    expressions.Add(Expression(p.Key, LabelSelectorOperator.In, p.Values));
                    break;
                case LabelSelectorParser.Op.Exists:
                    expressions.Add(Expression(p.Key, LabelSelectorOperator.Exists, null));
                    break;
                case LabelSelectorParser.Op.DoesNotExist:
                    expressions.Add(Expression(p.Key, LabelSelectorOperator.DoesNotExist, null));
                    break;
                default:
                    error = "unable to parse selector \"" + selector + "\": \""
                        + (p.Operator == LabelSelectorParser.Op.GreaterThan ? "gt" : "lt") + "\" isn't supported in label selectors";
                    return false;
            }
        }

        result = new LabelSelector
        {
            MatchLabels = matchLabels.Count == 0 ? null : matchLabels.ToValueMap(),
            MatchExpressions = expressions.Count == 0 ? null : expressions.ToValueList(),
        };
        return true;
    }

    private static LabelSelectorRequirement Expression(string key, LabelSelectorOperator op, IReadOnlyList<string>? values) =>
        new() { Key = key, Operator = op, Values = values?.ToValueList() };

    /// <summary>The requirements in Kubernetes' order (stable sort by key), or null when the selector cannot be converted.</summary>
    internal IReadOnlyList<SelectorRequirement>? Requirements()
    {
        if (SelectorErrors().Count > 0)
        {
            return null;
        }

        var requirements = new List<SelectorRequirement>();
        foreach (var entry in MatchLabels ?? ValueMap<string>.Empty)
        {
            requirements.Add(new SelectorRequirement(entry.Key, SelectorOperator.Equals, [entry.Value]));
        }

        foreach (var expression in MatchExpressions ?? ValueList<LabelSelectorRequirement>.Empty)
        {
            var op = expression.Operator!.Value.Known switch
            {
                LabelSelectorOperator.In => SelectorOperator.In,
                LabelSelectorOperator.NotIn => SelectorOperator.NotIn,
                LabelSelectorOperator.Exists => SelectorOperator.Exists,
                _ => SelectorOperator.DoesNotExist,
            };
            requirements.Add(new SelectorRequirement(expression.Key ?? string.Empty, op, (IReadOnlyList<string>?)expression.Values ?? []));
        }

        return requirements.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<FieldError> RequirementErrors(LabelSelectorRequirement requirement, FieldPath path)
    {
        var values = requirement.Values ?? ValueList<string>.Empty;
        switch (requirement.Operator?.Known)
        {
            case LabelSelectorOperator.In or LabelSelectorOperator.NotIn:
                if (values.Count == 0)
                {
                    yield return FieldError.Required(path.Child("values"), "must be specified when `operator` is 'In' or 'NotIn'");
                }

                break;
            case LabelSelectorOperator.Exists or LabelSelectorOperator.DoesNotExist:
                if (values.Count > 0)
                {
                    yield return FieldError.Forbidden(path.Child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                }

                break;
            default:
                yield return FieldError.NotSupported(path.Child("operator"), requirement.Operator?.Value, EnumValue<LabelSelectorOperator>.SupportedValues);
                break;
        }

        var key = requirement.Key ?? string.Empty;
        foreach (var message in Validation.NameRules.IsLabelKey(key))
        {
            yield return FieldError.Invalid(path.Child("key"), key, message);
        }

        for (var i = 0; i < values.Count; i++)
        {
            foreach (var message in Validation.NameRules.IsLabelValue(values[i]))
            {
                yield return FieldError.Invalid(path.Child("values").Index(i), values[i], message);
            }
        }
    }
}
