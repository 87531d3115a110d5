using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace StatefulManifests.Generators.Planning;

/// <summary>
/// Members of this project: the workload declaration itself, other <c>[StatefulWorkload]</c> declarations, and
/// shared static builder members. Their bodies are lowered in place (with a cycle check), so a plan is
/// self-contained and an edit to a shared member changes the plans that use it.
/// </summary>
internal sealed partial class PlanBuilder
{
    private PlanNode LowerSharedMember(ISymbol member, IOperation reference, bool allowParameters = false) =>
        LowerMember(member, reference, allowParameters);

    private PlanNode LowerMember(ISymbol member, IOperation? referenceSite, bool allowParameters = false)
    {
        if (inProgress.Contains(member, SymbolEqualityComparer.Default))
        {
            var cycle = string.Join(" -> ", inProgress.SkipWhile(s => !SymbolEqualityComparer.Default.Equals(s, member)).Select(s => s.Name)) + " -> " + member.Name;
            return referenceSite is null
                ? new UnsupportedNode(NewId(null))
                : Fail(referenceSite, "'" + member.Name + "' refers to itself (" + cycle + ")");
        }

        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            dependencies.Add(reference.SyntaxTree);
        }

        var body = MemberBodies.Find(member, allowParameters, cancellationToken);
        if (body.Expression is null)
        {
            var at = referenceSite?.Syntax ?? body.ProblemAt ?? member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
            return at is null ? new UnsupportedNode(NewId(null)) : Fail(at, body.Problem ?? "the member has no value");
        }

        inProgress.Add(member);
        try
        {
            return Lower(OperationOf(body.Expression));
        }
        finally
        {
            inProgress.RemoveAt(inProgress.Count - 1);
        }
    }

    /// <summary>
    /// The operation of a member's value, including the implicit conversion to the member's type: asked of the
    /// enclosing return/arrow/initializer so the conversion (for example <c>int</c> to <c>int?</c>) is not lost.
    /// </summary>
    private IOperation? OperationOf(ExpressionSyntax expression)
    {
        var model = ModelFor(expression.SyntaxTree);
        var container = expression.Parent is ArrowExpressionClauseSyntax or EqualsValueClauseSyntax or ReturnStatementSyntax
            ? model.GetOperation(expression.Parent, cancellationToken)
            : null;
        return Unwrap(container) ?? model.GetOperation(expression, cancellationToken);
    }

    private static IOperation? Unwrap(IOperation? container) => container switch
    {
        IBlockOperation block => block.Operations.OfType<IReturnOperation>().FirstOrDefault()?.ReturnedValue,
        IReturnOperation ret => ret.ReturnedValue,
        ISymbolInitializerOperation initializer => initializer.Value,
        _ => null,
    };
}
