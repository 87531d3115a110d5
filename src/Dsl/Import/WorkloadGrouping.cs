using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Import;

/// <summary>An input object and where its document starts.</summary>
internal sealed record Located(IKubernetesObject Object, SourcePosition Position);

/// <summary>A StatefulSet with the Service and PodDisruptionBudget that belong to its declaration.</summary>
internal sealed record WorkloadGroup(Located StatefulSet, Located? Service, Located? Budget)
{
    /// <summary>Where the objects came from, for the declaration's doc comment.</summary>
    public string Describe() => string.Join(", ", new[] { StatefulSet, Service, Budget }
        .Where(o => o is not null)
        .Select(o => o!.Object.Kind + " " + o.Object.Metadata?.Name + " (" + o.Position.File + ":" + o.Position.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")"));
}

/// <summary>The StatefulSets with their companions, and every object no declaration can own.</summary>
internal sealed record WorkloadGrouping(IReadOnlyList<WorkloadGroup> Groups, IReadOnlyList<SkippedObject> Skipped)
{
    /// <summary>
    /// Pairs each StatefulSet (in input order) with its governing Service — the first Service named
    /// <c>spec.serviceName</c> in its namespace — and the first PodDisruptionBudget in its namespace whose selector
    /// selects its pod template's labels; each Service and budget goes to at most one set. Everything else is skipped.
    /// </summary>
    public static WorkloadGrouping Group(IReadOnlyList<Located> objects)
    {
        var claimed = new HashSet<Located>();
        var groups = new List<WorkloadGroup>();
        foreach (var located in objects.Where(o => o.Object is StatefulSet))
        {
            var set = (StatefulSet)located.Object;
            var ns = set.Metadata?.Namespace;
            var service = objects.FirstOrDefault(o => o.Object is Service s && !claimed.Contains(o)
                && set.Spec?.ServiceName is { } serviceName && s.Metadata?.Name == serviceName && s.Metadata?.Namespace == ns);
            var podLabels = set.Spec?.Template?.Metadata?.Labels ?? ValueMap<string>.Empty;
            var budget = objects.FirstOrDefault(o => o.Object is PodDisruptionBudget p && !claimed.Contains(o)
                && p.Metadata?.Namespace == ns && p.Spec?.Selector is { } selector && podLabels.Count > 0 && LabelSelector.Matches(selector, podLabels));
            claimed.Add(located);
            if (service is not null)
            {
                claimed.Add(service);
            }

            if (budget is not null)
            {
                claimed.Add(budget);
            }

            groups.Add(new WorkloadGroup(located, service, budget));
        }

        var skipped = objects.Where(o => !claimed.Contains(o)).Select(o => new SkippedObject(
            o.Object.Kind ?? string.Empty,
            o.Object.Metadata?.Name ?? string.Empty,
            o.Position,
            o.Object switch
            {
                Service => "not the governing Service (spec.serviceName) of a StatefulSet in the input; the DSL declares a Service only with its StatefulSet",
                PodDisruptionBudget => "selects the pods of no StatefulSet in the input; the DSL declares a PodDisruptionBudget only with its StatefulSet",
                _ => "the DSL declares StatefulSets, their governing Service and PodDisruptionBudget only",
            })).ToList();
        return new WorkloadGrouping(groups, skipped);
    }
}
