using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>
/// References: locals, parameters (including captured primary constructor parameters), <c>this</c>, fields and
/// properties of user objects, static readonly members, framework and DSL members, and assignment targets.
/// </summary>
internal sealed partial class FunctionLowerer
{
    private ExpressionNode LowerLocal(ILocalReferenceOperation reference)
    {
        if (state.Scope.TryFind(reference.Local, out var depth, out var slot))
        {
            return new VariableNode(NewId(reference), depth, slot);
        }

        // A pattern or out variable seen first at its declaration.
        return new VariableNode(NewId(reference), 0, DeclareLocal(reference.Local));
    }

    private ExpressionNode LowerParameter(IParameterReferenceOperation reference)
    {
        if (state.Scope.TryFind(reference.Parameter, out var depth, out var slot))
        {
            return new VariableNode(NewId(reference), depth, slot);
        }

        if (reference.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            && constructor.ContainingType is { IsRecord: false } type && IsUser(type))
        {
            // A class's primary constructor parameter used in a member: the constructor kept it in the instance.
            var thisDepth = state.Scope.ThisDepth();
            if (thisDepth >= 0)
            {
                return new FieldNode(NewId(reference), new ThisNode(Implicit(), thisDepth), UserTypes.PrimaryParameterField(reference.Parameter.Name));
            }
        }

        return Fail(reference, "the parameter '" + reference.Parameter.Name + "' has no value here");
    }

    private ExpressionNode LowerInstance(IInstanceReferenceOperation instance)
    {
        if (instance.ReferenceKind is InstanceReferenceKind.ImplicitReceiver or InstanceReferenceKind.PatternInput)
        {
            return receiverSlots.Count > 0
                ? new VariableNode(NewId(instance), 0, receiverSlots.Peek())
                : Fail(instance, "this implicit receiver is not evaluated");
        }

        var depth = state.Scope.ThisDepth();
        return depth < 0
            ? Fail(instance, "'this' has no value here: only members of this project's types called on an object have one")
            : new ThisNode(NewId(instance), depth);
    }

    /// <summary>The slots holding the object an initializer or pattern works on (<c>new T { X = 1 }</c>, <c>{ Name: "a" }</c>).</summary>
    private readonly Stack<int> receiverSlots = new();

    private T WithReceiver<T>(int slot, Func<T> lower)
    {
        receiverSlots.Push(slot);
        try
        {
            return lower();
        }
        finally
        {
            receiverSlots.Pop();
        }
    }

    private ExpressionNode LowerFieldRead(IFieldReferenceOperation reference)
    {
        var field = reference.Field;
        if (field.ContainingType is { IsTupleType: true } && field.CorrespondingTupleField is { } tupleField)
        {
            var index = TupleIndex(tupleField);
            return index >= 0 && reference.Instance is not null
                ? new TupleItemNode(NewId(reference), Lower(reference.Instance), index)
                : Fail(reference, "this tuple field is not evaluated");
        }

        if (IsUser(field))
        {
            if (field.IsStatic)
            {
                return field.IsReadOnly
                    ? new StaticValueNode(NewId(reference), Call(field))
                    : Fail(reference, "'" + field.Name + "' is a mutable static field, so its value can change at run time; make it static readonly");
            }

            return reference.Instance is null
                ? Fail(reference, "the field '" + field.Name + "' has no instance")
                : new FieldNode(NewId(reference), Lower(reference.Instance), StorageName(field));
        }

        if (ExternalApis.WhyNotEvaluated(field) is { } refused)
        {
            return Fail(reference, refused);
        }

        return TypeRefs.From(field.ContainingType) is { } type
            ? new ExternalFieldNode(NewId(reference), type, field.Name, reference.Instance is null ? null : Lower(reference.Instance))
            : Fail(reference, UnavailableType(field.ContainingType));
    }

