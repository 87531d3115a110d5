using StatefulManifests.Validation;
using StatefulManifests.Model;
using StatefulManifests.Rules.Support;

namespace StatefulManifests.Rules.Security;

/// <summary>
/// SM3021: the pods mount their ServiceAccount's API token, the ServiceAccount is the workload's own, and nothing of
/// the workload binds a Role to it: the token grants nothing the pods need, yet whoever gets into a container can
/// use it against the API server. (Another binding elsewhere may exist; then this finding can be suppressed.)
/// </summary>
internal sealed class TokenWithoutRoleRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.TokenMountedWithoutRole;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        var name = workload.Pod.ServiceAccountName is { Length: > 0 } n ? n : workload.Pod.ServiceAccount;
        var account = workload.OwnedOf<ServiceAccount>().FirstOrDefault(a => a.Metadata?.Name == name);
        if (account is null || (workload.Pod.AutomountServiceAccountToken ?? account.AutomountServiceAccountToken ?? true) == false)
        {
            yield break;
        }

        var bound = workload.OwnedOf<RoleBinding>().Any(b => (b.Subjects ?? ValueList<Subject>.Empty).Any(s =>
            s is { Kind: "ServiceAccount" } && s.Name == name && (string.IsNullOrEmpty(s.Namespace) || s.Namespace == workload.Namespace || workload.Namespace.Length == 0)));
        if (bound)
        {
            yield break;
        }

        yield return workload.Pod.AutomountServiceAccountToken == true
            ? Descriptor.At(Paths.PodSpec.Child("automountServiceAccountToken"), name)
            : Descriptor.InOwned(account, FieldPath.Root("automountServiceAccountToken"), name);
    }
}

/// <summary>SM3022 (kube-linter wildcard-in-rules): a Role of the workload grants <c>*</c> verbs, resources or API groups.</summary>
internal sealed class WildcardRoleRule : WorkloadRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.WildcardInRole;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var role in workload.OwnedOf<Role>())
        {
            var rules = role.Rules ?? ValueList<PolicyRule>.Empty;
            for (var i = 0; i < rules.Count; i++)
            {
                var path = FieldPath.Root("rules").Index(i);
                foreach (var (field, values) in new[] { ("apiGroups", rules[i]?.ApiGroups), ("resources", rules[i]?.Resources), ("verbs", rules[i]?.Verbs) })
                {
                    if (values is not null && values.Contains("*"))
                    {
                        yield return Descriptor.InOwned(role, path.Child(field), field);
                    }
                }
            }
        }
    }
}

/// <summary>
/// SM3023 (kube-linter access-to-secrets): a Role of the workload lets its pods read Secrets (<c>get</c>, <c>list</c>,
/// <c>watch</c> or <c>*</c> on core <c>secrets</c>): every Secret of the namespace, unless <c>resourceNames</c> narrows it.
/// </summary>
internal sealed class SecretAccessRoleRule : WorkloadRule
{
    private static readonly string[] ReadVerbs = ["get", "list", "watch", "*"];

    public override RuleDescriptor Descriptor => RuleCatalog.RoleReadsSecrets;

    public override IEnumerable<Finding> Check(WorkloadContext workload)
    {
        foreach (var role in workload.OwnedOf<Role>())
        {
            var rules = role.Rules ?? ValueList<PolicyRule>.Empty;
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                if (rule?.Resources is { } resources && resources.Contains("secrets")
                    && rule.ApiGroups is { } groups && (groups.Contains(string.Empty) || groups.Contains("*"))
                    && rule.Verbs is { } verbs && verbs.Any(v => ReadVerbs.Contains(v))
                    && rule.ResourceNames is not { Count: > 0 })
                {
                    yield return Descriptor.InOwned(role, FieldPath.Root("rules").Index(i).Child("resources"));
                }
            }
        }
    }
}
