using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StatefulManifests.RoslynTesting;

namespace StatefulManifests.Cli.Tests.Import;

/// <summary>Compiles imported C# in-process, as a project referencing the package would, and runs its declarations.</summary>
internal static class GeneratedCode
{
    private static readonly MetadataReference YamlDotNet = MetadataReference.CreateFromFile(typeof(global::YamlDotNet.Core.Parser).Assembly.Location);

    /// <summary>
    /// Compiles <paramref name="source"/> with the latest C#, nullable reference types and XML documentation
    /// diagnostics on (as a project with GenerateDocumentationFile), and returns every warning and error.
    /// </summary>
    public static (byte[]? Assembly, IReadOnlyList<Diagnostic> Diagnostics) Compile(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose), "Imported.cs");
        var compilation = CSharpCompilation.Create(
            "Imported" + Guid.NewGuid().ToString("N"),
            [tree],
            [.. TestReferences.All, YamlDotNet],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        var diagnostics = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        return (emitted.Success ? stream.ToArray() : null, diagnostics);
    }

    /// <summary>Loads the assembly and invokes every <c>[StatefulWorkload]</c> method of <paramref name="className"/>, in declaration order.</summary>
    public static IReadOnlyList<(string Member, StatefulSetBuilder Builder)> Declarations(byte[] assembly, string className)
    {
        var context = new AssemblyLoadContext("imported", isCollectible: true);
        var type = context.LoadFromStream(new MemoryStream(assembly)).GetType(className, throwOnError: true)!;
        return type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetCustomAttribute<StatefulWorkloadAttribute>() is not null)
            .OrderBy(m => m.MetadataToken)
            .Select(m => (m.Name, (StatefulSetBuilder)m.Invoke(null, null)!))
            .ToList();
    }
}
