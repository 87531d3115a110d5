using System.Collections;
using StatefulManifests.Generators.Evaluation.Runtime;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Evaluation.Interpretation;

/// <summary>
/// Expressions. <see cref="Eval(ExpressionNode, Frame, out SourceRef)"/> also says where the value was written:
/// variables, fields, conversions, conditionals and calls pass their value's origin through, so a value handed down
/// through parameters still points at the caller's argument; anything computed points at the computing node.
/// </summary>
internal sealed partial class Interpreter
{
    private object? Eval(ExpressionNode node, Frame frame) => Eval(node, frame, out _);

    private object? Eval(ExpressionNode node, Frame frame, out SourceRef origin)
    {
        Step(frame, node.Id);
        origin = At(frame, node.Id);
        switch (node)
        {
            case ConstantNode constant:
                return Constant(constant, frame);
            case VariableNode variable:
            {
                var owner = frame.Up(variable.Depth);
                if (owner.Origins[variable.Slot].IsKnown)
                {
                    origin = owner.Origins[variable.Slot];
                }

                return owner.Values[variable.Slot];
            }

            case ThisNode self:
                return frame.Up(self.Depth).This ?? throw new EvaluationException(origin, "'this' has no value here");
            case ConversionNode conversion:
            {
                var operand = Eval(conversion.Operand, frame, out var operandOrigin);
                origin = operandOrigin;
                return Convert(conversion, operand, frame);
            }

            case ConditionalNode conditional:
                return IsTrue(Eval(conditional.Condition, frame), frame, conditional.Id)
                    ? Eval(conditional.WhenTrue, frame, out origin)
                    : Eval(conditional.WhenFalse, frame, out origin);
            case CoalesceNode coalesce:
                return Eval(coalesce.Value, frame, out origin) ?? Eval(coalesce.WhenNull, frame, out origin);
            case ConditionalAccessNode access:
            {
                var operand = Eval(access.Operand, frame);
                if (operand is null)
                {
                    return null;
                }

                frame.Values[access.Slot] = operand;
                return Eval(access.WhenNotNull, frame, out origin);
            }

            case AssignNode assign:
            {
                var location = Locate(assign.Target, frame);
                var value = Eval(assign.Value, frame, out origin);
                location.Set(value, origin);
                return value;
            }

            case CompoundAssignNode compound:
            {
                var location = Locate(compound.Target, frame);
                var result = Operate(compound.Operator, location.Get(), () => Eval(compound.Value, frame), frame, compound.Id);
                result = SameWidth(result, location.Get());
                location.Set(result, origin);
                return result;
            }

            case CoalesceAssignNode coalesceAssign:
            {
                var location = Locate(coalesceAssign.Target, frame);
                var current = location.Get();
                if (current is not null)
                {
                    return current;
                }

                var value = Eval(coalesceAssign.Value, frame, out origin);
                location.Set(value, origin);
                return value;
            }

            case IncrementNode increment:
            {
                var location = Locate(increment.Target, frame);
                var old = location.Get();
                var updated = SameWidth(Increment(increment.Operator, old, frame, increment.Id), old);
                location.Set(updated, origin);
                return increment.Postfix ? old : updated;
            }

            case BinaryNode binary:
                return Binary(binary, frame);
            case UnaryNode unary:
                return Operate(unary.Operator, Eval(unary.Operand, frame), null, frame, unary.Id);
            case IsPatternNode isPattern:
                return Matches(isPattern.Pattern, Eval(isPattern.Value, frame), frame);
            case SwitchExpressionNode switchExpression:
                return SwitchExpression(switchExpression, frame, out origin);
            case CallNode call:
                return Call(call, frame);
            case UserCallNode userCall:
                return UserCall(userCall, frame, out origin);
            case LocalFunctionCallNode localCall:
                return LocalCall(localCall, frame, out origin);
            case DelegateInvokeNode invoke:
                return InvokeDelegate(invoke, frame, out origin);
            case LambdaNode lambda:
                return new Closure(this, Function(lambda.Function, origin), frame).ToDelegate(Resolve(lambda.DelegateType, origin));
            case MethodGroupNode group:
                return MethodGroup(group, frame);
            case NewObjectNode creation:
                return NewObject(creation, frame);
            case WithNode with:
                return With(with, frame);
            case ArrayNode array:
                return NewArray(array, frame);
            case SizedArrayNode sized:
                return Array.CreateInstance(Resolve(sized.ElementType, origin), (int)System.Convert.ToInt64(Eval(sized.Size, frame), System.Globalization.CultureInfo.InvariantCulture));
            case CollectionNode collection:
                return NewCollection(collection, frame);
            case TupleNode tuple:
                return NewTuple(Resolve(tuple.TupleType, origin), tuple.Items.Select(i => Eval(i, frame)).ToArray(), origin);
            case ConcatNode concat:
            {
                var sb = new System.Text.StringBuilder();
                foreach (var part in concat.Parts)
                {
                    sb.Append(part is FormatNode ? (string?)Eval(part, frame) : ValueConversion.Text(Eval(part, frame)));
                }

                return sb.ToString();
            }

            case FormatNode format:
                return ValueConversion.Text(Eval(format.Value, frame), format.Alignment, format.Format);
            case FieldNode field:
            {
                var instance = Instance(Eval(field.Instance, frame), origin, field.Field);
                var index = instance.Type.IndexOf(field.Field);
                if (instance.Origins[index].IsKnown)
                {
                    origin = instance.Origins[index];
                }

                return instance.Values[index];
            }

            case TupleItemNode item:
                return TupleItem(Eval(item.Instance, frame) ?? throw new EvaluationException(origin, "the tuple is null"), item.Index);
            case ExternalFieldNode external:
                return ExternalField(external, frame, origin);
            case StaticValueNode staticValue:
                return StaticValue(staticValue, origin, out origin);
            case ArrayElementNode element:
                return ArrayElement(element, frame, origin);
            case DefaultNode defaultValue:
                return DefaultOf(defaultValue.Type);
            case ThrowNode throwNode:
                throw new EvaluationException(origin, "the code throws " + throwNode.ExceptionType +
                    (throwNode.Message is null ? string.Empty : ": " + ValueConversion.Text(Eval(throwNode.Message, frame))));
            case DeconstructNode deconstruct:
            {
                var value = Eval(deconstruct.Value, frame);
                AssignParts(deconstruct.Targets, value, deconstruct.How, frame, deconstruct.Id);
                return value;
            }

            case AnonymousObjectNode anonymous:
                return NewAnonymous(anonymous, frame);
            case UserEnumHelperNode helper:
                return UserEnumHelper(helper, frame, origin);
            case OutArgumentNode:
                throw new EvaluationException(origin, "an out argument outside a call");
            default:
                throw new EvaluationException(origin, "this expression could not be evaluated", isLimitation: true);
        }
    }

