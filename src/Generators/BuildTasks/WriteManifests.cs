using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace StatefulManifests.BuildTasks;

/// <summary>
/// MSBuild task: writes the YAML of every <c>[StatefulWorkload]</c> in <see cref="Assembly"/> to
/// <see cref="OutputDirectory"/> (one file per workload plus a kustomization per folder), as the generator computed
/// it, the other files it embedded (rollout plans) and the manifests of <see cref="AdditionalManifests"/>, and prints
/// the lines it left (plan summaries) at high importance; with <see cref="Clean"/>, removes what it owns.
/// </summary>
public sealed class WriteManifests : Microsoft.Build.Utilities.Task
{
    /// <summary>The compiled assembly (the intermediate assembly in obj/); not needed to clean.</summary>
    public string Assembly { get; set; } = string.Empty;

    /// <summary>Where the YAML goes (<c>$(StatefulManifestsOutputPath)</c>).</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>The state file in obj/ recording what earlier builds wrote.</summary>
    [Required]
    public string StateFile { get; set; } = string.Empty;

    /// <summary>
    /// Manifests produced at build by running declarations (<see cref="EvaluateDeclarations"/>): ItemSpec the file,
    /// metadata <c>RelativePath</c> the path under <see cref="OutputDirectory"/>. Written like embedded ones.
    /// </summary>
    public ITaskItem[] AdditionalManifests { get; set; } = [];

    /// <summary>Relative paths of workloads evaluated at build that are invalid: their earlier files are kept.</summary>
    public ITaskItem[] InvalidManifests { get; set; } = [];

    /// <summary>True for <c>dotnet clean</c>: remove the files the build owns (unchanged since written) and write nothing.</summary>
    public bool Clean { get; set; }

    /// <summary>Every file the task owns after the run.</summary>
    [Output]
    public ITaskItem[] OwnedFiles { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        ManifestWriteResult result;
        var manifestCount = 0;
        IReadOnlyList<BuildMessage> messages = [];
        if (Clean)
        {
            result = ManifestWriter.Clean(OutputDirectory, StateFile);
        }
        else
        {
            if (!File.Exists(Assembly))
            {
                Log.LogError(null, BuildCodes.AssemblyMissing, null, Assembly, 0, 0, 0, 0, "StatefulManifests: the compiled assembly '{0}' does not exist", Assembly);
                return false;
            }

            try
            {
                var metadata = EmbeddedManifests.ReadAll(Assembly);
                var manifests = metadata.Manifests.Concat(AdditionalManifests.Select(Additional)).ToList();
                manifestCount = manifests.Count;
                result = ManifestWriter.Write(manifests, OutputDirectory, StateFile, metadata.Invalid.Concat(InvalidManifests.Select(i => i.ItemSpec)).ToList(), metadata.Files);
                messages = metadata.Messages;
            }
            catch (BuildProblemException problem)
            {
                Report(problem.Problem);
                return false;
            }
            catch (Exception e) when (e is BadImageFormatException or InvalidOperationException)
            {
                Log.LogError(null, BuildCodes.IoFailure, null, Assembly, 0, 0, 0, 0, "StatefulManifests: could not read the manifests in '{0}': {1}", Assembly, e.Message);
                return false;
            }
        }

        foreach (var problem in result.Problems)
        {
            Report(problem);
        }

        foreach (var path in result.Written)
        {
            Log.LogMessage(MessageImportance.Normal, "StatefulManifests: wrote {0}", path);
        }

        foreach (var path in result.Removed)
        {
            Log.LogMessage(MessageImportance.Normal, "StatefulManifests: removed {0} (no workload produces it any more)", path);
        }

        if (manifestCount > 0)
        {
            Log.LogMessage(MessageImportance.High, "StatefulManifests: {0} workload manifest(s) in {1}", manifestCount, Path.GetFullPath(OutputDirectory));
        }

        foreach (var message in messages)
        {
            // One line each, whatever the generator put in it.
            Log.LogMessage(MessageImportance.High, "StatefulManifests: {0}", message.Line.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' '));
        }

        OwnedFiles = result.Owned.Select(p => (ITaskItem)new TaskItem(p)).ToArray();
        return !Log.HasLoggedErrors;
    }

    private static EmbeddedManifest Additional(ITaskItem item) =>
        new(item.GetMetadata("RelativePath"), SafeFiles.Guard(item.ItemSpec, "read", () => File.ReadAllText(item.ItemSpec)));

    private void Report(BuildProblem problem)
    {
        if (problem.IsError)
        {
            Log.LogError(null, problem.Code, null, problem.Path, 0, 0, 0, 0, "StatefulManifests: {0}", problem.Message);
        }
        else
        {
            Log.LogWarning(null, problem.Code, null, problem.Path, 0, 0, 0, 0, "StatefulManifests: {0}", problem.Message);
        }
    }
}
