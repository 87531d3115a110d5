using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Planning.Lowering;

/// <summary>Statements: blocks, locals, returns and <c>yield</c>, <c>if</c>, loops, <c>switch</c>, local functions.</summary>
internal sealed partial class FunctionLowerer
{
    /// <summary>
    /// A block. It runs in a frame of its own when it is inside a loop and contains lambdas or local functions, so each
    /// entry gets fresh variables for them to capture, as in C#.
    /// </summary>
    private BlockNode LowerBlock(IBlockOperation block, bool ownFrame)
    {
        var id = NewId(block);
        var needsFrame = ownFrame || (state.LoopDepth > 0 && ContainsClosures(block.Syntax));
        var outerScope = state.Scope;
        if (needsFrame)
        {
            state.Scope = new FrameScope(outerScope, isFunction: false, hasThis: false);
        }

        try
        {
            var statements = new List<StatementNode>();
            foreach (var local in block.Locals)
            {
                DeclareLocal(local);
            }

            // Local functions can be called before their declaration: their closures are made when the block is entered.
            var localFunctions = block.Operations.OfType<ILocalFunctionOperation>().ToList();
            foreach (var local in localFunctions)
            {
                state.Scope.Declare(local.Symbol);
            }

            foreach (var local in localFunctions)
            {
                statements.Add(LowerLocalFunction(local));
            }

            foreach (var statement in block.Operations)
            {
                if (statement is not ILocalFunctionOperation)
                {
                    statements.Add(LowerStatement(statement));
                }
            }

            return new BlockNode(id, statements.ToEquatableArray(), needsFrame ? state.Scope.Size : 0);
        }
        finally
        {
            state.Scope = outerScope;
        }
    }

    private static bool ContainsClosures(SyntaxNode syntax) =>
        syntax.DescendantNodes().Any(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);

    private StatementNode LowerStatement(IOperation operation)
    {
        if (!Enter(operation.Syntax))
        {
            return new ExpressionStatementNode(Implicit(), new ConstantNode(Implicit(), null, null));
        }

        try
        {
            return LowerStatementShape(operation);
        }
        finally
        {
            Leave();
        }
    }

    private StatementNode LowerStatementShape(IOperation operation)
    {
        switch (operation)
        {
            case IBlockOperation block:
                return LowerBlock(block, ownFrame: false);
            case IVariableDeclarationGroupOperation group:
                return LowerDeclarations(group);
            case IReturnOperation { Kind: OperationKind.YieldReturn } yield:
                return new YieldNode(NewId(yield), Lower(yield.ReturnedValue!));
            case IReturnOperation { Kind: OperationKind.YieldBreak } yieldBreak:
                return new YieldNode(NewId(yieldBreak), null);
            case IReturnOperation ret:
                return new ReturnNode(NewId(ret), ret.ReturnedValue is null ? null : Lower(ret.ReturnedValue));
            case IConditionalOperation conditional:
                return new IfNode(NewId(conditional), Lower(conditional.Condition), LowerStatement(conditional.WhenTrue), conditional.WhenFalse is null ? null : LowerStatement(conditional.WhenFalse));
            case IWhileLoopOperation loop:
                return InLoop(() => new WhileNode(NewId(loop), loop.Condition is null ? True(loop) : Lower(loop.Condition), LowerStatement(loop.Body), loop.ConditionIsTop));
            case IForLoopOperation loop:
                return LowerFor(loop);
            case IForEachLoopOperation loop:
                return LowerForEach(loop);
            case IBranchOperation { BranchKind: BranchKind.Break } branch:
                return new BreakNode(NewId(branch));
            case IBranchOperation { BranchKind: BranchKind.Continue } branch:
                return new ContinueNode(NewId(branch));
            case ISwitchOperation switchStatement:
                return LowerSwitch(switchStatement);
            case ILocalFunctionOperation localFunction:
                return LowerLocalFunction(localFunction);
            case IEmptyOperation empty:
                return new BlockNode(NewId(empty), EquatableArray<StatementNode>.Empty, 0);
            case IExpressionStatementOperation expression:
                return new ExpressionStatementNode(NewId(expression), Lower(expression.Operation));
            case IThrowOperation:
                return new ExpressionStatementNode(NewId(operation), Lower(operation));
            case ILabeledOperation or IBranchOperation:
                return FailStatement(operation.Syntax, "labels and goto are not evaluated; use loops and if/else");
            case ITryOperation:
                return FailStatement(operation.Syntax, "try/catch/finally is not evaluated: evaluation stops at the first exception anyway; remove the try or validate the input instead");
            case IUsingOperation or IUsingDeclarationOperation:
                return FailStatement(operation.Syntax, "using statements are for disposable resources, which compile-time evaluation never holds");
            case ILockOperation:
                return FailStatement(operation.Syntax, "lock is for shared mutable state, which compile-time evaluation never has");
            default:
                return LowerStatementOrExpression(operation);
        }
    }

    /// <summary>An operation in statement position that is really an expression (a constructor initializer's call).</summary>
    private StatementNode LowerStatementOrExpression(IOperation operation) =>
        new ExpressionStatementNode(NewId(operation), Lower(operation));

    private ExpressionNode True(IOperation at) => new ConstantNode(NewId(at), TypeRef.Named(TypeHome.Framework, "System.Boolean"), true);

    private T InLoop<T>(Func<T> lower)
    {
        state.LoopDepth++;
        try
        {
            return lower();
        }
        finally
        {
            state.LoopDepth--;
        }
    }