    private object? Constant(ConstantNode constant, Frame frame)
    {
        if (constant.Type is null || constant.Value is null)
        {
            return constant.Value;
        }

        if (IsUserEnum(constant.Type, out var enumType))
        {
            return new UserEnumValue(enumType!, System.Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return constant.Type.IsUser ? constant.Value : Convert(constant.Value, Resolve(constant.Type, At(frame, constant.Id)), At(frame, constant.Id));
    }

    private object? SwitchExpression(SwitchExpressionNode switchExpression, Frame frame, out SourceRef origin)
    {
        var value = Eval(switchExpression.Value, frame);
        foreach (var arm in switchExpression.Arms)
        {
            if (Matches(arm.Pattern, value, frame) && (arm.Guard is null || IsTrue(Eval(arm.Guard, frame), frame, switchExpression.Id)))
            {
                return Eval(arm.Value, frame, out origin);
            }
        }

        throw new EvaluationException(At(frame, switchExpression.Id), "no arm of the switch expression matches " + Describe(value) + " (SwitchExpressionException at run time)");
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        _ => ValueConversion.Text(value),
    };

    private static UserObject Instance(object? value, SourceRef at, string member) =>
        value as UserObject ?? throw new EvaluationException(at, value is null
            ? "reading '" + member + "' of null (NullReferenceException at run time)"
            : "'" + member + "' is read from a value that is not an object of this project");

    private object? ExternalField(ExternalFieldNode external, Frame frame, SourceRef at)
    {
        var type = Resolve(external.Type, at);
        var field = RuntimeTypes.Field(type, external.Field) ?? throw new EvaluationException(at, "the field " + type.Name + "." + external.Field + " is not available", isLimitation: true);
        var instance = external.Instance is null ? null : Eval(external.Instance, frame);
        return field.GetValue(instance);
    }

    private object? StaticValue(StaticValueNode node, SourceRef at, out SourceRef origin)
    {
        if (statics.TryGetValue(node.Initializer, out var known))
        {
            origin = known.Origin.IsKnown ? known.Origin : at;
            return known.Value;
        }

        if (!staticsInProgress.Add(node.Initializer))
        {
            throw new EvaluationException(at, "the static initializers refer to each other in a cycle");
        }

        try
        {
            var value = Invoke(Function(node.Initializer, at), null, null, [], null, out var written);
            statics[node.Initializer] = (value, written);
            origin = at;
            return value;
        }
        finally
        {
            staticsInProgress.Remove(node.Initializer);
        }
    }

    private object? ArrayElement(ArrayElementNode element, Frame frame, SourceRef at)
    {
        var array = Eval(element.Array, frame) as Array ?? throw new EvaluationException(at, "indexing null (NullReferenceException at run time)");
        var index = System.Convert.ToInt64(Eval(element.Index, frame), System.Globalization.CultureInfo.InvariantCulture);
        if (index < 0 || index >= array.Length)
        {
            throw new EvaluationException(at, "index " + index + " is outside the array of " + array.Length + " (IndexOutOfRangeException at run time)");
        }

        return array.GetValue(index);
    }

    private static object? TupleItem(object tuple, int index)
    {
        while (index >= 7)
        {
            tuple = tuple.GetType().GetField("Rest")!.GetValue(tuple)!;
            index -= 7;
        }

        return tuple.GetType().GetField("Item" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))!.GetValue(tuple);
    }

