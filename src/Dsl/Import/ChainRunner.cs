using System.Reflection;

namespace StatefulManifests.Import;

/// <summary>Executes a <see cref="DslChain"/> against the real DSL builders by reflection: what the generated C# will build.</summary>
internal static class ChainRunner
{
    private static readonly MethodInfo ToFuncMethod = typeof(ChainRunner).GetMethod(nameof(ToFunc), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Runs <paramref name="chain"/> on <paramref name="seed"/> and returns the last builder.</summary>
    public static object Run(DslChain chain, object seed)
    {
        var current = seed;
        foreach (var call in chain.Calls)
        {
            var parameters = call.Method.GetParameters();
            var args = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                args[i] = Argument(parameters[i], call.Args[i]);
            }

            try
            {
                current = call.Method.Invoke(current, args)!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }

        return current;
    }

    private static object? Argument(ParameterInfo parameter, object? arg)
    {
        if (arg == DslArg.Default)
        {
            return parameter.IsDefined(typeof(ParamArrayAttribute), false)
                ? Array.CreateInstance(parameter.ParameterType.GetElementType()!, 0)
                : parameter.DefaultValue;
        }

        return arg is DslChain chain ? ToFuncMethod.MakeGenericMethod(chain.BuilderType).Invoke(null, [chain]) : arg;
    }

    private static Func<T, T> ToFunc<T>(DslChain chain)
        where T : class => builder => (T)Run(chain, builder);
}
