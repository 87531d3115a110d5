using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Evaluation.Interpretation;

/// <summary>Pattern matching: constants, relational, type and declaration, and/or/not, positional and property patterns.</summary>
internal sealed partial class Interpreter
{
    private bool Matches(PatternNode pattern, object? input, Frame frame)
    {
        Step(frame, pattern.Id);
        switch (pattern)
        {
            case DiscardPattern:
                return true;
            case ConstantPattern constant:
                return ConstantEquals(input, Eval(constant.Value, frame));
            case RelationalPattern relational:
            {
                var value = Eval(relational.Value, frame);
                if (input is null || value is null)
                {
                    return false;
                }

                var comparison = Compare(input, value, At(frame, relational.Id));
                return relational.Operation switch
                {
                    OperatorKind.LessThan => comparison < 0,
                    OperatorKind.LessThanOrEqual => comparison <= 0,
                    OperatorKind.GreaterThan => comparison > 0,
                    OperatorKind.GreaterThanOrEqual => comparison >= 0,
                    OperatorKind.NotEquals => comparison != 0,
                    _ => comparison == 0,
                };
            }

            case DeclarationPattern declaration:
            {
                var matches = declaration.MatchesNull || (input is not null && (declaration.Type is null || IsInstance(input, declaration.Type)));
                if (matches && declaration.Variable is { } variable)
                {
                    Locate(variable, frame).Set(input, At(frame, declaration.Id));
                }

                return matches;
            }

            case BinaryPattern binary:
                return binary.IsAnd
                    ? Matches(binary.Left, input, frame) && Matches(binary.Right, input, frame)
                    : Matches(binary.Left, input, frame) || Matches(binary.Right, input, frame);
            case NotPattern not:
                return !Matches(not.Pattern, input, frame);
            case RecursivePattern recursive:
                return MatchesRecursive(recursive, input, frame);
            default:
                throw new EvaluationException(At(frame, pattern.Id), "this pattern could not be evaluated", isLimitation: true);
        }
    }

    private bool MatchesRecursive(RecursivePattern recursive, object? input, Frame frame)
    {
        if (input is null || (recursive.Type is { } type && !IsInstance(input, type)))
        {
            return false;
        }

        frame.Values[recursive.Slot] = input;
        if (recursive.Deconstruction is { } how)
        {
            var parts = Parts(input, how, recursive.Positional.Count, At(frame, recursive.Id));
            for (var i = 0; i < recursive.Positional.Count; i++)
            {
                if (!Matches(recursive.Positional[i], parts[i], frame))
                {
                    return false;
                }
            }
        }

        foreach (var property in recursive.Properties)
        {
            frame.Values[recursive.Slot] = input;
            if (!Matches(property.Pattern, Eval(property.Member, frame), frame))
            {
                return false;
            }
        }

        if (recursive.Variable is { } variable)
        {
            Locate(variable, frame).Set(input, At(frame, recursive.Id));
        }

        return true;
    }

    /// <summary>A constant pattern's test: equal numbers (of the input's type), equal strings, equal enum values, null.</summary>
    private static bool ConstantEquals(object? input, object? constant)
    {
        if (input is null || constant is null)
        {
            return input is null && constant is null;
        }

        if (input is UserEnumValue userEnum)
        {
            return constant is UserEnumValue other ? userEnum.Value == other.Value : System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture) == userEnum.Value;
        }

        if (input is string text)
        {
            return constant is string s && string.Equals(text, s, StringComparison.Ordinal);
        }

        if (input.GetType() != constant.GetType() && Runtime.NumericConversion.IsNumeric(input.GetType()) && Runtime.NumericConversion.IsNumeric(constant.GetType()))
        {
            return Equals(input, Runtime.NumericConversion.Convert(constant, input.GetType(), isChecked: false));
        }

        return Equals(input, constant);
    }

    private static int Compare(object left, object right, SourceRef at)
    {
        if (left is UserEnumValue a && right is UserEnumValue b)
        {
            return a.Value.CompareTo(b.Value);
        }

        if (left.GetType() != right.GetType() && Runtime.NumericConversion.IsNumeric(left.GetType()) && Runtime.NumericConversion.IsNumeric(right.GetType()))
        {
            right = Runtime.NumericConversion.Convert(right, left.GetType(), isChecked: false);
        }

        return left is IComparable comparable
            ? comparable.CompareTo(right)
            : throw new EvaluationException(at, "values of type " + left.GetType().Name + " cannot be compared", isLimitation: true);
    }
}
