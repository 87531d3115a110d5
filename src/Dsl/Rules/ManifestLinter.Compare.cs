using StatefulManifests.Model;
using StatefulManifests.Rules.Linting;
using StatefulManifests.Rules.Updates;

namespace StatefulManifests.Rules;

public static partial class ManifestLinter
{
    /// <summary>
    /// Checks new manifest files against the released ones (e.g. the GitOps checkout): each StatefulSet of
    /// <paramref name="paths"/> is matched with one of <paramref name="baselinePaths"/> as
    /// <see cref="UpdateCheck.CompareWithReleased"/> matches it, and <see cref="UpdateCheck"/> reports SM5001–SM5005 at the file,
    /// line and column of the new value. A StatefulSet without a released version is new and has nothing to compare.
    /// What either side cannot read is reported as SM1009 (a comparison with an unreadable baseline is not a pass).
    /// </summary>
    /// <param name="baselinePaths">The released manifest files.</param>
    /// <param name="paths">The new manifest files; findings name them as given.</param>
    public static IReadOnlyList<Finding> CompareFiles(IEnumerable<string> baselinePaths, IEnumerable<string> paths)
    {
        var findings = new List<Finding>();
        var baseline = ManifestSources.ReadFiles(baselinePaths ?? throw new ArgumentNullException(nameof(baselinePaths)), findings);
        var sources = ManifestSources.ReadFiles(paths ?? throw new ArgumentNullException(nameof(paths)), findings);
        return Compare(baseline, sources, findings);
    }

    /// <summary>
    /// <see cref="CompareFiles"/> on texts: the released manifests and the new ones, each text with the name used in
    /// positions.
    /// </summary>
    /// <param name="baseline">The released manifests.</param>
    /// <param name="sources">The new manifests.</param>
    public static IReadOnlyList<Finding> CompareSources(IEnumerable<(string Name, string Yaml)> baseline, IEnumerable<(string Name, string Yaml)> sources) =>
        Compare(
            (baseline ?? throw new ArgumentNullException(nameof(baseline))).ToList(),
            (sources ?? throw new ArgumentNullException(nameof(sources))).ToList(),
            []);

    private static IReadOnlyList<Finding> Compare(IReadOnlyList<(string Name, string Yaml)> baselineSources, IReadOnlyList<(string Name, string Yaml)> sources, List<Finding> findings)
    {
        var released = ManifestSources.Read(baselineSources, findings);
        var releasedObjects = released.StatefulSets.Select(s => (IKubernetesObject)s.Object).Concat(released.Services.Select(s => s.Object)).ToList();
        var current = ManifestSources.Read(sources, findings);
        var currentPairing = new WorkloadPairing(current.StatefulSets, current.Services, current.Budgets);
        foreach (var set in current.StatefulSets)
        {
            var service = currentPairing.ServiceOf(set);
            var comparison = UpdateCheck.CompareWithReleased(releasedObjects, new StatefulWorkload(set.Object, service?.Object, null, ValueList<ManifestPatch>.Empty));
            if (comparison is null)
            {
                continue;
            }

            var ignored = IgnoreAnnotation.Of(set.Object.Metadata);
            var ignoredByService = IgnoreAnnotation.Of(service?.Object.Metadata);
            foreach (var finding in comparison.Findings)
            {
                var onService = finding.Subject == FindingSubject.Service && service is not null;
                if (!(onService ? ignoredByService : ignored).Contains(finding.RuleId))
                {
                    findings.Add(Located(finding, onService ? service!.Positions : set.Positions));
                }
            }
        }

        return Distinct(findings);
    }
}
