using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace StatefulManifests.BuildTasks;

/// <summary>One manifest file the generator embedded in an assembly.</summary>
/// <param name="FileName">The file name (<c>web.yaml</c>).</param>
/// <param name="Yaml">The YAML, exactly the generated constant.</param>
internal sealed record EmbeddedManifest(string FileName, string Yaml);

/// <summary>
/// Reads the <c>[assembly: AssemblyMetadata("StatefulManifests.Yaml:&lt;file&gt;", "&lt;yaml&gt;")]</c> attributes the
/// generator emits, straight from the assembly's metadata tables (no loading, no execution).
/// </summary>
internal static class EmbeddedManifests
{
    /// <summary>The key prefix; the rest of the key is the file name.</summary>
    public const string KeyPrefix = "StatefulManifests.Yaml:";

    /// <summary>Every embedded manifest, in metadata order.</summary>
    public static IReadOnlyList<EmbeddedManifest> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var manifests = new List<EmbeddedManifest>();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (!IsAssemblyMetadata(metadata, attribute))
            {
                continue;
            }

            // Custom attribute blob: prolog 0x0001, then the two string arguments (ECMA-335 II.23.3).
            var blob = metadata.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1)
            {
                continue;
            }

            var key = blob.ReadSerializedString();
            var value = blob.ReadSerializedString();
            if (key is not null && value is not null && key.StartsWith(KeyPrefix, StringComparison.Ordinal))
            {
                manifests.Add(new EmbeddedManifest(key.Substring(KeyPrefix.Length), value));
            }
        }

        return manifests;
    }

    private static bool IsAssemblyMetadata(MetadataReader metadata, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
        {
            return false;
        }

        var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
        if (constructor.Parent.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        var type = metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent);
        return metadata.StringComparer.Equals(type.Name, "AssemblyMetadataAttribute")
            && metadata.StringComparer.Equals(type.Namespace, "System.Reflection");
    }
}
