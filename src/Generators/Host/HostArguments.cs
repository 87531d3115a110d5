namespace StatefulManifests.Host;

/// <summary>The host's command line, as the EvaluateDeclarations task writes it.</summary>
/// <param name="Assembly">The project's built assembly (in its output folder, beside its <c>.deps.json</c>).</param>
/// <param name="ResultsFile">Where the results go, one <c>FallbackRecord</c> per line.</param>
/// <param name="OutputFolder">Where the YAML of each workload goes (under its relative path).</param>
/// <param name="ProbeFile">A file listing the project's run-time assemblies, one path per line, or null.</param>
/// <param name="Skip">Declarations not to run (they crashed an earlier host).</param>
internal sealed record HostArguments(string Assembly, string ResultsFile, string OutputFolder, string? ProbeFile, IReadOnlyCollection<string> Skip)
{
    /// <summary>Reads the arguments; null when they are not the host's.</summary>
    public static HostArguments? Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var skip = new HashSet<string>(StringComparer.Ordinal);
        string? probe = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--skip" when i + 1 < args.Count:
                    skip.Add(args[++i]);
                    break;
                case "--probe" when i + 1 < args.Count:
                    probe = args[++i];
                    break;
                default:
                    positional.Add(args[i]);
                    break;
            }
        }

        return positional.Count == 3 ? new HostArguments(positional[0], positional[1], positional[2], probe, skip) : null;
    }
}
