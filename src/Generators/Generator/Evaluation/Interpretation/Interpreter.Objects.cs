using System.Collections;
using System.Reflection;
using StatefulManifests.Generators.Evaluation.Runtime;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Evaluation.Interpretation;

/// <summary>Creating values: user and framework objects with initializers, <c>with</c>, arrays and collection expressions.</summary>
internal sealed partial class Interpreter
{
    private object? NewObject(NewObjectNode creation, Frame frame)
    {
        var at = At(frame, creation.Id);
        object? created;
        if (creation.Type.IsUser)
        {
            var user = new UserObject(Type(creation.Type.MetadataName), this);
            if (creation.UserConstructor is { } constructor && functions.TryGetValue(constructor, out var function))
            {
                var (arguments, origins) = Arguments(creation.Arguments, frame);
                Enter(at, (out SourceRef returned) => Invoke(function, null, user, arguments, origins, out returned), out _);
            }

            created = user;
        }
        else
        {
            var type = Resolve(creation.Type, at);
            if (creation.Constructor is null)
            {
                created = DefaultOfClr(type);
            }
            else
            {
                var constructor = RuntimeTypes.Resolve(creation.Constructor) ?? throw new EvaluationException(at, "'" + creation.Constructor + "' is not available", isLimitation: true);
                var parameters = RuntimeTypes.ParametersOf(constructor);
                var arguments = creation.Arguments.Select((a, i) => Convert(Eval(a, frame), parameters[i], At(frame, a.Id))).ToArray();
                created = InvokeMember(constructor, null, arguments, at);
            }
        }

        return Initialize(created, creation.Slot, creation.Initializers, frame);
    }

    /// <summary>Runs object and collection initializers with the object in a slot; returns the (possibly boxed struct) object.</summary>
    private object? Initialize(object? created, int slot, IReadOnlyList<StatementNode> initializers, Frame frame)
    {
        if (initializers.Count == 0)
        {
            return created;
        }

        frame.Values[slot] = created;
        foreach (var initializer in initializers)
        {
            Execute(initializer, frame);
        }

        return frame.Values[slot];
    }

    private object? With(WithNode with, Frame frame)
    {
        var at = At(frame, with.Id);
        var operand = Eval(with.Operand, frame) ?? throw new EvaluationException(at, "'with' on null (NullReferenceException at run time)");
        object copy;
        if (operand is UserObject user)
        {
            copy = user.Copy();
        }
        else if (with.CloneMethod is { } cloneRef)
        {
            var clone = RuntimeTypes.Resolve(cloneRef) ?? throw new EvaluationException(at, "the record cannot be copied at compile time", isLimitation: true);
            copy = InvokeMember(clone, operand, [], at)!;
        }
        else
        {
            // A struct: boxing again copies it.
            copy = System.Runtime.CompilerServices.RuntimeHelpers.GetObjectValue(operand)!;
        }

        return Initialize(copy, with.Slot, with.Initializers, frame);
    }

    private Array NewArray(ArrayNode array, Frame frame)
    {
        var at = At(frame, array.Id);
        var element = Resolve(array.ElementType, at);
        var result = Array.CreateInstance(element, array.Items.Count);
        for (var i = 0; i < array.Items.Count; i++)
        {
            result.SetValue(CopyIfStruct(Convert(Eval(array.Items[i], frame), element, At(frame, array.Items[i].Id))), i);
        }

        return result;
    }

    private object NewCollection(CollectionNode collection, Frame frame)
    {
        var at = At(frame, collection.Id);
        var element = Resolve(collection.ElementType, at);
        var items = new List<object?>();
        foreach (var item in collection.Elements)
        {
            var value = Eval(item.Value, frame);
            if (item.Spread)
            {
                foreach (var spread in AsSequence(value, At(frame, item.Value.Id)))
                {
                    items.Add(Convert(spread, element, at));
                }
            }
            else
            {
                items.Add(Convert(value, element, At(frame, item.Value.Id)));
            }
        }

        switch (collection.Shape)
        {
            case CollectionShape.Array:
            {
                var array = Array.CreateInstance(element, items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    array.SetValue(items[i], i);
                }

                return array;
            }

            case CollectionShape.List:
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
                foreach (var item in items)
                {
                    list.Add(item);
                }

                return list;
            }

            default:
            {
                var type = Resolve(collection.Type, at);
                var result = Activator.CreateInstance(type)!;
                var add = RuntimeTypes.Resolve(collection.Add!) as MethodInfo ?? throw new EvaluationException(at, "the collection's Add is not available", isLimitation: true);
                foreach (var item in items)
                {
                    InvokeMember(add, result, [item], at);
                }

                return result;
            }
        }
    }
}
