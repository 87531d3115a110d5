namespace StatefulManifests;

/// <summary>
/// The ambient "which call is running" token. The compile-time evaluator sets it around every DSL call it
/// executes (<see cref="Enter"/>), and builders stamp each field they set with it (see
/// <see cref="StatefulSetBuilder.Origins"/>), so analyzers can report a validation error at the exact call that
/// caused it. At runtime nobody sets it and it stays null. It is the only mutable static state in the DSL and it
/// is per thread, so concurrent evaluations never see each other's tokens.
/// </summary>
public static class DslCallSite
{
    [ThreadStatic]
    private static object? current;

    /// <summary>The token of the DSL call being executed on this thread, or null.</summary>
    public static object? Current
    {
        get => current;
        set => current = value;
    }

    /// <summary>
    /// Sets <see cref="Current"/> to <paramref name="token"/> until the returned scope is disposed, which restores
    /// the previous value (so nested lambdas see their own calls' tokens and the outer one afterwards).
    /// </summary>
    public static Scope Enter(object? token)
    {
        var scope = new Scope(current);
        current = token;
        return scope;
    }

    /// <summary>Restores the previous <see cref="Current"/> value when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly object? previous;

        internal Scope(object? previous) => this.previous = previous;

        /// <inheritdoc />
        public void Dispose() => current = previous;
    }
}
