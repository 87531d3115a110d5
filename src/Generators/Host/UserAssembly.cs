using System.Reflection;
using System.Runtime.Loader;

namespace StatefulManifests.Host;

/// <summary>
/// Loads the project's assembly into the default context and resolves what it references: first from its
/// <c>.deps.json</c> (<see cref="AssemblyDependencyResolver"/>), then from the run-time assemblies the build listed
/// (a class library's package references are not copied to its output folder), then from its own folder. The DSL is
/// the host's own copy: the package ships both, so they are the same version.
/// </summary>
internal sealed class UserAssembly
{
    private UserAssembly(Assembly? assembly, string? error)
    {
        Assembly = assembly;
        Error = error;
    }

    /// <summary>The loaded assembly, or null.</summary>
    public Assembly? Assembly { get; }

    /// <summary>Why it could not be loaded, or null.</summary>
    public string? Error { get; }

    /// <summary>Loads <paramref name="path"/>, resolving its references as described above.</summary>
    public static UserAssembly Load(string path, string? probeFile)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        AssemblyDependencyResolver? resolver = null;
        try
        {
            resolver = new AssemblyDependencyResolver(full);
        }
        catch (InvalidOperationException)
        {
            // No usable .deps.json: the folder and the probe list still resolve references.
        }

        var probed = ProbeList(probeFile);
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = resolver?.ResolveAssemblyToPath(name)
                ?? (name.Name is { } simple && probed.TryGetValue(simple, out var listed) ? listed : null)
                ?? Path.Combine(directory, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += (_, name) =>
            resolver?.ResolveUnmanagedDllToPath(name) is { } native ? System.Runtime.InteropServices.NativeLibrary.Load(native) : IntPtr.Zero;

        try
        {
            return new UserAssembly(AssemblyLoadContext.Default.LoadFromAssemblyPath(full), null);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return new UserAssembly(null, "the built assembly '" + full + "' could not be loaded: " + e.Message);
        }
    }

    private static Dictionary<string, string> ProbeList(string? probeFile)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (probeFile is null || !File.Exists(probeFile))
        {
            return byName;
        }

        foreach (var line in File.ReadAllLines(probeFile))
        {
            if (line.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                byName.TryAdd(Path.GetFileNameWithoutExtension(line), line);
            }
        }

        return byName;
    }
}
