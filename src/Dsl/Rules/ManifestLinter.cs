using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Rules.Api;
using StatefulManifests.Rules.Linting;
using StatefulManifests.Validation;
using StatefulManifests.Versions;
using StatefulManifests.Yaml;

namespace StatefulManifests.Rules;

/// <summary>
/// The rule set on plain YAML: reads manifest files, pairs each StatefulSet with its governing Service and its
/// PodDisruptionBudget (searching every file given), runs <see cref="WorkloadLinter"/> and reports each finding at
/// the file, line and column of the offending value (or of its nearest written ancestor). What the reader cannot
/// read is reported too (SM1009).
/// </summary>
public static class ManifestLinter
{
    /// <summary>Lints manifest files together (a Service in one file can govern a StatefulSet in another).</summary>
    /// <param name="paths">The files; each finding's position names the path as given.</param>
    public static IReadOnlyList<Finding> LintFiles(IEnumerable<string> paths) => LintFiles(paths, TargetCluster.Default);

    /// <summary>Lints manifest files together for <paramref name="target"/>'s Kubernetes release and feature gates.</summary>
    /// <param name="paths">The files; each finding's position names the path as given.</param>
    /// <param name="target">The cluster the manifests are for.</param>
    public static IReadOnlyList<Finding> LintFiles(IEnumerable<string> paths, TargetCluster target)
    {
        var sources = new List<(string Name, string Yaml)>();
        var findings = new List<Finding>();
        foreach (var path in paths)
        {
            try
            {
                // The limit holds before the file is read: a huge file costs nothing.
                if (new FileInfo(path).Length > ManifestYaml.MaxTextLength)
                {
                    findings.Add(RuleCatalog.UnreadableManifest.At(FindingSubject.Document, FieldPath.Document,
                        "the file is larger than " + (ManifestYaml.MaxTextLength / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MiB; it was not read")
                        with { Position = new SourcePosition(path, 1, 1) });
                    continue;
                }

                sources.Add((path, File.ReadAllText(path)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                findings.Add(RuleCatalog.UnreadableManifest.At(FindingSubject.Document, FieldPath.Document, "cannot read the file: " + ex.Message)
                    with { Position = new SourcePosition(path, 1, 1) });
            }
        }

        return Lint(sources, findings, target);
    }

    /// <summary>Lints one YAML text.</summary>
    /// <param name="yaml">The manifest.</param>
    /// <param name="fileName">The name used in positions.</param>
    public static IReadOnlyList<Finding> LintText(string yaml, string fileName = "manifest.yaml") => Lint([(fileName, yaml)], [], TargetCluster.Default);

    /// <summary>Lints one YAML text for <paramref name="target"/>'s Kubernetes release and feature gates.</summary>
    /// <param name="yaml">The manifest.</param>
    /// <param name="fileName">The name used in positions.</param>
    /// <param name="target">The cluster the manifest is for.</param>
    public static IReadOnlyList<Finding> LintText(string yaml, string fileName, TargetCluster target) => Lint([(fileName, yaml)], [], target);

    /// <summary>
    /// Lints YAML texts together, as <see cref="LintFiles(IEnumerable{string})"/> lints files (a Service in one text can govern a StatefulSet
    /// in another): for input that is not in files, such as standard input.
    /// </summary>
    /// <param name="sources">Each text with the name used in its positions.</param>
    public static IReadOnlyList<Finding> LintSources(IEnumerable<(string Name, string Yaml)> sources) => LintSources(sources, TargetCluster.Default);

    /// <summary>Lints YAML texts together for <paramref name="target"/>'s Kubernetes release and feature gates.</summary>
    /// <param name="sources">Each text with the name used in its positions.</param>
    /// <param name="target">The cluster the manifests are for.</param>
    public static IReadOnlyList<Finding> LintSources(IEnumerable<(string Name, string Yaml)> sources, TargetCluster target) =>
        Lint((sources ?? throw new ArgumentNullException(nameof(sources))).ToList(), [], target);

    private static IReadOnlyList<Finding> Lint(IReadOnlyList<(string Name, string Yaml)> sources, List<Finding> findings, TargetCluster target)
    {
        target ??= TargetCluster.Default;
        var statefulSets = new List<LocatedObject<StatefulSet>>();
        var services = new List<LocatedObject<Service>>();
        var budgets = new List<LocatedObject<PodDisruptionBudget>>();
        var order = 0;
        foreach (var (name, yaml) in sources)
        {
            var read = ManifestYaml.ReadWithPositions(yaml, name);
            findings.AddRange(read.Manifest.Errors.Select(e => ReaderFinding(e, name)));
            for (var i = 0; i < read.Manifest.Documents.Count; i++, order++)
            {
                var positions = read.Positions[i];
                switch (read.Manifest.Documents[i])
                {
                    case StatefulSet s:
                        statefulSets.Add(new LocatedObject<StatefulSet>(s, positions, order));
                        break;
                    case Service s:
                        services.Add(new LocatedObject<Service>(s, positions, order));
                        break;
                    case PodDisruptionBudget b:
                        budgets.Add(new LocatedObject<PodDisruptionBudget>(b, positions, order));
                        break;
                }
            }
        }

        var pairing = new WorkloadPairing(statefulSets, services, budgets);
        foreach (var set in statefulSets)
        {
            var service = pairing.ServiceOf(set);
            var budget = pairing.BudgetOf(set);
            var ignoredBySet = IgnoreAnnotation.Of(set.Object.Metadata);
            var ignoredByService = IgnoreAnnotation.Of(service?.Object.Metadata);
            var ignoredByBudget = IgnoreAnnotation.Of(budget?.Object.Metadata);
            foreach (var finding in WorkloadLinter.Lint(set.Object, service?.Object, budget?.Object, target))
            {
                var ignored = finding.Subject switch
                {
                    FindingSubject.Service => ignoredByService,
                    FindingSubject.PodDisruptionBudget => ignoredByBudget,
                    _ => ignoredBySet,
                };
                if (RuleCatalog.Find(finding.RuleId) is { AppliesToYaml: true } && !ignored.Contains(finding.RuleId))
                {
                    var positions = finding.Subject switch
                    {
                        FindingSubject.Service when service is not null => service.Positions,
                        FindingSubject.PodDisruptionBudget when budget is not null => budget.Positions,
                        _ => set.Positions,
                    };
                    findings.Add(finding.Position is null ? finding with { Position = positions.Locate(finding.PlacedAt) } : finding);
                }
            }
        }

        // A Service or budget no StatefulSet uses (a file of its own) is still checked as the API server checks it.
        // (Each located object is unique: its order in the input is part of its value.)
        var pairedServices = new HashSet<LocatedObject<Service>>(statefulSets.Select(pairing.ServiceOf).OfType<LocatedObject<Service>>());
        var pairedBudgets = new HashSet<LocatedObject<PodDisruptionBudget>>(statefulSets.Select(pairing.BudgetOf).OfType<LocatedObject<PodDisruptionBudget>>());
        foreach (var service in services.Where(s => !pairedServices.Contains(s)))
        {
            var ignored = IgnoreAnnotation.Of(service.Object.Metadata);
            findings.AddRange(WorkloadValidator.ValidateService(service.Object).Select(e => Located(ApiFindings.FromValidation(e, FindingSubject.Service), service.Positions)).Where(f => !ignored.Contains(f.RuleId)));
        }

        foreach (var budget in budgets.Where(b => !pairedBudgets.Contains(b)))
        {
            var ignored = IgnoreAnnotation.Of(budget.Object.Metadata);
            findings.AddRange(WorkloadValidator.ValidateDisruptionBudget(budget.Object).Select(e => Located(ApiFindings.FromValidation(e, FindingSubject.PodDisruptionBudget), budget.Positions)).Where(f => !ignored.Contains(f.RuleId)));
        }

        // A Service or budget shared by several StatefulSets would otherwise be reported once per set.
        var distinct = findings
            .GroupBy(f => (f.Position, f.RuleId, f.Message))
            .Select(g => g.First())
            .ToList();
        distinct.Sort(FindingOrder.Instance);
        return distinct;
    }

    private static Finding Located(Finding finding, DocumentPositions positions) =>
        finding.Position is null ? finding with { Position = positions.Locate(finding.PlacedAt) } : finding;

    // Reader errors carry their position; one without (none is known) is placed at the top of its file.
    private static Finding ReaderFinding(FieldError error, string file)
    {
        var finding = ApiFindings.FromReader(error, FindingSubject.Document);
        return finding.Position is null ? finding with { Position = new SourcePosition(file, 1, 1) } : finding;
    }
}
