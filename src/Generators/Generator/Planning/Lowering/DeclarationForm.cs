using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>
/// The forms a <c>[StatefulWorkload]</c> member may take: a static property or static method returning a
/// <c>StatefulSetBuilder</c> or a sequence of them, taking nothing or one environment parameter (a <c>string</c>, or an
/// enum of this project). Read from the symbol, with the exact node to blame when the form is wrong.
/// </summary>
/// <param name="Entry">The function evaluated: the getter, the method, or a get-only property's initializer.</param>
/// <param name="Result">One builder or a sequence.</param>
/// <param name="Environment">How the environment is passed in.</param>
/// <param name="EnvironmentType">The enum parameter's type, for <see cref="EnvironmentParameter.Enum"/>.</param>
/// <param name="Problem">Why the member cannot be a declaration, or null.</param>
/// <param name="ProblemAt">Where to report <paramref name="Problem"/>.</param>
internal sealed record DeclarationForm(ISymbol? Entry, DeclarationResult Result, EnvironmentParameter Environment, INamedTypeSymbol? EnvironmentType, string? Problem, SyntaxNode? ProblemAt)
{
    private const string Expected = "a [StatefulWorkload] member must be a static property or method returning StatefulManifests.StatefulSetBuilder " +
        "or a sequence of them (IEnumerable<StatefulSetBuilder>, an array or a list), with no parameter or one environment parameter (a string or an enum)";

    /// <summary>An attributed member of the same type with the same name, declared before <paramref name="member"/>.</summary>
    private static ISymbol? EarlierNamesake(ISymbol member, CancellationToken cancellationToken)
    {
        if (member.ContainingType is not { } type || member.DeclaringSyntaxReferences.FirstOrDefault() is not { } own)
        {
            return null;
        }

        foreach (var other in type.GetMembers(member.Name))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (SymbolEqualityComparer.Default.Equals(other, member) || other.DeclaringSyntaxReferences.FirstOrDefault() is not { } reference ||
                !other.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "StatefulManifests.StatefulWorkloadAttribute"))
            {
                continue;
            }

            var earlier = string.CompareOrdinal(reference.SyntaxTree.FilePath, own.SyntaxTree.FilePath) is var byFile && byFile != 0
                ? byFile < 0
                : reference.Span.Start < own.Span.Start;
            if (earlier)
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>Reads the form of <paramref name="member"/>.</summary>
    public static DeclarationForm Of(ISymbol member, Compilation compilation, CancellationToken cancellationToken)
    {
        var syntax = member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
        var returnType = member switch
        {
            IPropertySymbol p => p.Type,
            IMethodSymbol m => m.ReturnType,
            _ => null,
        };
        var typeSyntax = syntax switch
        {
            PropertyDeclarationSyntax p => (SyntaxNode)p.Type,
            MethodDeclarationSyntax m => m.ReturnType,
            _ => syntax,
        };

        if (EarlierNamesake(member, cancellationToken) is not null)
        {
            // Both would own the same companion class (WebManifest) and generated file: the first one keeps them.
            return Fail(typeSyntax, "another [StatefulWorkload] member of '" + member.ContainingType?.Name + "' is already named '" + member.Name +
                "', and each declaration gets its own companion class named after it; rename one of them");
        }

        if (!member.IsStatic)
        {
            return Fail(typeSyntax, Expected + "; '" + member.Name + "' is an instance member");
        }

        DeclarationResult result;
        if (IsBuilder(returnType))
        {
            result = DeclarationResult.Single;
        }
        else if (IsBuilderSequence(returnType))
        {
            result = DeclarationResult.Sequence;
        }
        else
        {
            return Fail(typeSyntax, Expected);
        }

        switch (member)
        {
            case IPropertySymbol { IsIndexer: true }:
                return Fail(typeSyntax, Expected);
            case IPropertySymbol { SetMethod: not null }:
                return Fail(typeSyntax, "'" + member.Name + "' has a setter, so its value can change at run time; make it get-only");
            case IPropertySymbol property when UserTypes.IsAutoProperty(property):
                return new DeclarationForm(property, result, EnvironmentParameter.None, null, null, null);
            case IPropertySymbol { GetMethod: { } getter }:
                return new DeclarationForm(getter, result, EnvironmentParameter.None, null, null, null);
            case IMethodSymbol { IsGenericMethod: true }:
                return Fail(typeSyntax, Expected + "; '" + member.Name + "' is generic");
            case IMethodSymbol { Parameters.Length: 0 } method:
                return new DeclarationForm(method, result, EnvironmentParameter.None, null, null, null);
            case IMethodSymbol { Parameters.Length: 1 } method:
            {
                var parameter = method.Parameters[0];
                var at = syntax is MethodDeclarationSyntax m ? m.ParameterList : typeSyntax;
                if (parameter.RefKind != RefKind.None)
                {
                    return Fail(at, Expected);
                }

                if (parameter.Type.SpecialType == SpecialType.System_String)
                {
                    return new DeclarationForm(method, result, EnvironmentParameter.String, null, null, null);
                }

                if (parameter.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType && TypeRefs.IsUser(enumType, compilation))
                {
                    return new DeclarationForm(method, result, EnvironmentParameter.Enum, enumType, null, null);
                }

                return Fail(at, Expected + "; the parameter '" + parameter.Name + "' is neither a string nor an enum of this project");
            }

            case IMethodSymbol method:
                return Fail(syntax is MethodDeclarationSyntax decl ? decl.ParameterList : typeSyntax, Expected + "; '" + method.Name + "' has " + method.Parameters.Length + " parameters");
            default:
                return Fail(typeSyntax, Expected);
        }
    }

    private static DeclarationForm Fail(SyntaxNode? at, string problem) =>
        new(null, DeclarationResult.Single, EnvironmentParameter.None, null, problem, at);

    /// <summary>True for the DSL's <c>StatefulManifests.StatefulSetBuilder</c>.</summary>
    public static bool IsBuilder(ITypeSymbol? type) =>
        type is { Name: "StatefulSetBuilder", ContainingNamespace: { Name: "StatefulManifests", ContainingNamespace.IsGlobalNamespace: true } } && TypeRefs.IsDsl(type);

    private static bool IsBuilderSequence(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol { Rank: 1, ElementType: var element } => IsBuilder(element),
        INamedTypeSymbol { TypeArguments.Length: 1 } named when IsBuilder(named.TypeArguments[0]) =>
            named.ConstructedFrom.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_Generic_IReadOnlyList_T
                or SpecialType.System_Collections_Generic_IReadOnlyCollection_T or SpecialType.System_Collections_Generic_IList_T or SpecialType.System_Collections_Generic_ICollection_T
            || (named.Name is "List" or "ImmutableArray" && TypeRefs.IsFramework(named)),
        _ => false,
    };
}
