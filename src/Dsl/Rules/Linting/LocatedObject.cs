using StatefulManifests.Model;
using StatefulManifests.Yaml;

namespace StatefulManifests.Rules.Linting;

/// <summary>An object read from a manifest file, with where its fields are and its place in the input order.</summary>
/// <typeparam name="T">The object type.</typeparam>
/// <param name="Object">The object.</param>
/// <param name="Positions">Its document's positions.</param>
/// <param name="Order">Its index among all documents of all files, in input order.</param>
internal sealed record LocatedObject<T>(T Object, DocumentPositions Positions, int Order)
    where T : IKubernetesObject
{
    public string Name => Object.Metadata?.Name ?? string.Empty;

    public string Namespace => Object.Metadata?.Namespace ?? string.Empty;

    public string File => Positions.SourceName;
}
