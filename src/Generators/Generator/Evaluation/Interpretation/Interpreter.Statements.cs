using System.Collections;
using StatefulManifests.Generators.Evaluation.Runtime;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Evaluation.Interpretation;

/// <summary>Statements: blocks (with their own frame when needed), returns and yields, if, loops, switch, local functions.</summary>
internal sealed partial class Interpreter
{
    private Completion Execute(StatementNode statement, Frame frame)
    {
        Step(frame, statement.Id);
        switch (statement)
        {
            case BlockNode block:
                return ExecuteBlock(block, frame);
            case ExpressionStatementNode expression:
                Eval(expression.Expression, frame);
                return Completion.Normal;
            case ReturnNode ret:
                returnValue = ret.Value is null ? null : Eval(ret.Value, frame, out returnOrigin);
                if (ret.Value is null)
                {
                    returnOrigin = default;
                }

                return Completion.Return;
            case YieldNode { Value: null }:
                return Completion.Return;
            case YieldNode yield:
                (frame.Yielded ?? throw new EvaluationException(At(frame, yield.Id), "yield outside an iterator")).Add(Eval(yield.Value, frame));
                return Completion.Normal;
            case IfNode branch:
                return IsTrue(Eval(branch.Condition, frame), frame, branch.Id)
                    ? Execute(branch.Then, frame)
                    : branch.Else is null ? Completion.Normal : Execute(branch.Else, frame);
            case WhileNode loop:
                return ExecuteWhile(loop, frame);
            case ForNode loop:
                return ExecuteFor(loop, frame);
            case ForEachNode loop:
                return ExecuteForEach(loop, frame);
            case BreakNode:
                return Completion.Break;
            case ContinueNode:
                return Completion.Continue;
            case SwitchNode switchStatement:
                return ExecuteSwitch(switchStatement, frame);
            case LocalFunctionNode local:
                frame.Values[local.Slot] = new Closure(this, Function(local.Function, At(frame, local.Id)), frame);
                return Completion.Normal;
            case DeclareNode declare:
                frame.Values[declare.Slot] = DefaultOf(declare.Type);
                frame.Origins[declare.Slot] = At(frame, declare.Id);
                return Completion.Normal;
            default:
                throw new EvaluationException(At(frame, statement.Id), "this statement could not be evaluated", isLimitation: true);
        }
    }

    private Completion ExecuteBlock(BlockNode block, Frame frame)
    {
        var inner = block.FrameSize > 0 ? new Frame(frame.Function, block.FrameSize, frame, null) : frame;
        foreach (var statement in block.Statements)
        {
            var completion = Execute(statement, inner);
            if (completion != Completion.Normal)
            {
                return completion;
            }
        }

        return Completion.Normal;
    }

    private Completion ExecuteWhile(WhileNode loop, Frame frame)
    {
        if (loop.ConditionFirst && !IsTrue(Eval(loop.Condition, frame), frame, loop.Id))
        {
            return Completion.Normal;
        }

        while (true)
        {
            Step(frame, loop.Id);
            var completion = Execute(loop.Body, frame);
            if (completion == Completion.Break)
            {
                return Completion.Normal;
            }

            if (completion == Completion.Return)
            {
                return completion;
            }

            if (!IsTrue(Eval(loop.Condition, frame), frame, loop.Id))
            {
                return Completion.Normal;
            }
        }
    }

    private Completion ExecuteFor(ForNode loop, Frame frame)
    {
        foreach (var before in loop.Before)
        {
            Execute(before, frame);
        }

        while (loop.Condition is null || IsTrue(Eval(loop.Condition, frame), frame, loop.Id))
        {
            Step(frame, loop.Id);
            var completion = Execute(loop.Body, frame);
            if (completion == Completion.Break)
            {
                break;
            }

            if (completion == Completion.Return)
            {
                return completion;
            }

            foreach (var after in loop.After)
            {
                Execute(after, frame);
            }
        }

        return Completion.Normal;
    }

    private Completion ExecuteForEach(ForEachNode loop, Frame frame)
    {
        var collection = Eval(loop.Collection, frame);
        if (collection is not IEnumerable sequence)
        {
            throw new EvaluationException(At(frame, loop.Id), collection is null
                ? "foreach over null (NullReferenceException at run time)"
                : "a value of type " + ValueConversion.TypeName(collection) + " cannot be enumerated at compile time", isLimitation: true);
        }

        var itemType = loop.ItemType is { IsUser: false } declared ? RuntimeTypes.Resolve(declared) : null;
        foreach (var raw in sequence)
        {
            Step(frame, loop.Id);
            var item = itemType is null ? raw : Convert(raw, itemType, At(frame, loop.Id));
            var iteration = loop.FrameSize > 0 ? new Frame(frame.Function, loop.FrameSize, frame, null) : frame;
            if (loop.Variable is { } variable)
            {
                Locate(variable, iteration).Set(item, At(frame, loop.Collection.Id));
            }
            else if (loop.Deconstruction is { } deconstruct)
            {
                AssignParts(deconstruct.Targets, item, deconstruct.How, iteration, deconstruct.Id);
            }

            var completion = Execute(loop.Body, iteration);
            if (completion == Completion.Break)
            {
                break;
            }

            if (completion == Completion.Return)
            {
                return completion;
            }
        }

        return Completion.Normal;
    }

    private Completion ExecuteSwitch(SwitchNode switchStatement, Frame frame)
    {
        var value = Eval(switchStatement.Value, frame);
        SwitchSection? chosen = null;
        foreach (var section in switchStatement.Sections)
        {
            if (section.Labels.Any(l => l.Pattern is not null && Matches(l.Pattern, value, frame) && (l.Guard is null || IsTrue(Eval(l.Guard, frame), frame, switchStatement.Id))))
            {
                chosen = section;
                break;
            }
        }

        chosen ??= switchStatement.Sections.FirstOrDefault(s => s.Labels.Any(l => l.Pattern is null));
        if (chosen is null)
        {
            return Completion.Normal;
        }

        foreach (var statement in chosen.Body)
        {
            var completion = Execute(statement, frame);
            if (completion == Completion.Break)
            {
                // break leaves the switch, not an enclosing loop.
                return Completion.Normal;
            }

            if (completion != Completion.Normal)
            {
                return completion;
            }
        }

        return Completion.Normal;
    }

    private static bool IsTrue(object? value, Frame frame, int node) =>
        value as bool? ?? throw new EvaluationException(At(frame, node), "the condition is not a bool");
}
