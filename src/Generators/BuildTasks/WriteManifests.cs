using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace StatefulManifests.BuildTasks;

/// <summary>
/// MSBuild task: writes the YAML of every <c>[StatefulWorkload]</c> in <see cref="Assembly"/> to
/// <see cref="OutputDirectory"/> (one file per workload plus kustomization.yaml), as the generator computed it.
/// </summary>
public sealed class WriteManifests : Microsoft.Build.Utilities.Task
{
    /// <summary>The compiled assembly (the intermediate assembly in obj/).</summary>
    [Required]
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

    /// <summary>Every file the task owns after the run, for <c>FileWrites</c> (so <c>dotnet clean</c> removes them).</summary>
    [Output]
    public ITaskItem[] OwnedFiles { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!File.Exists(Assembly))
        {
            Log.LogError(null, "SMB0001", null, Assembly, 0, 0, 0, 0, "StatefulManifests: the compiled assembly '{0}' does not exist", Assembly);
            return false;
        }

        var metadata = EmbeddedManifests.ReadAll(Assembly);
        var manifests = metadata.Manifests
            .Concat(AdditionalManifests.Select(i => new EmbeddedManifest(i.GetMetadata("RelativePath"), File.ReadAllText(i.ItemSpec))))
            .ToList();
        var invalid = metadata.Invalid.Concat(InvalidManifests.Select(i => i.ItemSpec)).ToList();
        var result = ManifestWriter.Write(manifests, OutputDirectory, StateFile, invalid);
        foreach (var error in result.Errors)
        {
            Log.LogError(null, "SMB0002", null, null, 0, 0, 0, 0, "StatefulManifests: {0}", error);
        }

        foreach (var warning in result.Warnings)
        {
            Log.LogWarning(null, "SMB0003", null, null, 0, 0, 0, 0, "StatefulManifests: {0}", warning);
        }

        foreach (var path in result.Written)
        {
            Log.LogMessage(MessageImportance.Normal, "StatefulManifests: wrote {0}", path);
        }

        foreach (var path in result.Removed)
        {
            Log.LogMessage(MessageImportance.Normal, "StatefulManifests: removed {0} (no workload produces it any more)", path);
        }

        if (manifests.Count > 0)
        {
            Log.LogMessage(MessageImportance.High, "StatefulManifests: {0} workload manifest(s) in {1}", manifests.Count, Path.GetFullPath(OutputDirectory));
        }

        OwnedFiles = result.Owned.Append(Path.GetFullPath(StateFile)).Select(p => (ITaskItem)new TaskItem(p)).ToArray();
        return !Log.HasLoggedErrors;
    }
}
