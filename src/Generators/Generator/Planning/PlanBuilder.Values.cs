using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StatefulManifests.Generators.Evaluation;
using StatefulManifests.Generators.Helpers;

namespace StatefulManifests.Generators.Planning;

/// <summary>Values: constants, conversions, strings, arrays, collection expressions, tuples and defaults.</summary>
internal sealed partial class PlanBuilder
{
    private PlanNode LowerConstant(IOperation operation)
    {
        // Roslyn has already folded literals, const fields and locals, nameof, enum members and constant strings.
        var value = operation.ConstantValue.Value;
        if (operation.Type is null)
        {
            return new ConstantNode(NewId(operation), null, value);
        }

        return TypeOf(operation.Type) is { } type
            ? new ConstantNode(NewId(operation), type, value)
            : Fail(operation, UnavailableType(operation.Type));
    }

    private PlanNode LowerDefault(IDefaultValueOperation operation) =>
        TypeOf(operation.Type) is { } type
            ? new ConstantNode(NewId(operation), type, null)
            : Fail(operation, UnavailableType(operation.Type));

    private PlanNode LowerConversion(IConversionOperation conversion)
    {
        if (conversion.Operand is IAnonymousFunctionOperation or IMethodReferenceOperation)
        {
            return LowerDelegate(conversion, conversion.Operand, conversion.Type);
        }

        var id = NewId(conversion);
        if (TypeOf(conversion.Type) is not { } target)
        {
            return Fail(conversion, UnavailableType(conversion.Type));
        }

        MethodRef? userOperator = null;
        if (conversion.OperatorMethod is { } method)
        {
            if (!TypeRefs.IsDsl(method) || DslMethod(method) is not { } resolved)
            {
                return Fail(conversion, "the conversion operator '" + method.ToDisplayString() + "' is not part of the StatefulManifests DSL");
            }

            userOperator = resolved;
        }

        return new ConversionNode(id, Lower(conversion.Operand), target, userOperator);
    }

    private PlanNode LowerInterpolation(IInterpolatedStringOperation interpolation)
    {
        var id = NewId(interpolation);
        var parts = new List<PlanNode>();
        foreach (var part in interpolation.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation text:
                    parts.Add(Lower(text.Text));
                    break;
                case IInterpolationOperation hole:
                    var holeId = NewId(hole);
                    var alignment = hole.Alignment?.ConstantValue is { HasValue: true, Value: int a } ? a : (int?)null;
                    var format = hole.FormatString?.ConstantValue is { HasValue: true, Value: string f } ? f : null;
                    parts.Add(new FormatNode(holeId, Lower(hole.Expression), alignment, format));
                    break;
                default:
                    parts.Add(Fail(part, "this part of an interpolated string is not evaluated"));
                    break;
            }
        }

        return new ConcatNode(id, parts.ToEquatableArray());
    }

    private PlanNode LowerConcatenation(IBinaryOperation concat)
    {
        var id = NewId(concat);
        var parts = new List<PlanNode>();
        Flatten(concat);
        return new ConcatNode(id, parts.ToEquatableArray());

        void Flatten(IOperation operation)
        {
            if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String, ConstantValue.HasValue: false } inner)
            {
                Flatten(inner.LeftOperand);
                Flatten(inner.RightOperand);
            }
            else
            {
                parts.Add(Lower(operation));
            }
        }
    }

    private PlanNode LowerArray(IArrayCreationOperation array)
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

        if (array.Initializer is null)
        {
            return array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 }
                ? new ArrayNode(id, element, EquatableArray<PlanNode>.Empty)
                : Fail(array, "arrays must list their elements (new[] { ... })");
        }

        return new ArrayNode(id, element, array.Initializer.ElementValues.Select(Lower).ToEquatableArray());
    }

    private PlanNode LowerCollection(ICollectionExpressionOperation collection)
    {
        var id = NewId(collection);
        var elementType = collection.Type switch
        {
            IArrayTypeSymbol { Rank: 1 } array => array.ElementType,
            INamedTypeSymbol { TypeKind: TypeKind.Interface, TypeArguments.Length: 1 } sequence when IsArrayInterface(sequence) => sequence.TypeArguments[0],
            _ => null,
        };
        if (elementType is null)
        {
            return Fail(collection, "collection expressions are evaluated only where an array or IEnumerable<T>/IReadOnlyList<T> is expected");
        }

        if (TypeOf(elementType) is not { } element)
        {
            return Fail(collection, UnavailableType(elementType));
        }

        var items = new List<PlanNode>();
        foreach (var item in collection.Elements)
        {
            items.Add(item is ISpreadOperation ? Fail(item, "spread elements (..) are not evaluated") : Lower(item));
        }

        return new ArrayNode(id, element, items.ToEquatableArray());
    }

    private static bool IsArrayInterface(INamedTypeSymbol type) =>
        type.ConstructedFrom.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T
            or SpecialType.System_Collections_Generic_IReadOnlyList_T
            or SpecialType.System_Collections_Generic_IReadOnlyCollection_T
            or SpecialType.System_Collections_Generic_IList_T
            or SpecialType.System_Collections_Generic_ICollection_T;

    private PlanNode LowerTuple(ITupleOperation tuple)
    {
        var id = NewId(tuple);
        if (tuple.Type is null || TypeOf(tuple.Type) is not { } type)
        {
            return Fail(tuple, "the tuple has no type that compile-time evaluation can create");
        }

        return new TupleNode(id, type, tuple.Elements.Select(Lower).ToEquatableArray());
    }

    /// <summary>The type reference of a value, or null when the evaluator cannot create values of that type.</summary>
    private static TypeRef? TypeOf(ITypeSymbol? type) =>
        TypeRefs.From(type) is { } reference && RuntimeTypes.Resolve(reference) is not null ? reference : null;

    private static string UnavailableType(ITypeSymbol? type) =>
        "values of type '" + (type?.ToDisplayString() ?? "?") + "' cannot be created at compile time (only StatefulManifests and base library types can)";
}
