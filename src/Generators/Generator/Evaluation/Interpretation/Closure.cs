using StatefulManifests.Generators.Evaluation.Runtime;
using StatefulManifests.Generators.Planning.Plan;

namespace StatefulManifests.Generators.Evaluation.Interpretation;

/// <summary>A lambda or local function with the frame it captured; it becomes a real delegate where one is needed.</summary>
internal sealed class Closure
{
    private readonly Interpreter interpreter;

    /// <summary>Creates a closure.</summary>
    public Closure(Interpreter interpreter, FunctionPlan function, Frame? captured)
    {
        this.interpreter = interpreter;
        Function = function;
        Captured = captured;
    }

    /// <summary>The function.</summary>
    public FunctionPlan Function { get; }

    /// <summary>The frame it was created in.</summary>
    public Frame? Captured { get; }

    /// <summary>Runs the function on <paramref name="arguments"/> (values from outside the plan carry no origin).</summary>
    public object? Invoke(object?[] arguments) => interpreter.Invoke(this, arguments, null, out _);

    /// <summary>A real delegate of <paramref name="delegateType"/> that runs this closure.</summary>
    public Delegate ToDelegate(Type delegateType) => DelegateFactory.Create(delegateType, this, Invoke);
}