    /// <summary>The 0-based position of a tuple element field (<c>Item3</c> is 2; named elements map to their ItemN).</summary>
    private static int TupleIndex(IFieldSymbol field) =>
        field.Name.StartsWith("Item", StringComparison.Ordinal) && int.TryParse(field.Name.Substring(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n - 1
            : -1;

    /// <summary>Where a user field's value is kept in its object: by name (auto-property storage has the property's name).</summary>
    private static string StorageName(IFieldSymbol field) => field.AssociatedSymbol is IPropertySymbol property ? property.Name : field.Name;

    private ExpressionNode LowerPropertyRead(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (property.ContainingType is { IsAnonymousType: true } && reference.Instance is not null)
        {
            return new FieldNode(NewId(reference), Lower(reference.Instance), property.Name);
        }

        if (IsUser(property))
        {
            return LowerUserProperty(reference, property);
        }

        if (property.GetMethod is not { } getter)
        {
            return Fail(reference, "the property '" + property.Name + "' has no getter");
        }

        return LowerExternalCall(reference, getter, reference.Instance, reference.Arguments);
    }

    private ExpressionNode LowerUserProperty(IPropertyReferenceOperation reference, IPropertySymbol property)
    {
        if (property.IsStatic)
        {
            if (UserTypes.IsAutoProperty(property))
            {
                return property.SetMethod is null
                    ? new StaticValueNode(NewId(reference), Call(property))
                    : Fail(reference, "'" + property.Name + "' is a static property with a setter, so its value can change at run time; make it get-only");
            }

            return property.GetMethod is { } staticGetter
                ? new UserCallNode(NewId(reference), Call(staticGetter), null, LowerArguments(reference.Arguments, staticGetter), null)
                : Fail(reference, "the property '" + property.Name + "' has no getter");
        }

        if (reference.Instance is null)
        {
            return Fail(reference, "the property '" + property.Name + "' has no instance");
        }

        var instance = Lower(reference.Instance);
        if (UserTypes.IsAutoProperty(property) && !IsVirtual(property))
        {
            return new FieldNode(NewId(reference), instance, property.Name);
        }

        if (property.GetMethod is not { } getter)
        {
            return Fail(reference, "the property '" + property.Name + "' has no getter");
        }

        UseType(property.ContainingType);
        return new UserCallNode(NewId(reference), Call(getter), instance, LowerArguments(reference.Arguments, getter), DispatchKeyOf(getter));
    }

    private static bool IsVirtual(ISymbol member) =>
        member.IsVirtual || member.IsAbstract || member.IsOverride || member.ContainingType?.TypeKind == TypeKind.Interface;

    /// <summary>For a call that dispatches on the receiver's runtime type: the slot's key; null for a direct call.</summary>
    private static string? DispatchKeyOf(IMethodSymbol method) =>
        IsVirtual(method) ? UserTypes.DispatchKey(method) : null;

    /// <summary>The left side of an assignment, an out argument, a deconstruction element.</summary>
    private TargetNode LowerTarget(IOperation target)
    {
        switch (target)
        {
            case IDeclarationExpressionOperation declaration:
                return LowerTarget(declaration.Expression);
            case ILocalReferenceOperation local:
            {
                if (!state.Scope.TryFind(local.Local, out var depth, out var slot))
                {
                    slot = DeclareLocal(local.Local);
                    depth = 0;
                }

                return new VariableTarget(NewId(local), depth, slot);
            }

            case IParameterReferenceOperation parameter when state.Scope.TryFind(parameter.Parameter, out var depth, out var slot):
                return new VariableTarget(NewId(parameter), depth, slot);
            case IDiscardOperation discard:
                return new DiscardTarget(NewId(discard));
            case IFieldReferenceOperation { Field: var field } reference when IsUser(field) && !field.IsStatic && reference.Instance is not null:
                return new FieldTarget(NewId(reference), Lower(reference.Instance), StorageName(field));
            case IFieldReferenceOperation { Field.IsStatic: true } reference when IsUser(reference.Field):
                return InvalidTarget(reference, "'" + reference.Field.Name + "' is static: assigning it changes state shared by every caller, which compile-time evaluation refuses");
            case IPropertyReferenceOperation { Property: var property } reference when IsUser(property):
                return LowerUserPropertyTarget(reference, property);
            case IPropertyReferenceOperation { Property.SetMethod: { } setter } reference:
                return ExternalApis.WhyNotEvaluated(setter) is { } refused || TypeRefs.From(setter) is not { } setterRef
                    ? InvalidTarget(reference, ExternalApis.WhyNotEvaluated(setter) ?? "this property cannot be set at compile time")
                    : new ExternalPropertyTarget(
                        NewId(reference),
                        reference.Instance is null ? null : Lower(reference.Instance),
                        reference.Arguments.Select(a => Lower(a.Value)).ToEquatableArray(),
                        reference.Property.GetMethod is { } getter ? TypeRefs.From(getter) : null,
                        setterRef);
            case IArrayElementReferenceOperation element when element.Indices.Length == 1:
                return new ArrayElementTarget(NewId(element), Lower(element.ArrayReference), Lower(element.Indices[0]));
            case IInstanceReferenceOperation or IConversionOperation:
                return InvalidTarget(target, "this assignment target is not evaluated");
            default:
                return InvalidTarget(target, "this assignment target is not evaluated");
        }
    }

    private TargetNode LowerUserPropertyTarget(IPropertyReferenceOperation reference, IPropertySymbol property)
    {
        if (property.IsStatic)
        {
            return InvalidTarget(reference, "'" + property.Name + "' is static: assigning it changes state shared by every caller, which compile-time evaluation refuses");
        }

        var instance = reference.Instance is null ? null : Lower(reference.Instance);
        if (instance is null)
        {
            return InvalidTarget(reference, "the property '" + property.Name + "' has no instance");
        }

        if (UserTypes.IsAutoProperty(property) && !IsVirtual(property))
        {
            return new FieldTarget(NewId(reference), instance, property.Name);
        }

        return property.SetMethod is { } setter
            ? new UserPropertyTarget(NewId(reference), instance, Call(setter), property.GetMethod is { } getter ? Call(getter) : null)
            : InvalidTarget(reference, "the property '" + property.Name + "' has no setter");
    }

    private TargetNode InvalidTarget(IOperation at, string reason)
    {
        Record(at.Syntax, reason);
        return new DiscardTarget(NewId(at));
    }
}
