using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>Values built in place: objects with initializers, <c>with</c>, arrays, collection expressions, tuples, anonymous objects.</summary>
internal sealed partial class FunctionLowerer
{
    private ExpressionNode LowerObjectCreation(IObjectCreationOperation creation)
    {
        var id = NewId(creation);
        if (creation.Type is not INamedTypeSymbol type || TypeOf(type) is not { } typeRef)
        {
            return Fail(creation, UnavailableType(creation.Type));
        }

        var constructor = creation.Constructor;
        var slot = state.Scope.Temporary();
        if (IsUser(type))
        {
            UseType(type);
            var userConstructor = constructor is null ? null : Call(constructor);
            var userArguments = constructor is null ? EquatableArray<ExpressionNode>.Empty : LowerArguments(creation.Arguments, constructor);
            return new NewObjectNode(id, typeRef, null, userConstructor, userArguments, slot, LowerInitializer(creation.Initializer, slot));
        }

        if (type.TypeKind == TypeKind.Delegate)
        {
            return Fail(creation, "creating a delegate with new is not evaluated; use a lambda");
        }

        MethodRef? constructorRef = null;
        var arguments = EquatableArray<ExpressionNode>.Empty;
        if (constructor is not null)
        {
            if (ExternalApis.WhyNotEvaluated(constructor) is { } refused)
            {
                return Fail(creation, refused);
            }

            constructorRef = TypeRefs.From(constructor);
            if (constructorRef is null)
            {
                return Fail(creation, "'" + constructor.ToDisplayString() + "' uses types that cannot exist at compile time");
            }

            arguments = LowerArguments(creation.Arguments, constructor);
        }

        return new NewObjectNode(id, typeRef, constructorRef, null, arguments, slot, LowerInitializer(creation.Initializer, slot));
    }

    /// <summary>Object and collection initializers, run with the new object in <paramref name="slot"/>.</summary>
    private EquatableArray<StatementNode> LowerInitializer(IObjectOrCollectionInitializerOperation? initializer, int slot)
    {
        if (initializer is null)
        {
            return EquatableArray<StatementNode>.Empty;
        }

        return WithReceiver(slot, () =>
        {
            var statements = new List<StatementNode>();
            foreach (var item in initializer.Initializers)
            {
                if (item is IMemberInitializerOperation member)
                {
                    // Inner = { X = 1 }: initialize the object the member already holds.
                    var innerSlot = state.Scope.Temporary();
                    var read = Lower(member.InitializedMember);
                    statements.Add(new ExpressionStatementNode(NewId(member), new AssignNode(Implicit(), new VariableTarget(Implicit(), 0, innerSlot), read)));
                    statements.AddRange(LowerInitializer(member.Initializer, innerSlot));
                }
                else
                {
                    statements.Add(LowerStatementOrExpression(item));
                }
            }

            return statements.ToEquatableArray();
        });
    }

