using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace StatefulManifests.BuildTasks;

/// <summary>One manifest file the generator embedded in an assembly (or the build produced by running a declaration).</summary>
/// <param name="FileName">The path under the output folder (<c>web.yaml</c>, <c>prod/web.yaml</c>).</param>
/// <param name="Yaml">The YAML, exactly the generated constant.</param>
internal sealed record EmbeddedManifest(string FileName, string Yaml);

/// <summary>Another file the generator embedded, written beside the manifests but not listed in the kustomization (a rollout plan).</summary>
/// <param name="RelativePath">The path under the output folder (<c>web.plan.md</c>, <c>prod/web.plan.md</c>).</param>
/// <param name="Content">The file's text.</param>
internal sealed record EmbeddedFile(string RelativePath, string Content);

/// <summary>A line the generator left for the build to print (a rollout plan's summary).</summary>
/// <param name="Key">What orders the lines (ordinal).</param>
/// <param name="Line">The line.</param>
internal sealed record BuildMessage(string Key, string Line);

/// <summary>What the generator left in the assembly for the build.</summary>
/// <param name="Manifests">The manifests (<c>StatefulManifests.Yaml:&lt;path&gt;</c>).</param>
/// <param name="Invalid">The paths of invalid workloads, not written (<c>StatefulManifests.Invalid:&lt;path&gt;</c>).</param>
/// <param name="Fallbacks">The declarations the build evaluates by running them (<c>StatefulManifests.Fallback:&lt;declaration&gt;</c>).</param>
/// <param name="Files">Other output files (<c>StatefulManifests.File:&lt;path&gt;</c>).</param>
/// <param name="Messages">Lines to print (<c>StatefulManifests.Message:&lt;key&gt;</c>), ordered by key, ordinal.</param>
internal sealed record BuildMetadata(IReadOnlyList<EmbeddedManifest> Manifests, IReadOnlyList<string> Invalid, IReadOnlyList<string> Fallbacks, IReadOnlyList<EmbeddedFile> Files, IReadOnlyList<BuildMessage> Messages);

/// <summary>
/// Reads the <c>[assembly: AssemblyMetadata("StatefulManifests.…:&lt;key&gt;", "&lt;value&gt;")]</c> attributes the
/// generator emits, straight from the assembly's metadata tables (no loading, no execution).
/// </summary>
internal static class EmbeddedManifests
{
    /// <summary>The key prefix of a manifest; the rest of the key is its path under the output folder.</summary>
    public const string KeyPrefix = "StatefulManifests.Yaml:";

    /// <summary>The key prefix of an invalid workload's path.</summary>
    public const string InvalidKeyPrefix = "StatefulManifests.Invalid:";

    /// <summary>The key prefix of a declaration evaluated at build.</summary>
    public const string FallbackKeyPrefix = "StatefulManifests.Fallback:";

    /// <summary>The key prefix of another output file; the rest of the key is its path under the output folder.</summary>
    public const string FileKeyPrefix = "StatefulManifests.File:";

    /// <summary>The key prefix of a line to print; the rest of the key orders the lines.</summary>
    public const string MessageKeyPrefix = "StatefulManifests.Message:";

    /// <summary>Every embedded manifest, in metadata order.</summary>
    public static IReadOnlyList<EmbeddedManifest> Read(string assemblyPath) => ReadAll(assemblyPath).Manifests;

    /// <summary>Everything the generator left for the build, in metadata order.</summary>
    public static BuildMetadata ReadAll(string assemblyPath)
    {
        var invalid = new List<string>();
        var fallbacks = new List<string>();
        var files = new List<EmbeddedFile>();
        var messages = new List<BuildMessage>();
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
            if (key is null || value is null)
            {
                continue;
            }

            if (key.StartsWith(KeyPrefix, StringComparison.Ordinal))
            {
                manifests.Add(new EmbeddedManifest(key.Substring(KeyPrefix.Length), value));
            }
            else if (key.StartsWith(InvalidKeyPrefix, StringComparison.Ordinal))
            {
                invalid.Add(key.Substring(InvalidKeyPrefix.Length));
            }
            else if (key.StartsWith(FallbackKeyPrefix, StringComparison.Ordinal))
            {
                fallbacks.Add(key.Substring(FallbackKeyPrefix.Length));
            }
            else if (key.StartsWith(FileKeyPrefix, StringComparison.Ordinal))
            {
                files.Add(new EmbeddedFile(key.Substring(FileKeyPrefix.Length), value));
            }
            else if (key.StartsWith(MessageKeyPrefix, StringComparison.Ordinal))
            {
                messages.Add(new BuildMessage(key.Substring(MessageKeyPrefix.Length), value));
            }
        }

        // Metadata order follows the compiler's; the printed order must not.
        return new BuildMetadata(manifests, invalid, fallbacks, files, messages.OrderBy(m => m.Key, StringComparer.Ordinal).ThenBy(m => m.Line, StringComparer.Ordinal).ToList());
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
