using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StatefulManifests.Generators.Evaluation;
using StatefulManifests.Generators.Helpers;

namespace StatefulManifests.Generators.Planning;

/// <summary>Calls: DSL methods and property getters (executed later by reflection), and references to members of this project.</summary>
internal sealed partial class PlanBuilder
{
    private PlanNode LowerInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (TypeRefs.IsDsl(method))
        {
            return LowerDslCall(invocation, method, invocation.Instance, invocation.Arguments);
        }

        if (IsInThisProject(method))
        {
            return invocation.Instance is null && method.Parameters.IsEmpty
                ? LowerSharedMember(method, invocation)
                : Fail(invocation, "'" + method.Name + "' takes arguments or an instance; only parameterless static methods of this project are evaluated");
        }

        return Fail(invocation, "'" + method.ContainingType?.Name + "." + method.Name + "' is not a StatefulManifests DSL method, so it is not run at compile time");
    }

    private PlanNode LowerProperty(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (TypeRefs.IsDsl(property) && property.GetMethod is { } getter && !property.IsIndexer)
        {
            return LowerDslCall(reference, getter, reference.Instance, ImmutableArray<IArgumentOperation>.Empty);
        }

        if (IsInThisProject(property))
        {
            return LowerSharedMember(property, reference);
        }

        return Fail(reference, "the property '" + property.ContainingType?.Name + "." + property.Name + "' is not part of the StatefulManifests DSL or this project");
    }

    private PlanNode LowerField(IFieldReferenceOperation reference)
    {
        var field = reference.Field;
        if (IsInThisProject(field))
        {
            return LowerSharedMember(field, reference);
        }

        return Fail(reference, "the field '" + field.ContainingType?.Name + "." + field.Name + "' is not a constant");
    }

    private PlanNode LowerDslCall(IOperation call, IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments)
    {
        var id = NewId(call);
        if (DslMethod(method) is not { } reference)
        {
            return Fail(call, "the DSL method '" + method.ToDisplayString() + "' is not in the StatefulManifests " + RuntimeTypes.DslVersion +
                " assembly the generator runs; use the same version of the StatefulManifests library and generator");
        }

        var receiver = instance is null ? null : Lower(instance);
        var lowered = new PlanNode?[method.Parameters.Length];
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && parameter.Ordinal < lowered.Length)
            {
                lowered[parameter.Ordinal] = Lower(argument.Value);
            }
        }

        for (var i = 0; i < lowered.Length; i++)
        {
            lowered[i] ??= Fail(call, "the argument for '" + method.Parameters[i].Name + "' is missing");
        }

        return new CallNode(id, reference, receiver, lowered.Select(a => a!).ToEquatableArray());
    }

    /// <summary>The method reference when its signature is expressible and the loaded DSL has it.</summary>
    private static MethodRef? DslMethod(IMethodSymbol method) =>
        TypeRefs.From(method) is { } reference && RuntimeTypes.Resolve(reference) is not null ? reference : null;

    private bool IsInThisProject(ISymbol symbol) =>
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, compilation.Assembly);
}
