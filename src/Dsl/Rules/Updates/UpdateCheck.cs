using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Updates;

/// <summary>
/// Checks a change against what is running: the new StatefulSet (and its Service) against the released manifests.
/// Updates the API server rejects are errors with its own message and the way to migrate (SM5001, SM5005); changes
/// that risk data are warnings (SM5002 claim template removed or renamed, SM5003 storage size or class changed,
/// SM5004 a scale-down that deletes claims). The analyzers' baseline check, the YAML linter's
/// <see cref="ManifestLinter.CompareFiles"/> and the build all call this.
/// </summary>
/// <remarks>
/// Both sides are compared as the API server stores them (defaulted, semantically: <c>1Gi</c> equals
/// <c>1024Mi</c>), through the same functions as <see cref="UpdateValidator"/>. Everything else of an update —
/// a new image, replicas, probes — is allowed and not reported here (the rollout plan describes it).
/// </remarks>
public static class UpdateCheck
{
    /// <summary>Compares a workload with its released version (the StatefulSet, and the Service when both sides have one).</summary>
    /// <param name="baseline">The released workload (e.g. read from the GitOps repository).</param>
    /// <param name="updated">The new workload; findings have paths in it.</param>
    public static UpdateComparison Compare(StatefulWorkload baseline, StatefulWorkload updated)
    {
        if (baseline is null)
        {
            throw new ArgumentNullException(nameof(baseline));
        }

        if (updated is null)
        {
            throw new ArgumentNullException(nameof(updated));
        }

        var changes = StatefulSetChanges.Find(baseline.StatefulSet, updated.StatefulSet).ToList();
        if (baseline.Service is { } releasedService && updated.Service is { } newService)
        {
            changes.AddRange(ServiceChanges.Find(releasedService, newService));
        }

        return new UpdateComparison(changes.ToValueList(), changes.Select(UpdateFindings.Of).ToValueList());
    }

    /// <summary>
    /// Finds the released version of <paramref name="updated"/> among <paramref name="released"/> objects (e.g. every
    /// document of a GitOps checkout) and compares them; null when there is none (a new workload). The StatefulSet is
    /// matched by name and namespace — a side without a namespace matches any, since it is applied to the client's
    /// namespace — preferring an exact namespace match; its released Service is the one named by the released
    /// StatefulSet's <c>serviceName</c>, in the same namespace.
    /// </summary>
    /// <param name="released">The released objects (StatefulSets and Services are used; other kinds are ignored).</param>
    /// <param name="updated">The new workload.</param>
    public static UpdateComparison? CompareWithReleased(IEnumerable<IKubernetesObject> released, StatefulWorkload updated)
    {
        if (released is null)
        {
            throw new ArgumentNullException(nameof(released));
        }

        if (updated is null)
        {
            throw new ArgumentNullException(nameof(updated));
        }

        return FindReleased(released, updated.StatefulSet) is { } baseline ? Compare(baseline, updated) : null;
    }

    /// <summary>
    /// The released version of <paramref name="updated"/> among <paramref name="released"/> objects, matched as
    /// <see cref="CompareWithReleased"/> says (the StatefulSet by name and namespace, its Service by the released
    /// <c>serviceName</c>); null when there is none. The build's rollout plan starts from it.
    /// </summary>
    /// <param name="released">The released objects (StatefulSets and Services are used; other kinds are ignored).</param>
    /// <param name="updated">The new StatefulSet.</param>
    public static StatefulWorkload? FindReleased(IEnumerable<IKubernetesObject> released, StatefulSet updated)
    {
        if (released is null)
        {
            throw new ArgumentNullException(nameof(released));
        }

        if (updated is null)
        {
            throw new ArgumentNullException(nameof(updated));
        }

        var objects = released.Where(o => o is not null).ToList();
        var name = updated.Metadata?.Name ?? string.Empty;
        var ns = updated.Metadata?.Namespace ?? string.Empty;
        var candidates = objects.OfType<StatefulSet>().Where(s => (s.Metadata?.Name ?? string.Empty) == name && NamespacesMatch(s.Metadata?.Namespace, ns)).ToList();
        var set = candidates.FirstOrDefault(s => (s.Metadata?.Namespace ?? string.Empty) == ns) ?? candidates.FirstOrDefault();
        if (set is null)
        {
            return null;
        }

        var serviceName = set.Spec?.ServiceName ?? string.Empty;
        var service = serviceName.Length == 0
            ? null
            : objects.OfType<Service>().FirstOrDefault(s => (s.Metadata?.Name ?? string.Empty) == serviceName && NamespacesMatch(s.Metadata?.Namespace, set.Metadata?.Namespace ?? string.Empty));
        return new StatefulWorkload(set, service, null, ValueList<ManifestPatch>.Empty);
    }

    /// <summary>Compares a StatefulSet with its released version.</summary>
    /// <param name="baseline">The released StatefulSet.</param>
    /// <param name="updated">The new StatefulSet; findings have paths in it.</param>
    public static UpdateComparison Compare(StatefulSet baseline, StatefulSet updated) =>
        Compare(
            new StatefulWorkload(baseline ?? throw new ArgumentNullException(nameof(baseline)), null, null, ValueList<ManifestPatch>.Empty),
            new StatefulWorkload(updated ?? throw new ArgumentNullException(nameof(updated)), null, null, ValueList<ManifestPatch>.Empty));

    private static bool NamespacesMatch(string? released, string updated) =>
        string.IsNullOrEmpty(released) || updated.Length == 0 || released == updated;
}
