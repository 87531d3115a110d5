using StatefulManifests.Model;
using static StatefulManifests.Import.ImportValues;

namespace StatefulManifests.Import;

/// <summary>The pod template's spec as fluent calls (containers in <see cref="ContainerCalls"/>, volumes in <see cref="VolumeCalls"/>).</summary>
internal static class PodCalls
{
    /// <summary>Pod-level settings: identity, DNS, scheduling, security context.</summary>
    public static void Settings(DslChain chain, PodSpec pod)
    {
        Text(chain, nameof(StatefulSetBuilder.ServiceAccountName), pod.ServiceAccountName);
        Flag(chain, nameof(StatefulSetBuilder.AutomountServiceAccountToken), pod.AutomountServiceAccountToken);
        if (pod.ImagePullSecrets is { Count: > 0 } secrets && secrets.All(s => s.Name is not null))
        {
            chain.Call(nameof(StatefulSetBuilder.ImagePullSecrets), secrets.Select(s => s.Name!).ToArray());
        }

        Text(chain, nameof(StatefulSetBuilder.PriorityClassName), pod.PriorityClassName);
        Known(chain, nameof(StatefulSetBuilder.DnsPolicy), Enum(pod.DnsPolicy, out var dnsKnown), dnsKnown);
        if (pod.TerminationGracePeriodSeconds is { } grace)
        {
            chain.Call(nameof(StatefulSetBuilder.TerminationGracePeriodSeconds), grace);
        }

        Flag(chain, nameof(StatefulSetBuilder.HostNetwork), pod.HostNetwork);
        Known(chain, nameof(StatefulSetBuilder.RestartPolicy), Enum(pod.RestartPolicy, out var restartKnown), restartKnown);
        Text(chain, nameof(StatefulSetBuilder.SchedulerName), pod.SchedulerName);
        Text(chain, nameof(StatefulSetBuilder.RuntimeClassName), pod.RuntimeClassName);
        Flag(chain, nameof(StatefulSetBuilder.EnableServiceLinks), pod.EnableServiceLinks);
        Flag(chain, nameof(StatefulSetBuilder.ShareProcessNamespace), pod.ShareProcessNamespace);
        if (Any(pod.NodeSelector))
        {
            chain.Call(nameof(StatefulSetBuilder.NodeSelector), Pairs(pod.NodeSelector));
        }

        Tolerations(chain, pod.Tolerations);
        if (pod.SecurityContext is { } security)
        {
            chain.Call(nameof(StatefulSetBuilder.SecurityContext), SecurityContextCalls.Pod(security));
        }
    }

    private static void Tolerations(DslChain chain, ValueList<Toleration>? tolerations)
    {
        if (tolerations is null)
        {
            return;
        }

        // All or none: a skipped entry would shift the list, so an entry the DSL cannot say leaves the whole list to a patch.
        var entries = tolerations.Select(t => (t, op: Enum(t.Operator, out var opKnown), opKnown, effect: Enum(t.Effect, out var effectKnown), effectKnown)).ToList();
        if (entries.Any(e => !e.opKnown || !e.effectKnown))
        {
            return;
        }

        foreach (var (t, op, _, effect, _) in entries)
        {
            chain.Call(nameof(StatefulSetBuilder.Toleration), Opt(t.Key), Opt(op), Opt(t.Value), Opt(effect), Opt(t.TolerationSeconds));
        }
    }

    internal static void Text(DslChain chain, string method, string? value)
    {
        if (value is not null)
        {
            chain.Call(method, value);
        }
    }

    internal static void Flag(DslChain chain, string method, bool? value)
    {
        if (value is { } flag)
        {
            chain.Call(method, flag);
        }
    }

    internal static void Known(DslChain chain, string method, object? value, bool known)
    {
        if (value is not null && known)
        {
            chain.Call(method, value);
        }
    }
}
