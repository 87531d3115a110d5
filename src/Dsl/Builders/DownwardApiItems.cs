using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>Builds the <c>items</c> of downwardAPI volumes and projections (shared by both builders).</summary>
internal static class DownwardApiItems
{
    public static DownwardAPIVolumeFile Field(string path, string fieldPath, int? mode) =>
        new() { Path = path, FieldRef = new ObjectFieldSelector { FieldPath = fieldPath }, Mode = mode };

    public static DownwardAPIVolumeFile Resource(string path, string resource, string? containerName, string? divisor, int? mode) => new()
    {
        Path = path,
        Mode = mode,
        ResourceFieldRef = new ResourceFieldSelector { Resource = resource, ContainerName = containerName, Divisor = divisor is null ? null : Quantity.FromText(divisor) },
    };

    public static KeyToPath KeyToPath(string key, string path, int? mode) => new() { Key = key, Path = path, Mode = mode };
}
