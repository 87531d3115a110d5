using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StatefulManifests.Generators.Planning;

/// <summary>The expression a member evaluates to, or why it has none that compile-time evaluation can use.</summary>
/// <param name="Expression">The returned expression, when found.</param>
/// <param name="Problem">Why the member cannot be evaluated, when not found.</param>
/// <param name="ProblemAt">Where to report <paramref name="Problem"/>.</param>
internal readonly record struct MemberBody(ExpressionSyntax? Expression, string? Problem, SyntaxNode? ProblemAt);

/// <summary>
/// Finds the single expression behind a workload declaration or a shared member: an expression body, a getter or
/// method body made of <c>const</c> locals and one <c>return</c>, a get-only auto-property initializer, or a
/// static readonly field initializer. Anything mutable or with parameters has no compile-time value.
/// </summary>
internal static class MemberBodies
{
    /// <summary>Finds the expression of a static property, parameterless static method or static readonly field.</summary>
    /// <param name="symbol">The member.</param>
    /// <param name="allowParameters">True for a method used as a delegate (a method group), whose parameters the caller binds.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static MemberBody Find(ISymbol symbol, bool allowParameters, CancellationToken cancellationToken)
    {
        var syntax = symbol.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).ToList();
        var declaration = syntax.FirstOrDefault(HasBody) ?? syntax.FirstOrDefault();
        if (declaration is null)
        {
            return Fail(null, "'" + symbol.Name + "' has no source in this project");
        }

        if (!symbol.IsStatic)
        {
            return Fail(declaration, "'" + symbol.Name + "' is an instance member; only static members have a compile-time value");
        }

        return (symbol, declaration) switch
        {
            (IPropertySymbol { IsIndexer: true }, _) => Fail(declaration, "indexers are not evaluated"),
            (IPropertySymbol { SetMethod: not null }, _) =>
                Fail(declaration, "'" + symbol.Name + "' has a setter, so its value can change at run time; make it get-only"),
            (IPropertySymbol, PropertyDeclarationSyntax property) => FromProperty(property),
            (IMethodSymbol { Parameters.Length: > 0 }, _) when !allowParameters =>
                Fail(declaration, "'" + symbol.Name + "' has parameters; only parameterless static methods are evaluated"),
            (IMethodSymbol { IsGenericMethod: true }, _) => Fail(declaration, "generic methods are not evaluated"),
            (IMethodSymbol, MethodDeclarationSyntax method) => FromBody(method, method.ExpressionBody, method.Body),
            (IFieldSymbol { IsReadOnly: false, IsConst: false }, _) =>
                Fail(declaration, "'" + symbol.Name + "' is not readonly, so its value can change at run time; make it static readonly"),
            (IFieldSymbol, VariableDeclaratorSyntax { Initializer: { } initializer }) => new MemberBody(initializer.Value, null, null),
            (IFieldSymbol, _) => Fail(declaration, "'" + symbol.Name + "' has no initializer"),
            _ => Fail(declaration, "'" + symbol.Name + "' is not a property, method or field with a body"),
        };
    }

    private static bool HasBody(SyntaxNode node) => node switch
    {
        PropertyDeclarationSyntax p => p.ExpressionBody is not null || p.Initializer is not null
            || p.AccessorList?.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null) == true,
        MethodDeclarationSyntax m => m.Body is not null || m.ExpressionBody is not null,
        _ => true,
    };

    private static MemberBody FromProperty(PropertyDeclarationSyntax property)
    {
        if (property.ExpressionBody is { } arrow)
        {
            return new MemberBody(arrow.Expression, null, null);
        }

        if (property.Initializer is { } initializer)
        {
            return new MemberBody(initializer.Value, null, null);
        }

        var getter = property.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
        return getter is null
            ? Fail(property, "'" + property.Identifier.ValueText + "' has no getter")
            : FromBody(getter, getter.ExpressionBody, getter.Body);
    }

    private static MemberBody FromBody(SyntaxNode owner, ArrowExpressionClauseSyntax? arrow, BlockSyntax? block)
    {
        if (arrow is not null)
        {
            return new MemberBody(arrow.Expression, null, null);
        }

        if (block is null)
        {
            return Fail(owner, "the member has no body");
        }

        // A block may declare const locals for the return expression to use; nothing else can run before it.
        foreach (var statement in block.Statements)
        {
            switch (statement)
            {
                case LocalDeclarationStatementSyntax local when local.IsConst:
                    continue;
                case ReturnStatementSyntax { Expression: { } returned } when statement == block.Statements.Last():
                    return new MemberBody(returned, null, null);
                default:
                    return Fail(statement, "a body may contain only const local declarations and one final return statement; " +
                        "use an expression body (=> ...) instead");
            }
        }

        return Fail(block, "the body has no return statement");
    }

    private static MemberBody Fail(SyntaxNode? at, string problem) => new(null, problem, at);
}