    private ExpressionNode LowerAnonymousObject(IAnonymousObjectCreationOperation anonymous)
    {
        var id = NewId(anonymous);
        var names = new List<string>();
        var values = new List<ExpressionNode>();
        foreach (var initializer in anonymous.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property, Value: var value })
            {
                names.Add(property.Property.Name);
                values.Add(Lower(value));
            }
            else
            {
                values.Add(Fail(initializer, "this anonymous type member is not evaluated"));
            }
        }

        return new AnonymousObjectNode(id, names.ToEquatableArray(), values.ToEquatableArray());
    }

    private ExpressionNode LowerWith(IWithOperation with)
    {
        var id = NewId(with);
        var operand = Lower(with.Operand);
        var slot = state.Scope.Temporary();
        MethodRef? clone = null;
        if (with.Operand.Type is { } type && !IsUser(type) && !type.IsValueType && with.CloneMethod is { } cloneMethod)
        {
            clone = TypeRefs.From(cloneMethod);
            if (clone is null)
            {
                return Fail(with, "values of type '" + type.ToDisplayString() + "' cannot be copied at compile time");
            }
        }
        else
        {
            UseType(with.Operand.Type);
        }

        return new WithNode(id, operand, clone, slot, LowerInitializer(with.Initializer, slot));
    }

    private ExpressionNode LowerArray(IArrayCreationOperation array)
    {
        var id = NewId(array);
        if (array.Type is not IArrayTypeSymbol { Rank: 1 } arrayType)
        {
            return Fail(array, "only one-dimensional arrays are evaluated");
        }

        if (TypeOf(arrayType.ElementType) is not { } element)
        {
            return Fail(array, UnavailableType(arrayType.ElementType));
        }

        return array.Initializer is null
            ? new SizedArrayNode(id, element, Lower(array.DimensionSizes[0]))
            : new ArrayNode(id, element, array.Initializer.ElementValues.Select(Lower).ToEquatableArray());
    }

    private ExpressionNode LowerArrayElement(IArrayElementReferenceOperation element)
    {
        var id = NewId(element);
        return element.Indices.Length != 1
            ? Fail(element, "only one-dimensional arrays are evaluated")
            : new ArrayElementNode(id, Lower(element.ArrayReference), Lower(element.Indices[0]));
    }

    private ExpressionNode LowerCollection(ICollectionExpressionOperation collection)
    {
        var id = NewId(collection);
        var (shape, elementType, add) = CollectionShapeOf(collection.Type);
        if (shape is null || elementType is null || TypeOf(collection.Type) is not { } type)
        {
            return Fail(collection, "collection expressions are evaluated where an array, List<T>, IEnumerable<T>, IReadOnlyList<T> or a collection with Add is expected, not '" + collection.Type?.ToDisplayString() + "'");
        }

        if (TypeOf(elementType) is not { } element)
        {
            return Fail(collection, UnavailableType(elementType));
        }

        var items = new List<CollectionElement>();
        foreach (var item in collection.Elements)
        {
            items.Add(item is ISpreadOperation spread ? new CollectionElement(Lower(spread.Operand), true) : new CollectionElement(Lower(item), false));
        }

        return new CollectionNode(id, shape.Value, type, element, add, items.ToEquatableArray());
    }

    private (CollectionShape? Shape, ITypeSymbol? Element, MethodRef? Add) CollectionShapeOf(ITypeSymbol? type)
    {
        switch (type)
        {
            case IArrayTypeSymbol { Rank: 1 } array:
                return (CollectionShape.Array, array.ElementType, null);
            case INamedTypeSymbol { TypeKind: TypeKind.Interface, TypeArguments.Length: 1 } sequence:
                return sequence.ConstructedFrom.SpecialType switch
                {
                    SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_Generic_IReadOnlyList_T
                        or SpecialType.System_Collections_Generic_IReadOnlyCollection_T => (CollectionShape.Array, sequence.TypeArguments[0], null),
                    SpecialType.System_Collections_Generic_IList_T or SpecialType.System_Collections_Generic_ICollection_T => (CollectionShape.List, sequence.TypeArguments[0], null),
                    _ => (null, null, null),
                };
            case INamedTypeSymbol { Name: "List", TypeArguments.Length: 1 } list when TypeRefs.IsFramework(list):
                return (CollectionShape.List, list.TypeArguments[0], null);
            case INamedTypeSymbol named when TypeRefs.IsFramework(named) || TypeRefs.IsDsl(named):
            {
                var add = named.GetMembers("Add").OfType<IMethodSymbol>().FirstOrDefault(m => !m.IsStatic && m.Parameters.Length == 1);
                var hasConstructor = named.InstanceConstructors.Any(c => c.Parameters.IsEmpty && c.DeclaredAccessibility == Accessibility.Public);
                return add is not null && hasConstructor && TypeRefs.From(add) is { } addRef
                    ? (CollectionShape.Added, add.Parameters[0].Type, addRef)
                    : (null, null, null);
            }

            default:
                return (null, null, null);
        }
    }

    private ExpressionNode LowerTuple(ITupleOperation tuple)
    {
        var id = NewId(tuple);
        var type = tuple.Type ?? tuple.NaturalType;
        if (type is null || TypeOf(type) is not { } typeRef)
        {
            return Fail(tuple, "the tuple has no type that compile-time evaluation can create");
        }

        return new TupleNode(id, typeRef, tuple.Elements.Select(Lower).ToEquatableArray());
    }
}
