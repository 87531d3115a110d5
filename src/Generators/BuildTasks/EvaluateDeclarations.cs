using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using StatefulManifests.Generators.Shared;

namespace StatefulManifests.BuildTasks;

/// <summary>
/// MSBuild task: evaluates the declarations the compiler could not (the generator's
/// <c>StatefulManifests.Fallback:</c> metadata) by running the project's own code in a separate process
/// (StatefulManifests.Host), and hands their manifests to <see cref="WriteManifests"/>. Their validation errors
/// become build errors at the <c>Workload.StatefulSet(...)</c> call; an exception becomes an error where it was
/// thrown. A declaration that crashes the process or runs past the timeout is an error of its own, and the others
/// are evaluated again without it, so one bad declaration never costs the rest their YAML.
/// </summary>
public sealed class EvaluateDeclarations : Microsoft.Build.Utilities.Task
{
    /// <summary>The compiled assembly in obj/ (its metadata says which declarations to run).</summary>
    [Required]
    public string Assembly { get; set; } = string.Empty;

    /// <summary>The assembly in the output folder, beside its <c>.deps.json</c>: the one the host loads and runs.</summary>
    [Required]
    public string TargetPath { get; set; } = string.Empty;

    /// <summary>StatefulManifests.Host.dll.</summary>
    [Required]
    public string HostAssembly { get; set; } = string.Empty;

    /// <summary>A folder in obj/ for the host's results and YAML.</summary>
    [Required]
    public string WorkingDirectory { get; set; } = string.Empty;

    /// <summary>The project's folder: the current directory of the user's code while it runs.</summary>
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The project's run-time assemblies (package references a class library does not copy to its output).</summary>
    public ITaskItem[] RuntimeAssemblies { get; set; } = [];

    /// <summary>How long one run of the host may take, in seconds (<c>$(StatefulManifestsEvaluationTimeout)</c>).</summary>
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>The manifests the declarations produced: ItemSpec the file, metadata <c>RelativePath</c>.</summary>
    [Output]
    public ITaskItem[] Manifests { get; private set; } = [];

    /// <summary>The relative paths of workloads that are invalid (nothing written for them).</summary>
    [Output]
    public ITaskItem[] InvalidManifests { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            return Run();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception or InvalidOperationException or BadImageFormatException)
        {
            // Never MSB4018: a folder that cannot be written, a dotnet that cannot be started, an unreadable assembly.
            Log.LogError(null, BuildCodes.IoFailure, null, null, 0, 0, 0, 0, "StatefulManifests: evaluating the declarations at build failed: {0}: {1}", e.GetType().Name, e.Message);
            return false;
        }
    }

    private bool Run()
    {
        if (!File.Exists(Assembly))
        {
            return true; // WriteManifests reports the missing assembly.
        }

        var pending = new HashSet<string>(EmbeddedManifests.ReadAll(Assembly).Fallbacks, StringComparer.Ordinal);
        if (pending.Count == 0)
        {
            return true;
        }

        if (!File.Exists(HostAssembly))
        {
            Log.LogError(null, "SMB0030", null, null, 0, 0, 0, 0, "StatefulManifests: the host that evaluates declarations at build, '{0}', does not exist; {1} declaration(s) got no YAML", HostAssembly, pending.Count);
            return false;
        }

        var manifests = new List<ITaskItem>();
        var invalid = new List<ITaskItem>();
        var skipped = new List<string>();
        Directory.CreateDirectory(WorkingDirectory);
        var probe = Path.Combine(WorkingDirectory, "runtime-assemblies.txt");
        File.WriteAllText(probe, string.Concat(RuntimeAssemblies.Select(i => i.GetMetadata("FullPath") + "\n")));

        // Each round either finishes every pending declaration or loses exactly the one it crashed on: at most one
        // round per declaration.
        var rounds = pending.Count + 1;
        for (var round = 0; pending.Count > 0 && round < rounds; round++)
        {
            var results = Path.Combine(WorkingDirectory, "results.txt");
            var arguments = new List<string> { Path.GetFullPath(TargetPath), results, Path.Combine(WorkingDirectory, "yaml"), "--probe", probe };
            foreach (var skip in skipped)
            {
                arguments.Add("--skip");
                arguments.Add(skip);
            }

            if (File.Exists(results))
            {
                File.Delete(results); // the task's own scratch file in obj/
            }

            var exit = HostProcess.Run(DotNetExecutable(), Path.GetFullPath(HostAssembly), arguments, ProjectDirectory.Length > 0 ? ProjectDirectory : Path.GetDirectoryName(Path.GetFullPath(TargetPath))!, TimeSpan.FromSeconds(Math.Max(1, TimeoutSeconds)));
            if (exit.Output.Length > 0)
            {
                Log.LogMessage(MessageImportance.Low, "StatefulManifests: the declarations printed:\n{0}", exit.Output);
            }

            string? running = null;
            foreach (var record in ReadResults(results))
            {
                switch (record.Kind)
                {
                    case FallbackRecordKind.Begin:
                        running = record.Declaration;
                        break;
                    case FallbackRecordKind.End:
                        pending.Remove(record.Declaration);
                        running = null;
                        break;
                    case FallbackRecordKind.Manifest:
                        var item = new TaskItem(record.File);
                        item.SetMetadata("RelativePath", record.RelativePath);
                        manifests.Add(item);
                        break;
                    case FallbackRecordKind.Invalid:
                        invalid.Add(new TaskItem(record.RelativePath));
                        break;
                    case FallbackRecordKind.Error:
                        Log.LogError(null, record.Code, null, record.File.Length == 0 ? null : record.File, record.Line, 0, 0, 0, "{0}", record.Message);
                        if (record.Declaration.Length == 0)
                        {
                            pending.Clear(); // the host could not load the assembly: nothing else can run
                        }

                        break;
                }
            }

            if (exit.ExitCode == 0 || pending.Count == 0)
            {
                break;
            }

            // The process died (or was stopped) inside `running`; without a Begin, before any declaration.
            var reason = exit.ExitCode is null
                ? "ran longer than " + TimeoutSeconds + " s (StatefulManifestsEvaluationTimeout) and was stopped"
                : "crashed the process (exit code " + exit.ExitCode + (exit.CrashReason.Length > 0 ? ": " + exit.CrashReason : string.Empty) + ")";
            if (running is null)
            {
                Log.LogError(null, "SMB0033", null, null, 0, 0, 0, 0, "StatefulManifests: evaluating the declarations at build {0}; {1} declaration(s) got no YAML", reason, pending.Count);
                break;
            }

            Log.LogError(null, "SMB0033", null, null, 0, 0, 0, 0, "StatefulManifests: evaluating {0} at build {1}; it got no YAML (call it from a unit test to see where)", running, reason);
            pending.Remove(running);
            skipped.Add(running);
        }

        Manifests = manifests.ToArray();
        InvalidManifests = invalid.ToArray();
        return !Log.HasLoggedErrors;
    }

    private static IEnumerable<FallbackRecord> ReadResults(string path) =>
        File.Exists(path) ? File.ReadAllLines(path).Select(FallbackRecord.Parse).OfType<FallbackRecord>() : [];

    // The SDK tells MSBuild (and its tasks) which dotnet runs the build; a build started otherwise finds it on PATH.
    private static string DotNetExecutable() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
}
