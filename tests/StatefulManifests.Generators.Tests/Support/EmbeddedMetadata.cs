using System.Reflection;
using Microsoft.CodeAnalysis;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>What the generator left in the assembly for the build: <c>[assembly: AssemblyMetadata(key, value)]</c>, read from the compilation.</summary>
public static class EmbeddedMetadata
{
    /// <summary>The values whose key starts with <paramref name="prefix"/>, by the rest of the key, in declaration order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Of(Compilation compilation, string prefix) =>
        compilation.Assembly.GetAttributes()
            .Where(a => a.AttributeClass?.Name == nameof(AssemblyMetadataAttribute)
                && a.ConstructorArguments.Length == 2
                && a.ConstructorArguments[0].Value is string key && key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(a => new KeyValuePair<string, string>(((string)a.ConstructorArguments[0].Value!).Substring(prefix.Length), (string)a.ConstructorArguments[1].Value!))
            .ToList();
}
