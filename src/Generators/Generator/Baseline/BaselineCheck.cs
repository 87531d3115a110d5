using Microsoft.CodeAnalysis;
using StatefulManifests.Generators.Helpers;
using StatefulManifests.Generators.Models;
using StatefulManifests.Model;
using StatefulManifests.Rules.Updates;
using StatefulManifests.Yaml;

namespace StatefulManifests.Generators.Baseline;

/// <summary>
/// The build's baseline check: each evaluated workload of a declaration against the released manifests
/// (<see cref="UpdateCheck.CompareWithReleased"/>, the same function the YAML linter calls). The workload is compared
/// as its YAML says it (patches applied), which is what <c>kubectl apply</c> sends.
/// </summary>
internal static class BaselineCheck
{
    /// <summary>
    /// The released files a workload is compared with: for an environment, the files in the baseline's folder of that
    /// name when there are any (a checkout laid out like the build's output, <c>prod/web.yaml</c>), else every file.
    /// </summary>
    public static IEnumerable<BaselineFile> FilesFor(string? environment, IReadOnlyList<BaselineFile> files)
    {
        var inFolder = environment is null ? [] : files.Where(f => f.Folder == environment).ToList();
        return inFolder.Count > 0 ? inFolder : files;
    }

    /// <summary>The released StatefulSets and Services a workload of <paramref name="environment"/> is compared with.</summary>
    public static IReadOnlyList<IKubernetesObject> ReleasedFor(string? environment, IReadOnlyList<BaselineFile> files) =>
        FilesFor(environment, files).SelectMany(f => f.StatefulSets.Cast<IKubernetesObject>().Concat(f.Services)).ToList();

    /// <summary>Compares every workload of <paramref name="spec"/>; never throws.</summary>
    public static BaselineFindings Check(DeclarationSpec spec, EquatableArray<BaselineFile> files, CancellationToken cancellationToken)
    {
        var findings = new List<FindingInfo>();
        try
        {
            foreach (var workload in spec.Workloads)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var released = ReleasedFor(workload.Environment, files);
                if (released.Count == 0 || New(workload) is not { } updated)
                {
                    continue;
                }

                var comparison = UpdateCheck.CompareWithReleased(released, updated);
                foreach (var finding in comparison?.Findings ?? ValueList<Rules.Finding>.Empty)
                {
                    var arguments = finding.Arguments.ToList();
                    if (workload.Environment is { } environment && arguments.Count > 0)
                    {
                        // Say which environment's manifest the finding is about.
                        arguments[0] = arguments[0] + " (" + environment + ")";
                    }

                    findings.Add(new FindingInfo(finding.RuleId, arguments.ToEquatableArray(), null));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            findings.Add(new FindingInfo(Rules.RuleIds.UnreadableManifest, new[] { "document", "the baseline comparison failed: " + e.GetType().Name + ": " + e.Message }.ToEquatableArray(), null));
        }

        return new BaselineFindings(spec.Declaration.HintName, findings.Distinct().ToEquatableArray());
    }

    /// <summary>Where a declaration is: its member's name.</summary>
    public static DeclarationSite Site(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        var declaration = Pipeline.DeclarationReader.Read(context.TargetSymbol, context.Attributes.FirstOrDefault(), cancellationToken);
        var location = context.TargetSymbol.Locations.FirstOrDefault(l => l.IsInSource) ?? context.TargetNode.GetLocation();
        var lines = location.GetLineSpan();
        return new DeclarationSite(declaration.HintName, new FileLocation(lines.Path, location.SourceSpan, lines.Span));
    }

    /// <summary>The workload as its manifest says it: the documents of the YAML stream read back.</summary>
    public static StatefulWorkload? New(WorkloadSpec workload)
    {
        var read = ManifestYaml.Read(workload.Yaml, workload.FileName);
        return read.Documents.OfType<StatefulSet>().FirstOrDefault() is { } set
            ? new StatefulWorkload(set, read.Documents.OfType<Service>().FirstOrDefault(), read.Documents.OfType<PodDisruptionBudget>().FirstOrDefault(), ValueList<ManifestPatch>.Empty)
            : null;
    }
}
