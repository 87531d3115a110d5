using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>Build: wiring the defaults into the StatefulSet, its Service and its PodDisruptionBudget.</summary>
public sealed partial class StatefulSetBuilder
{
    /// <summary>The label key of the default selector (<c>app.kubernetes.io/name: &lt;name&gt;</c>).</summary>
    public const string DefaultSelectorLabel = "app.kubernetes.io/name";

    /// <summary>
    /// Builds the immutable workload, applying the defaults: selector (the selector labels, plus any
    /// <see cref="SelectorExpression"/>); pod template labels = <see cref="Labels"/> + selector labels; placeholders
    /// for "this workload's pods" in affinity and topology spread resolved; <c>spec.serviceName</c>; then
    /// <see cref="ModifyStatefulSet"/> functions; then the Service, PodDisruptionBudget and owned objects derived from
    /// the result.
    /// Never throws for bad values (see <see cref="StatefulWorkload.Validate()"/>).
    /// </summary>
    public StatefulWorkload Build()
    {
        var selectorLabels = draft.SelectorLabels ?? ValueMap.Of((DefaultSelectorLabel, draft.Name));
        var ownPods = new LabelSelector { MatchLabels = selectorLabels };
        var template = draft.Spec.Template!;
        var podLabels = (draft.PodMetadata.Labels ?? ValueMap<string>.Empty).SetItems(selectorLabels);
        var statefulSet = new StatefulSet
        {
            Metadata = draft.Metadata,
            Spec = draft.Spec with
            {
                Selector = new LabelSelector { MatchLabels = selectorLabels, MatchExpressions = draft.SelectorExpressions },
                ServiceName = draft.ServiceName ?? (draft.WithoutService ? null : draft.Name),
                Template = template with
                {
                    Metadata = draft.PodMetadata with { Labels = podLabels },
                    Spec = SelectorLabelsPlaceholder.Resolve(draft.Pod, ownPods),
                },
            },
        };

        statefulSet = draft.Modifications.Aggregate(
            statefulSet,
            (s, modify) => modify(s) ?? throw new InvalidOperationException("a ModifyStatefulSet function returned null"));

        // The companions follow the finished StatefulSet, so a ModifyStatefulSet change carries over to them.
        var finalSelector = statefulSet.Spec?.Selector?.MatchLabels ?? selectorLabels;
        var @namespace = statefulSet.Metadata?.Namespace;
        var service = draft.WithoutService
            ? null
            : (draft.Service ?? ServiceBuilder.Default).Complete(
                statefulSet.Spec?.ServiceName ?? draft.Name,
                @namespace,
                finalSelector,
                PortPublishingContainers(statefulSet.Spec?.Template?.Spec));
        var budget = draft.DisruptionBudget?.Complete(statefulSet.Metadata?.Name ?? draft.Name, @namespace, finalSelector);
        var owned = new OwnedContext(statefulSet, service);
        var ownedProblems = draft.OwnedSteps.Select(step => step.Problem?.Invoke(owned)).Where(e => e is not null).Select(e => e!);
        return new StatefulWorkload(statefulSet, service, budget, draft.Patches)
        {
            Declaration = draft.Declaration,
            DeclarationErrors = OverriddenPodLabels(draft.PodMetadata.Labels, selectorLabels).AddRange(draft.CallErrors).AddRange(ownedProblems),
            Owned = CompleteOwnedWithAutoscaler(owned),
        };
    }

    // Objects made per ordinal (pre-provisioned claims) must cover every replica the autoscaler may add, so when an
    // owned autoscaler allows more than spec.replicas, the objects are completed again knowing its maximum (each
    // object is a function of the context, so the second pass only changes those counted by replicas).
    private ValueList<IKubernetesObject> CompleteOwnedWithAutoscaler(OwnedContext context)
    {
        var owned = CompleteOwned(context);
        var maximum = owned.OfType<HorizontalPodAutoscaler>()
            .Where(h => OwnedObjects.Scales(h, context.Name))
            .Select(h => h.Spec?.MaxReplicas).Max();
        return maximum > context.MaximumReplicas ? CompleteOwned(context with { AutoscalerMaximum = maximum }) : owned;
    }

    // A pod label whose key is also a selector label gets the selector's value (the pods must match their own
    // selector), so a different value the user gave would silently vanish from the manifest: report it instead.
    private static ValueList<FieldError> OverriddenPodLabels(ValueMap<string>? podLabels, ValueMap<string> selectorLabels)
    {
        var errors = new List<FieldError>();
        foreach (var label in podLabels ?? ValueMap<string>.Empty)
        {
            if (label.Value is not null && selectorLabels.TryGetValue(label.Key, out var identity) && identity is not null && identity != label.Value)
            {
                errors.Add(FieldError.Invalid(
                    FieldPath.Root("spec").Child("template", "metadata", "labels").Key(label.Key),
                    label.Value,
                    "the selector label " + label.Key + "=" + identity + " replaces this value, since every pod must carry its set's selector labels; "
                    + "to give the pods this value, set it with SelectorLabels((\"" + label.Key + "\", \"" + label.Value + "\")) (the selector is immutable once created), else use another key"));
            }
        }

        return errors.Count == 0 ? ValueList<FieldError>.Empty : ValueList.Of(errors.ToArray());
    }

    // The containers that serve while the pod runs: the app containers, then sidecars (init containers with
    // restartPolicy Always). Plain init containers have exited by then, so their ports are not published.
    private static IEnumerable<Container> PortPublishingContainers(PodSpec? pod) =>
        (pod?.Containers ?? ValueList<Container>.Empty)
            .Concat((pod?.InitContainers ?? ValueList<Container>.Empty).Where(c => c.RestartPolicy == ContainerRestartPolicy.Always));
}