    private StatementNode LowerDeclarations(IVariableDeclarationGroupOperation group)
    {
        var id = NewId(group);
        var statements = new List<StatementNode>();
        foreach (var declaration in group.Declarations)
        {
            foreach (var declarator in declaration.Declarators)
            {
                var slot = DeclareLocal(declarator.Symbol);
                var initializer = declarator.Initializer ?? declaration.Initializer;
                if (declarator.Symbol.IsConst)
                {
                    // Roslyn folds every use of a const local: it needs no storage.
                    continue;
                }

                statements.Add(initializer is null
                    ? new DeclareNode(NewId(declarator), slot, TypeOf(declarator.Symbol.Type))
                    : new ExpressionStatementNode(NewId(declarator), new AssignNode(NewId(declarator), new VariableTarget(Implicit(), 0, slot), Lower(initializer.Value))));
            }
        }

        return statements.Count == 1 ? statements[0] : new BlockNode(id, statements.ToEquatableArray(), 0);
    }

    /// <summary>Gives a local a slot in the innermost frame (once: loops lower their body once).</summary>
    private int DeclareLocal(ILocalSymbol local) =>
        state.Scope.TryFind(local, out var depth, out var slot) && depth == 0 ? slot : state.Scope.Declare(local);

    private StatementNode LowerFor(IForLoopOperation loop)
    {
        var id = NewId(loop);
        var before = loop.Before.Select(LowerStatement).ToEquatableArray();
        return InLoop(() =>
        {
            var condition = loop.Condition is null ? null : Lower(loop.Condition);
            var after = loop.AtLoopBottom.Select(LowerStatement).ToEquatableArray();
            return new ForNode(id, before, condition, after, LowerStatement(loop.Body));
        });
    }

    private StatementNode LowerForEach(IForEachLoopOperation loop)
    {
        var id = NewId(loop);
        if (loop.IsAsynchronous)
        {
            return FailStatement(loop.Syntax, "await foreach is not evaluated");
        }

        var collection = Lower(loop.Collection is IConversionOperation { IsImplicit: true } implicitConversion ? implicitConversion.Operand : loop.Collection);
        return InLoop(() =>
        {
            // A fresh frame per iteration when lambdas in the body may capture the iteration variable.
            var needsFrame = ContainsClosures(loop.Body.Syntax);
            var outerScope = state.Scope;
            if (needsFrame)
            {
                state.Scope = new FrameScope(outerScope, isFunction: false, hasThis: false);
            }

            try
            {
                TargetNode? variable = null;
                DeconstructNode? deconstruct = null;
                var itemType = loop.LoopControlVariable switch
                {
                    IVariableDeclaratorOperation declarator => TypeOf(declarator.Symbol.Type),
                    _ => null,
                };
                switch (loop.LoopControlVariable)
                {
                    case IVariableDeclaratorOperation declarator:
                        variable = new VariableTarget(Implicit(), 0, DeclareLocal(declarator.Symbol));
                        break;
                    case IDeclarationExpressionOperation { Expression: ITupleOperation tuple }:
                        deconstruct = new DeconstructNode(NewId(tuple), DeconstructTargets(tuple), new VariableNode(Implicit(), 0, state.Scope.Temporary()), DeconstructionOf(tuple.Type, loop.Syntax));
                        break;
                    case ITupleOperation tuple:
                        deconstruct = new DeconstructNode(NewId(tuple), DeconstructTargets(tuple), new VariableNode(Implicit(), 0, state.Scope.Temporary()), DeconstructionOf(tuple.Type, loop.Syntax));
                        break;
                    default:
                        return FailStatement(loop.Syntax, "this foreach variable is not evaluated");
                }

                var body = LowerStatement(loop.Body);
                return new ForEachNode(id, collection, variable, deconstruct, itemType, body, needsFrame ? state.Scope.Size : 0);
            }
            finally
            {
                state.Scope = outerScope;
            }
        });
    }

    private StatementNode LowerSwitch(ISwitchOperation switchStatement)
    {
        var id = NewId(switchStatement);
        var value = Lower(switchStatement.Value);
        var sections = new List<SwitchSection>();
        foreach (var section in switchStatement.Cases)
        {
            var labels = new List<SwitchLabel>();
            foreach (var clause in section.Clauses)
            {
                switch (clause)
                {
                    case IDefaultCaseClauseOperation:
                        labels.Add(new SwitchLabel(null, null));
                        break;
                    case ISingleValueCaseClauseOperation single:
                        labels.Add(new SwitchLabel(new ConstantPattern(NewId(single), Lower(single.Value)), null));
                        break;
                    case IPatternCaseClauseOperation patternClause:
                        labels.Add(new SwitchLabel(LowerPattern(patternClause.Pattern), patternClause.Guard is null ? null : Lower(patternClause.Guard)));
                        break;
                    case IRelationalCaseClauseOperation relational:
                        labels.Add(new SwitchLabel(new RelationalPattern(NewId(relational), RelationalOf(relational.Relation), Lower(relational.Value)), null));
                        break;
                    default:
                        labels.Add(new SwitchLabel(new ConstantPattern(NewId(clause), Fail(clause, "this case label is not evaluated")), null));
                        break;
                }
            }

            var body = section.Body.Select(LowerStatement).ToEquatableArray();
            sections.Add(new SwitchSection(labels.ToEquatableArray(), body));
        }

        return new SwitchNode(id, value, sections.ToEquatableArray());
    }
}
