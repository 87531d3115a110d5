using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Stands for "this workload's selector labels" in a label selector built before the selector labels are final
/// (<c>SpreadAcrossNodes</c>, <c>TopologySpread</c>, <c>MatchOwnPods</c>), so the element keeps its place in
/// its list. <see cref="StatefulSetBuilder.Build"/> replaces it (found by reference, never by value) with the
/// real selector labels.
/// </summary>
internal static class SelectorLabelsPlaceholder
{
    /// <summary>The placeholder instance (immutable).</summary>
    public static LabelSelector Instance { get; } = new();

    /// <summary>True for the placeholder itself.</summary>
    public static bool Is(LabelSelector? selector) => ReferenceEquals(selector, Instance);

    /// <summary>Replaces the placeholder in every selector of a pod spec that may hold one.</summary>
    public static PodSpec Resolve(PodSpec pod, LabelSelector own)
    {
        LabelSelector? Fix(LabelSelector? s) => Is(s) ? own : s;
        PodAffinityTerm FixTerm(PodAffinityTerm t) => Is(t.LabelSelector) ? t with { LabelSelector = own } : t;
        WeightedPodAffinityTerm FixWeighted(WeightedPodAffinityTerm w) =>
            w.PodAffinityTerm is { } t && Is(t.LabelSelector) ? w with { PodAffinityTerm = FixTerm(t) } : w;

        var affinity = pod.Affinity;
        if (affinity is not null)
        {
            affinity = affinity with
            {
                PodAffinity = affinity.PodAffinity is { } a
                    ? a with
                    {
                        RequiredDuringSchedulingIgnoredDuringExecution = a.RequiredDuringSchedulingIgnoredDuringExecution?.Select(FixTerm).ToValueList(),
                        PreferredDuringSchedulingIgnoredDuringExecution = a.PreferredDuringSchedulingIgnoredDuringExecution?.Select(FixWeighted).ToValueList(),
                    }
                    : null,
                PodAntiAffinity = affinity.PodAntiAffinity is { } anti
                    ? anti with
                    {
                        RequiredDuringSchedulingIgnoredDuringExecution = anti.RequiredDuringSchedulingIgnoredDuringExecution?.Select(FixTerm).ToValueList(),
                        PreferredDuringSchedulingIgnoredDuringExecution = anti.PreferredDuringSchedulingIgnoredDuringExecution?.Select(FixWeighted).ToValueList(),
                    }
                    : null,
            };
        }

        return pod with
        {
            Affinity = affinity,
            TopologySpreadConstraints = pod.TopologySpreadConstraints?.Select(c => c with { LabelSelector = Fix(c.LabelSelector) }).ToValueList(),
        };
    }
}
