using StatefulManifests.Model;
using static StatefulManifests.Import.ImportValues;

namespace StatefulManifests.Import;

/// <summary>
/// The governing Service and the PodDisruptionBudget folded into the StatefulSet's declaration. Whether a field can be
/// left to the DSL's default is decided by running the declaration so far and looking at what the DSL builds, never
/// from a copy of its defaults.
/// </summary>
internal static class CompanionCalls
{
    /// <summary>Adds <c>.Service(s =&gt; ...)</c> (or, when every field is the DSL's default, only comments saying so).</summary>
    public static void Service(DslChain chain, Service service, ValueMap<string> selector, Func<DslChain, StatefulWorkload> build)
    {
        var meta = service.Metadata ?? new ObjectMeta();
        var spec = service.Spec ?? new ServiceSpec();
        var body = new DslChain(typeof(ServiceBuilder));
        body.Comment("relies on the default: the Service is named spec.serviceName (" + meta.Name + ") and is in the StatefulSet's namespace");
        var (own, inherited) = Split(meta.Labels, selector);
        if (own.Length > 0)
        {
            body.Call(nameof(ServiceBuilder.Labels), own);
        }

        if (inherited.Length > 0)
        {
            body.Comment("relies on the default: the Service carries the selector labels (" + Describe(inherited) + ")");
        }

        if (Any(meta.Annotations))
        {
            body.Call(nameof(ServiceBuilder.Annotations), Pairs(meta.Annotations));
        }

        PodCalls.Known(body, nameof(ServiceBuilder.Type), ImportValues.Enum(spec.Type, out var typeKnown), typeKnown);
        PodCalls.Known(body, nameof(ServiceBuilder.SessionAffinity), ImportValues.Enum(spec.SessionAffinity, out var affinityKnown), affinityKnown);
        PodCalls.Flag(body, nameof(ServiceBuilder.PublishNotReadyAddresses), spec.PublishNotReadyAddresses);
        var built = Trial(chain, body, build).Service!;
        if (spec.ClusterIP is { } clusterIP && clusterIP == built.Spec?.ClusterIP)
        {
            body.Comment("relies on the default: the Service is headless (clusterIP: " + clusterIP + ")");
        }
        else if (spec.ClusterIP is { } other)
        {
            body.Call(nameof(ServiceBuilder.ClusterIP), other);
        }

        if (spec.Selector is { } wanted && Equals(wanted, built.Spec?.Selector))
        {
            body.Comment("relies on the default: the Service selects the StatefulSet's selector labels");
        }
        else if (spec.Selector is { } different)
        {
            body.Call(nameof(ServiceBuilder.Selector), Pairs(different));
        }

        if (Equals(spec.Ports, built.Spec?.Ports))
        {
            if (spec.Ports is not null)
            {
                body.Comment("relies on the default: the Service's ports are the containers' ports");
            }
        }
        else
        {
            Ports(body, spec.Ports);
        }

        Attach(chain, nameof(StatefulSetBuilder.Service), body);
    }

    /// <summary>Adds <c>.DisruptionBudget(b =&gt; ...)</c> for the budget selecting the StatefulSet's pods.</summary>
    public static void DisruptionBudget(DslChain chain, PodDisruptionBudget budget, string setName, Func<DslChain, StatefulWorkload> build)
    {
        var meta = budget.Metadata ?? new ObjectMeta();
        var spec = budget.Spec ?? new PodDisruptionBudgetSpec();
        var body = new DslChain(typeof(DisruptionBudgetBuilder));
        if (meta.Name == setName)
        {
            body.Comment("relies on the default: the PodDisruptionBudget is named after the StatefulSet");
        }
        else if (meta.Name is { } name)
        {
            body.Call(nameof(DisruptionBudgetBuilder.Name), name);
        }

        if (Any(meta.Labels))
        {
            body.Call(nameof(DisruptionBudgetBuilder.Labels), Pairs(meta.Labels));
        }

        if (Any(meta.Annotations))
        {
            body.Call(nameof(DisruptionBudgetBuilder.Annotations), Pairs(meta.Annotations));
        }

        if (spec.MinAvailable is { } min)
        {
            body.Call(nameof(DisruptionBudgetBuilder.MinAvailable), IntOrText(min));
        }

        if (spec.MaxUnavailable is { } max && spec.MinAvailable is null)
        {
            body.Call(nameof(DisruptionBudgetBuilder.MaxUnavailable), IntOrText(max));
        }

        PodCalls.Known(body, nameof(DisruptionBudgetBuilder.UnhealthyPodEvictionPolicy), ImportValues.Enum(spec.UnhealthyPodEvictionPolicy, out var known), known);
        var built = Trial(chain, body, build, budget: true).DisruptionBudget!;
        if (spec.Selector is { } selector && Equals(selector, built.Spec?.Selector))
        {
            body.Comment("relies on the default: the PodDisruptionBudget selects the StatefulSet's selector labels");
        }
        else if (spec.Selector is { MatchExpressions: null, MatchLabels: { } labels })
        {
            body.Call(nameof(DisruptionBudgetBuilder.Selector), Pairs(labels));
        }

        AttachBudget(chain, body, build);
    }