    /// <summary>Creates a ValueTuple of <paramref name="type"/> from flat items (nesting the eighth and later in Rest).</summary>
    private static object NewTuple(Type type, object?[] items, SourceRef at)
    {
        var arguments = type.GetGenericArguments();
        var values = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = i == 7 && arguments.Length == 8
                ? NewTuple(arguments[7], items.Skip(7).ToArray(), at)
                : ConvertStatic(items[i], arguments[i], at);
        }

        return Activator.CreateInstance(type, values)!;
    }

    private Type Resolve(TypeRef type, SourceRef at) =>
        RuntimeTypes.Resolve(type) ?? throw new EvaluationException(at, "the type " + type + " is not available at compile time", isLimitation: true);

    /// <summary>Splits a value into parts (tuple items, a record's positions, a Deconstruct method) and assigns them.</summary>
    private void AssignParts(IReadOnlyList<TargetNode> targets, object? value, DeconstructPlan how, Frame frame, int node)
    {
        var parts = Parts(value, how, targets.Count, At(frame, node));
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i] is DeconstructTarget nested)
            {
                AssignParts(nested.Targets, parts[i], nested.How, frame, nested.Id);
            }
            else
            {
                Locate(targets[i], frame).Set(parts[i], At(frame, node));
            }
        }
    }

    private object?[] Parts(object? value, DeconstructPlan how, int count, SourceRef at)
    {
        if (value is null)
        {
            throw new EvaluationException(at, "deconstructing null (NullReferenceException at run time)");
        }

        switch (how.Kind)
        {
            case DeconstructKind.Tuple:
                return Enumerable.Range(0, count).Select(i => TupleItem(value, i)).ToArray();
            case DeconstructKind.UserRecord when value is UserObject record:
                return record.Type.Plan.Positional.Select(p => record.Get(p)).ToArray();
            case DeconstructKind.Method when how.Method is { } methodRef && RuntimeTypes.Resolve(methodRef) is System.Reflection.MethodInfo method:
            {
                var arguments = new object?[count];
                method.Invoke(value, arguments);
                return arguments;
            }

            default:
                throw new EvaluationException(at, "a value of type " + ValueConversion.TypeName(value) + " cannot be deconstructed at compile time", isLimitation: true);
        }
    }

    private object NewAnonymous(AnonymousObjectNode anonymous, Frame frame)
    {
        var key = Planning.Lowering.TypeRefs.AnonymousTypeKey + "(" + string.Join(",", anonymous.Fields) + ")";
        if (!types.TryGetValue(key, out var type))
        {
            var plan = new UserTypePlan(Planning.Lowering.TypeRefs.AnonymousTypeKey, "<anonymous type>", UserTypeKind.Record, null,
                Helpers.EquatableArray<string>.Empty, anonymous.Fields, anonymous.Fields.Select(_ => TypeRef.Object).ToEquatableArray(),
                Helpers.EquatableArray<PrintedMember>.Empty, Helpers.EquatableArray<string>.Empty, Helpers.EquatableArray<DispatchEntry>.Empty,
                Helpers.EquatableArray<EnumMemberPlan>.Empty, false);
            type = new UserType(plan, null);
            types[key] = type;
        }

        var result = new UserObject(type, this);
        for (var i = 0; i < anonymous.Values.Count; i++)
        {
            result.Values[i] = Eval(anonymous.Values[i], frame, out var origin);
            result.Origins[i] = origin;
        }

        return result;
    }

    private object? UserEnumHelper(UserEnumHelperNode helper, Frame frame, SourceRef at)
    {
        var type = Type(helper.EnumType);
        var arguments = helper.Arguments.Select(a => Eval(a, frame)).ToArray();
        var members = type.Plan.EnumMembers;
        switch (helper.Method)
        {
            case "GetValues":
                return members.Select(m => (object)new UserEnumValue(type, m.Value)).Distinct().ToArray();
            case "GetNames":
                return members.Select(m => m.Name).ToArray();
            case "GetName":
                return arguments[0] is UserEnumValue named ? members.FirstOrDefault(m => m.Value == named.Value)?.Name : null;
            case "IsDefined":
                return arguments[0] is UserEnumValue defined && members.Any(m => m.Value == defined.Value);
            case "Parse":
            {
                var text = (arguments[0] as string ?? throw new EvaluationException(at, "Enum.Parse of null")).Trim();
                var ignoreCase = arguments.Length > 1 && arguments[1] is true;
                var member = members.FirstOrDefault(m => string.Equals(m.Name, text, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
                if (member is not null)
                {
                    return new UserEnumValue(type, member.Value);
                }

                return long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
                    ? new UserEnumValue(type, number)
                    : throw new EvaluationException(at, "'" + text + "' is not a member of " + type.DisplayName + " (ArgumentException at run time)");
            }

            default:
                throw new EvaluationException(at, "Enum." + helper.Method + " is not evaluated", isLimitation: true);
        }
    }

    /// <summary>Keeps a compound assignment's or increment's result in the variable's type (<c>byte b; b += 1</c>).</summary>
    private static object? SameWidth(object? result, object? old) =>
        result is not null && old is not null && result.GetType() != old.GetType() && NumericConversion.IsNumeric(old.GetType()) && NumericConversion.IsNumeric(result.GetType())
            ? NumericConversion.Convert(result, old.GetType(), isChecked: false)
            : result;

    private static IEnumerable AsSequence(object? value, SourceRef at) =>
        value as IEnumerable ?? throw new EvaluationException(at, value is null ? "enumerating null" : "a value of type " + ValueConversion.TypeName(value) + " is not a sequence");
}
