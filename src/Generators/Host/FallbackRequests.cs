using System.Reflection;
using StatefulManifests.Generators.Shared;

namespace StatefulManifests.Host;

/// <summary>The declarations the generator left to the build: the assembly's <c>StatefulManifests.Fallback:</c> metadata.</summary>
internal static class FallbackRequests
{
    /// <summary>The metadata key prefix (the generator's <c>DeclarationEmitter.FallbackKeyPrefix</c>).</summary>
    public const string KeyPrefix = "StatefulManifests.Fallback:";

    /// <summary>Every request in <paramref name="assembly"/>, in metadata order.</summary>
    public static IEnumerable<FallbackRequest> In(Assembly assembly) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key.StartsWith(KeyPrefix, StringComparison.Ordinal) && a.Value is not null)
            .Select(a => FallbackRequest.Parse(a.Value!))
            .OfType<FallbackRequest>();
}