    // The shortest form that builds the same budget: DisruptionBudget() (the DSL's maxUnavailable: 1), then
    // DisruptionBudget(minAvailable: n) / (maxUnavailable: n) when that is all the body sets, else the lambda.
    private static void AttachBudget(DslChain chain, DslChain body, Func<DslChain, StatefulWorkload> build)
    {
        var wanted = Trial(chain, body, build, budget: true).DisruptionBudget;
        var calls = body.Calls.ToList();
        var shortcut = calls.Count == 1 && calls[0].Method.Name is nameof(DisruptionBudgetBuilder.MinAvailable) or nameof(DisruptionBudgetBuilder.MaxUnavailable)
            ? calls[0]
            : null;
        var plain = chain.Copy();
        plain.Call(nameof(StatefulSetBuilder.DisruptionBudget));
        if (shortcut is not null && Equals(build(plain).DisruptionBudget, wanted))
        {
            body.Items.OfType<string>().ToList().ForEach(chain.Comment);
            chain.Comment("relies on the default: a PodDisruptionBudget of maxUnavailable: 1");
            chain.Call(nameof(StatefulSetBuilder.DisruptionBudget));
            return;
        }

        if (shortcut is not null)
        {
            body.Items.OfType<string>().ToList().ForEach(chain.Comment);
            var value = shortcut.Args[0];
            var isMin = shortcut.Method.Name == nameof(DisruptionBudgetBuilder.MinAvailable);
            chain.Call(nameof(StatefulSetBuilder.DisruptionBudget), isMin ? value : DslArg.Default, isMin ? DslArg.Default : value);
            return;
        }

        chain.Call(nameof(StatefulSetBuilder.DisruptionBudget), body);
    }

    /// <summary>The labels the DSL does not add by itself, and those it does (equal to a selector label).</summary>
    public static ((string, string)[] Own, (string, string)[] Inherited) Split(ValueMap<string>? labels, ValueMap<string> selector)
    {
        var all = Pairs(labels);
        bool FromSelector((string Key, string Value) label) => selector.TryGetValue(label.Key, out var value) && value == label.Value;
        return (all.Where(l => !FromSelector(l)).ToArray(), all.Where(FromSelector).ToArray());
    }

    /// <summary><c>key: value, key: value</c>.</summary>
    public static string Describe(IEnumerable<(string Key, string Value)> labels) => string.Join(", ", labels.Select(l => l.Key + ": " + l.Value));

    private static void Ports(DslChain body, ValueList<ServicePort>? ports)
    {
        var list = ports ?? ValueList<ServicePort>.Empty;
        body.Call(nameof(ServiceBuilder.WithoutContainerPorts));
        if (list.Any(p => p.Port is null || p.Protocol is { IsKnown: false } || p.Name is null && p.TargetPort is { IsString: true }))
        {
            return;
        }

        foreach (var port in list)
        {
            var target = port.TargetPort is { } t ? IntOrText(t) : DslArg.Default;
            var protocol = Opt(port.Protocol?.Known);
            if (port.Name is { } name)
            {
                body.Call(nameof(ServiceBuilder.Port), name, port.Port!.Value, target, protocol, Opt(port.AppProtocol));
            }
            else
            {
                body.Call(nameof(ServiceBuilder.Port), port.Port!.Value, target, protocol, Opt(port.AppProtocol));
            }
        }
    }

    // What the DSL builds for the declaration so far with this companion body: the DSL's own answer to "is this the default?".
    private static StatefulWorkload Trial(DslChain chain, DslChain body, Func<DslChain, StatefulWorkload> build, bool budget = false)
    {
        var trial = chain.Copy();
        trial.Call(budget ? nameof(StatefulSetBuilder.DisruptionBudget) : nameof(StatefulSetBuilder.Service), body);
        return build(trial);
    }

    // A body with no call says nothing a lambda is needed for: its comments stand in the declaration itself.
    private static void Attach(DslChain chain, string method, DslChain body)
    {
        if (!body.IsEmpty)
        {
            chain.Call(method, body);
            return;
        }

        foreach (var comment in body.Items.OfType<string>())
        {
            chain.Comment(comment);
        }
    }
}
