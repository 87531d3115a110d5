using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Where pods may run: tolerations, node/pod (anti-)affinity and topology spread constraints.
/// </summary>
internal static class SchedulingRules
{
    private static readonly IReadOnlyList<string> TolerationOperators = ["Equal", "Exists"];
    private static readonly IReadOnlyList<string> TaintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

    /// <summary><c>ValidateTolerations</c>.</summary>
    public static void ValidateTolerations(ValueList<Toleration>? tolerations, FieldPath path, ValidationErrors errors)
    {
        var list = tolerations ?? ValueList<Toleration>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var toleration = list[i] ?? new Toleration();
            var tolerationPath = path.Index(i);
            var key = toleration.Key ?? string.Empty;
            var op = ValueRules.Wire(toleration.Operator) ?? string.Empty;
            var effect = ValueRules.Wire(toleration.Effect) ?? string.Empty;
            var value = toleration.Value ?? string.Empty;
            if (key.Length > 0)
            {
                ObjectMetaRules.ValidateLabelName(key, tolerationPath.Child("key"), errors);
            }

            if (key.Length == 0 && op != "Exists")
            {
                errors.Invalid(tolerationPath.Child("operator"), op, "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
            }

            if (toleration.TolerationSeconds is not null && effect != "NoExecute")
            {
                errors.Invalid(tolerationPath.Child("effect"), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set");
            }

            switch (op)
            {
                case "Equal":
                case "":
                    var messages = NameRules.IsLabelValue(value);
                    if (messages.Count > 0)
                    {
                        errors.Invalid(tolerationPath.Child("operator"), value, string.Join(";", messages));
                    }

                    break;
                case "Exists":
                    if (value.Length > 0)
                    {
                        errors.Invalid(tolerationPath.Child("operator"), value, "value must be empty when `operator` is 'Exists'");
                    }

                    break;
                default:
                    errors.NotSupported(tolerationPath.Child("operator"), op, TolerationOperators);
                    break;
            }

            // An empty effect matches every effect.
            if (effect.Length > 0 && !toleration.Effect!.Value.IsKnown)
            {
                errors.NotSupported(tolerationPath.Child("effect"), effect, TaintEffects);
            }
        }
    }

    /// <summary><c>validateAffinity</c>.</summary>
    public static void ValidateAffinity(Affinity? affinity, FieldPath path, ValidationErrors errors)
    {
        if (affinity is null)
        {
            return;
        }

        if (affinity.NodeAffinity is { } node)
        {
            var nodePath = path.Child("nodeAffinity");
            if (node.RequiredDuringSchedulingIgnoredDuringExecution is { } required)
            {
                ValidateNodeSelector(required, nodePath.Child("requiredDuringSchedulingIgnoredDuringExecution"), errors);
            }

            var preferred = node.PreferredDuringSchedulingIgnoredDuringExecution ?? ValueList<PreferredSchedulingTerm>.Empty;
            for (var i = 0; i < preferred.Count; i++)
            {
                var term = preferred[i] ?? new PreferredSchedulingTerm();
                var termPath = nodePath.Child("preferredDuringSchedulingIgnoredDuringExecution").Index(i);
                ValidateWeight(term.Weight ?? 0, termPath.Child("weight"), errors);

                // Preferred terms tolerate invalid label values (they may still match on a one-node cluster).
                ValidateNodeSelectorTerm(term.Preference ?? new NodeSelectorTerm(), strictValues: false, termPath.Child("preference"), errors);
            }
        }

        if (affinity.PodAffinity is { } podAffinity)
        {
            ValidatePodAffinityTerms(podAffinity.RequiredDuringSchedulingIgnoredDuringExecution, podAffinity.PreferredDuringSchedulingIgnoredDuringExecution, path.Child("podAffinity"), errors);
        }

        if (affinity.PodAntiAffinity is { } antiAffinity)
        {
            ValidatePodAffinityTerms(antiAffinity.RequiredDuringSchedulingIgnoredDuringExecution, antiAffinity.PreferredDuringSchedulingIgnoredDuringExecution, path.Child("podAntiAffinity"), errors);
        }
    }

    /// <summary><c>validateTopologySpreadConstraints</c>.</summary>
    public static void ValidateTopologySpreadConstraints(ValueList<TopologySpreadConstraint>? constraints, FieldPath path, ValidationErrors errors)
    {
        var list = constraints ?? ValueList<TopologySpreadConstraint>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var constraint = list[i] ?? new TopologySpreadConstraint();
            var constraintPath = path.Index(i);
            var maxSkew = constraint.MaxSkew ?? 0;
            if (maxSkew <= 0)
            {
                errors.Invalid(constraintPath.Child("maxSkew"), maxSkew, ValueRules.NotPositiveMessage);
            }

            if (string.IsNullOrEmpty(constraint.TopologyKey))
            {
                errors.Required(constraintPath.Child("topologyKey"), "can not be empty");
            }

            // whenUnsatisfiable has no default: it must be set to a supported value.
            var action = constraint.WhenUnsatisfiable?.Value ?? string.Empty;
            if (constraint.WhenUnsatisfiable is not { IsKnown: true })
            {
                errors.NotSupported(constraintPath.Child("whenUnsatisfiable"), action, ValueRules.Sorted<WhenUnsatisfiable>());
            }

            for (var j = i + 1; j < list.Count; j++)
            {
                if (list[j] is { } other && other.TopologyKey == constraint.TopologyKey && (other.WhenUnsatisfiable?.Value ?? string.Empty) == action)
                {
                    errors.Duplicate(constraintPath.Child("{topologyKey, whenUnsatisfiable}"), "{" + constraint.TopologyKey + ", " + action + "}");
                    break;
                }
            }

            if (constraint.MinDomains is { } minDomains)
            {
                ValueRules.Positive(errors, constraintPath.Child("minDomains"), minDomains);
                if (action != "DoNotSchedule")
                {
                    errors.Invalid(constraintPath.Child("minDomains"), minDomains, "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + action);
                }
            }

            ValueRules.KnownOrDefaulted(errors, constraintPath.Child("nodeAffinityPolicy"), constraint.NodeAffinityPolicy, ValueRules.Sorted<NodeInclusionPolicy>());
            ValueRules.KnownOrDefaulted(errors, constraintPath.Child("nodeTaintsPolicy"), constraint.NodeTaintsPolicy, ValueRules.Sorted<NodeInclusionPolicy>());
            ValidateLabelKeys(constraint.MatchLabelKeys, constraintPath.Child("matchLabelKeys"), errors);
            LabelSelectorRules.Validate(constraint.LabelSelector, constraintPath.Child("labelSelector"), errors);
        }
    }

    private static void ValidateNodeSelector(NodeSelector selector, FieldPath path, ValidationErrors errors)
    {
        var terms = selector.NodeSelectorTerms ?? ValueList<NodeSelectorTerm>.Empty;
        if (terms.Count == 0)
        {
            errors.Required(path.Child("nodeSelectorTerms"), "must have at least one node selector term");
            return;
        }

        for (var i = 0; i < terms.Count; i++)
        {
            ValidateNodeSelectorTerm(terms[i] ?? new NodeSelectorTerm(), strictValues: true, path.Child("nodeSelectorTerms").Index(i), errors);
        }
    }

    private static void ValidateNodeSelectorTerm(NodeSelectorTerm term, bool strictValues, FieldPath path, ValidationErrors errors)
    {
        var expressions = term.MatchExpressions ?? ValueList<NodeSelectorRequirement>.Empty;
        for (var i = 0; i < expressions.Count; i++)
        {
            ValidateNodeSelectorRequirement(expressions[i] ?? new NodeSelectorRequirement(), strictValues, path.Child("matchExpressions").Index(i), errors);
        }

        var fields = term.MatchFields ?? ValueList<NodeSelectorRequirement>.Empty;
        for (var i = 0; i < fields.Count; i++)
        {
            var requirement = fields[i] ?? new NodeSelectorRequirement();
            var fieldPath = path.Child("matchFields").Index(i);
            var values = requirement.Values ?? ValueList<string>.Empty;
            if (requirement.Operator?.Known is NodeSelectorOperator.In or NodeSelectorOperator.NotIn)
            {
                if (values.Count != 1)
                {
                    errors.Required(fieldPath.Child("values"), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector");
                }
            }
            else
            {
                errors.Invalid(fieldPath.Child("operator"), requirement.Operator?.Value ?? string.Empty, "not a valid selector operator");
            }

            if (requirement.Key != "metadata.name")
            {
                errors.Invalid(fieldPath.Child("key"), requirement.Key ?? string.Empty, "not a valid field selector key");
            }
            else
            {
                for (var j = 0; j < values.Count; j++)
                {
                    errors.Invalid(fieldPath.Child("values").Index(j), values[j], NameRules.NameIsDnsSubdomain(values[j] ?? string.Empty, false));
                }
            }
        }
    }

    private static void ValidateNodeSelectorRequirement(NodeSelectorRequirement requirement, bool strictValues, FieldPath path, ValidationErrors errors)
    {
        var values = requirement.Values ?? ValueList<string>.Empty;
        switch (requirement.Operator?.Known)
        {
            case NodeSelectorOperator.In:
            case NodeSelectorOperator.NotIn:
                if (values.Count == 0)
                {
                    errors.Required(path.Child("values"), "must be specified when `operator` is 'In' or 'NotIn'");
                }

                break;
            case NodeSelectorOperator.Exists:
            case NodeSelectorOperator.DoesNotExist:
                if (values.Count > 0)
                {
                    errors.Forbidden(path.Child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                }

                break;
            case NodeSelectorOperator.Gt:
            case NodeSelectorOperator.Lt:
                if (values.Count != 1)
                {
                    errors.Required(path.Child("values"), "must be specified single value when `operator` is 'Lt' or 'Gt'");
                }

                break;
            default:
                errors.Invalid(path.Child("operator"), requirement.Operator?.Value ?? string.Empty, "not a valid selector operator");
                break;
        }

        ObjectMetaRules.ValidateLabelName(requirement.Key, path.Child("key"), errors);
        if (strictValues)
        {
            for (var i = 0; i < values.Count; i++)
            {
                var value = values[i] ?? string.Empty;
                errors.Invalid(path.Child("values").Index(i), value, NameRules.IsLabelValue(value));
            }
        }
    }

    private static void ValidatePodAffinityTerms(ValueList<PodAffinityTerm>? required, ValueList<WeightedPodAffinityTerm>? preferred, FieldPath path, ValidationErrors errors)
    {
        var requiredList = required ?? ValueList<PodAffinityTerm>.Empty;
        for (var i = 0; i < requiredList.Count; i++)
        {
            ValidatePodAffinityTerm(requiredList[i] ?? new PodAffinityTerm(), path.Child("requiredDuringSchedulingIgnoredDuringExecution").Index(i), errors);
        }

        var preferredList = preferred ?? ValueList<WeightedPodAffinityTerm>.Empty;
        for (var i = 0; i < preferredList.Count; i++)
        {
            var term = preferredList[i] ?? new WeightedPodAffinityTerm();
            var termPath = path.Child("preferredDuringSchedulingIgnoredDuringExecution").Index(i);
            ValidateWeight(term.Weight ?? 0, termPath.Child("weight"), errors);
            ValidatePodAffinityTerm(term.PodAffinityTerm ?? new PodAffinityTerm(), termPath.Child("podAffinityTerm"), errors);
        }
    }

    private static void ValidatePodAffinityTerm(PodAffinityTerm term, FieldPath path, ValidationErrors errors)
    {
        LabelSelectorRules.Validate(term.LabelSelector, path.Child("labelSelector"), errors);
        LabelSelectorRules.Validate(term.NamespaceSelector, path.Child("namespaceSelector"), errors);
        foreach (var name in term.Namespaces ?? ValueList<string>.Empty)
        {
            // Kubernetes reports these at ".namespace", without an index.
            errors.Invalid(path.Child("namespace"), name ?? string.Empty, NameRules.NameIsDnsLabel(name ?? string.Empty, false));
        }

        ValidateLabelKeys(term.MatchLabelKeys, path.Child("matchLabelKeys"), errors);
        ValidateLabelKeys(term.MismatchLabelKeys, path.Child("mismatchLabelKeys"), errors);
        if (string.IsNullOrEmpty(term.TopologyKey))
        {
            errors.Required(path.Child("topologyKey"), "can not be empty");
        }

        ObjectMetaRules.ValidateLabelName(term.TopologyKey, path.Child("topologyKey"), errors);
    }

    private static void ValidateLabelKeys(ValueList<string>? keys, FieldPath path, ValidationErrors errors)
    {
        var list = keys ?? ValueList<string>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            ObjectMetaRules.ValidateLabelName(list[i], path.Index(i), errors);
        }
    }

    private static void ValidateWeight(int weight, FieldPath path, ValidationErrors errors)
    {
        if (weight is <= 0 or > 100)
        {
            errors.Invalid(path, weight, "must be in the range 1-100");
        }
    }
}
