using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>
/// A generated compilation emitted and loaded into a collectible context, so tests can call the generated code.
/// StatefulManifests resolves to the test process's own DSL, so model objects compare with runtime-built ones.
/// </summary>
public sealed class LoadedProject : IDisposable
{
    private readonly AssemblyLoadContext context;

    private LoadedProject(AssemblyLoadContext context, Assembly assembly)
    {
        this.context = context;
        Assembly = assembly;
    }

    /// <summary>The loaded assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>Emits and loads <paramref name="compilation"/>; fails the test with the compiler's errors if it does not compile.</summary>
    public static LoadedProject Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new LoadedProject(context, context.LoadFromStream(stream));
    }

    /// <summary>A generated class by its full reflection name (<c>Demo.Manifests+WebManifest</c>).</summary>
    public Type Type(string name) => Assembly.GetType(name, throwOnError: true)!;

    /// <summary>A public constant of a generated class.</summary>
    public object? Constant(string type, string name) => Type(type).GetField(name)!.GetRawConstantValue();

    /// <summary>Calls a public static method of a generated class.</summary>
    public object? Call(string type, string method, params object?[] arguments)
    {
        try
        {
            return Type(type).GetMethod(method)!.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>Reads a public static property of a generated class.</summary>
    public object? Property(string type, string name) => Type(type).GetProperty(name)!.GetValue(null);

    /// <inheritdoc />
    public void Dispose() => context.Unload();
}
