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
public static partial class ManifestLinter
{
    /// <summary>Lints manifest files together (a Service in one file can govern a StatefulSet in another).</summary>
    /// <param name="paths">The files; each finding's position names the path as given.</param>
    public static IReadOnlyList<Finding> LintFiles(IEnumerable<string> paths) => LintFiles(paths, TargetCluster.Default);

    /// <summary>Lints manifest files together for <paramref name="target"/>'s Kubernetes release and feature gates.</summary>
    /// <param name="paths">The files; each finding's position names the path as given.</param>
    /// <param name="target">The cluster the manifests are for.</param>
    public static IReadOnlyList<Finding> LintFiles(IEnumerable<string> paths, TargetCluster target)
    {
        var findings = new List<Finding>();
        var sources = ManifestSources.ReadFiles(paths, findings);
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
        var objects = ManifestSources.Read(sources, findings);
        var (statefulSets, services, budgets) = objects;
        var pairing = new WorkloadPairing(statefulSets, services, budgets);
        var pairedOwned = new HashSet<LocatedObject<IKubernetesObject>>();
        foreach (var set in statefulSets)
        {
            var service = pairing.ServiceOf(set);
            var budget = pairing.BudgetOf(set);
            var ignoredBySet = IgnoreAnnotation.Of(set.Object.Metadata);
            var ignoredByService = IgnoreAnnotation.Of(service?.Object.Metadata);
            var ignoredByBudget = IgnoreAnnotation.Of(budget?.Object.Metadata);
            var owned = OwnedPairing.OwnedBy(set, service, objects.Owned);
            pairedOwned.UnionWith(owned);
            foreach (var finding in WorkloadLinter.Lint(set.Object, service?.Object, budget?.Object, owned.Select(o => o.Object).ToList(), target))
            {
                var ownedObject = finding.Subject == FindingSubject.OwnedObject ? owned.FirstOrDefault(o => OwnedObjects.Subject(o.Object) == finding.Object) : null;
                var ignored = finding.Subject switch
                {
                    FindingSubject.Service => ignoredByService,
                    FindingSubject.PodDisruptionBudget => ignoredByBudget,
                    FindingSubject.OwnedObject => IgnoreAnnotation.Of(ownedObject?.Object.Metadata),
                    _ => ignoredBySet,
                };
                if (RuleCatalog.Find(finding.RuleId) is { AppliesToYaml: true } && !ignored.Contains(finding.RuleId))
                {
                    var positions = finding.Subject switch
                    {
                        FindingSubject.Service when service is not null => service.Positions,
                        FindingSubject.PodDisruptionBudget when budget is not null => budget.Positions,
                        FindingSubject.OwnedObject when ownedObject is not null => ownedObject.Positions,
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
        foreach (var service in services.Where(s => !pairedServices.Contains(s) && !pairedOwned.Any(o => ReferenceEquals(o.Object, s.Object))))
        {
            var ignored = IgnoreAnnotation.Of(service.Object.Metadata);
            findings.AddRange(WorkloadValidator.ValidateService(service.Object).Select(e => Located(ApiFindings.FromValidation(e, FindingSubject.Service), service.Positions)).Where(f => !ignored.Contains(f.RuleId)));
        }

        foreach (var budget in budgets.Where(b => !pairedBudgets.Contains(b)))
        {
            var ignored = IgnoreAnnotation.Of(budget.Object.Metadata);
            findings.AddRange(WorkloadValidator.ValidateDisruptionBudget(budget.Object).Select(e => Located(ApiFindings.FromValidation(e, FindingSubject.PodDisruptionBudget), budget.Positions)).Where(f => !ignored.Contains(f.RuleId)));
        }

        // Objects of the owned kinds no set owns (a Role, a CronJob, a ConfigMap nothing mounts) are validated alone.
        foreach (var alone in objects.Owned.Where(o => o.Object is not Service && !pairedOwned.Contains(o)))
        {
            var ignored = IgnoreAnnotation.Of(alone.Object.Metadata);
            findings.AddRange(OwnedObjectsValidator.ValidateObject(alone.Object)
                .Select(e => Located(ApiFindings.FromValidation(e, FindingSubject.OwnedObject), alone.Positions))
                .Where(f => !ignored.Contains(f.RuleId)));
        }

        // A Service or budget shared by several StatefulSets would otherwise be reported once per set.
        return Distinct(findings);
    }

    // One finding per position, rule and message, in the deterministic order.
    private static List<Finding> Distinct(List<Finding> findings)
    {
        var distinct = findings
            .GroupBy(f => (f.Position, f.RuleId, f.Message))
            .Select(g => g.First())
            .ToList();
        distinct.Sort(FindingOrder.Instance);
        return distinct;
    }

    internal static Finding Located(Finding finding, DocumentPositions positions) =>
        finding.Position is null ? finding with { Position = positions.Locate(finding.PlacedAt) } : finding;
}
