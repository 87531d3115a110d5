using System.Reflection;
using StatefulManifests.Generators.Evaluation.Runtime;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Evaluation.Interpretation;

/// <summary>
/// Assignment targets, evaluated once into a <see cref="Location"/> (its instance and index computed before the value,
/// as C# does), then read and written — which is what compound assignments and increments need.
/// </summary>
internal sealed partial class Interpreter
{
    private Location Locate(TargetNode target, Frame frame)
    {
        var at = At(frame, target.Id);
        switch (target)
        {
            case VariableTarget variable:
                return new VariableLocation(frame.Up(variable.Depth), variable.Slot);
            case FieldTarget field:
            {
                var instance = Instance(Eval(field.Instance, frame), at, field.Field);
                return new FieldLocation(instance, instance.Type.IndexOf(field.Field));
            }

            case UserPropertyTarget property:
            {
                var instance = property.Instance is null ? null : Eval(property.Instance, frame);
                return new UserPropertyLocation(this, instance, Function(property.Setter, at), property.Getter is null ? null : Function(property.Getter, at), at);
            }

            case ArrayElementTarget element:
            {
                var array = Eval(element.Array, frame) as Array ?? throw new EvaluationException(at, "indexing null (NullReferenceException at run time)");
                var index = System.Convert.ToInt64(Eval(element.Index, frame), System.Globalization.CultureInfo.InvariantCulture);
                if (index < 0 || index >= array.Length)
                {
                    throw new EvaluationException(at, "index " + index + " is outside the array of " + array.Length + " (IndexOutOfRangeException at run time)");
                }

                return new ArrayLocation(array, index, at);
            }

            case ExternalPropertyTarget external:
            {
                var instance = external.Instance is null ? null : Eval(external.Instance, frame);
                var setter = RuntimeTypes.Resolve(external.Setter) ?? throw new EvaluationException(at, "'" + external.Setter + "' is not available", isLimitation: true);
                var getter = external.Getter is null ? null : RuntimeTypes.Resolve(external.Getter);
                var parameters = RuntimeTypes.ParametersOf(setter);
                var arguments = external.Arguments.Select((a, i) => Convert(Eval(a, frame), parameters[i], at)).ToArray();
                return new ExternalLocation(instance, arguments, setter, getter, parameters[parameters.Length - 1], at);
            }

            case DiscardTarget:
                return DiscardLocation.Instance;
            default:
                throw new EvaluationException(at, "this assignment target could not be evaluated", isLimitation: true);
        }
    }

    /// <summary>An evaluated assignment target.</summary>
    private abstract class Location
    {
        public abstract object? Get();

        public abstract void Set(object? value, SourceRef origin);
    }

    private sealed class VariableLocation(Frame frame, int slot) : Location
    {
        public override object? Get() => frame.Values[slot];

        public override void Set(object? value, SourceRef origin)
        {
            frame.Values[slot] = CopyIfStruct(value);
            frame.Origins[slot] = origin;
        }
    }

    private sealed class FieldLocation(UserObject instance, int index) : Location
    {
        public override object? Get() => instance.Values[index];

        public override void Set(object? value, SourceRef origin)
        {
            instance.Values[index] = CopyIfStruct(value);
            instance.Origins[index] = origin;
        }
    }

    private sealed class UserPropertyLocation(Interpreter interpreter, object? instance, FunctionPlan setter, FunctionPlan? getter, SourceRef at) : Location
    {
        public override object? Get() => getter is null
            ? throw new EvaluationException(at, "the property has no getter")
            : interpreter.Invoke(getter, null, instance, [], null, out _);

        public override void Set(object? value, SourceRef origin) => interpreter.Invoke(setter, null, instance, [value], [origin], out _);
    }

    private sealed class ArrayLocation(Array array, long index, SourceRef at) : Location
    {
        public override object? Get() => array.GetValue(index);

        public override void Set(object? value, SourceRef origin) =>
            array.SetValue(CopyIfStruct(ConvertStatic(value, array.GetType().GetElementType()!, at)), index);
    }

    private sealed class ExternalLocation(object? instance, object?[] arguments, MethodBase setter, MethodBase? getter, Type valueType, SourceRef at) : Location
    {
        public override object? Get() => getter is null
            ? throw new EvaluationException(at, "the property has no getter")
            : InvokeMember(getter, instance, arguments, at);

        public override void Set(object? value, SourceRef origin) =>
            InvokeMember(setter, instance, arguments.Append(ConvertStatic(value, valueType, at)).ToArray(), at);
    }

    private sealed class DiscardLocation : Location
    {
        public static readonly DiscardLocation Instance = new();

        public override object? Get() => null;

        public override void Set(object? value, SourceRef origin)
        {
        }
    }
}
