using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Roles and RoleBindings on create (<c>ValidateRole</c>, <c>ValidatePolicyRule</c>, <c>ValidateRoleBinding</c>,
/// <c>ValidateRoleBindingSubject</c>): rules name verbs and either resources with their API groups or (not in a
/// namespaced Role) non-resource URLs; a binding refers to a Role or ClusterRole of the RBAC group and binds
/// subjects of a known kind.
/// </summary>
internal static class RbacRules
{
    /// <summary>The RBAC API group, which a binding's roleRef and its User and Group subjects name.</summary>
    public const string Group = "rbac.authorization.k8s.io";

    private static readonly string[] RoleRefKinds = ["ClusterRole", "Role"];
    private static readonly string[] SubjectKinds = ["Group", "ServiceAccount", "User"];

    /// <summary>Validates a Role's rules.</summary>
    public static void ValidateRole(Role role, ValidationErrors errors)
    {
        var rules = role.Rules ?? ValueList<PolicyRule>.Empty;
        for (var i = 0; i < rules.Count; i++)
        {
            ValidatePolicyRule(rules[i] ?? new PolicyRule(), isNamespaced: true, FieldPath.Root("rules").Index(i), errors);
        }
    }

    /// <summary>Validates one policy rule (of a namespaced Role when <paramref name="isNamespaced"/>).</summary>
    public static void ValidatePolicyRule(PolicyRule rule, bool isNamespaced, FieldPath path, ValidationErrors errors)
    {
        if (rule.Verbs is not { Count: > 0 })
        {
            errors.Required(path.Child("verbs"), "verbs must contain at least one value");
        }

        if (rule.NonResourceURLs is { Count: > 0 })
        {
            if (isNamespaced)
            {
                errors.Invalid(path.Child("nonResourceURLs"), rule.NonResourceURLs, "namespaced rules cannot apply to non-resource URLs");
            }

            if (rule.ApiGroups is { Count: > 0 } || rule.Resources is { Count: > 0 } || rule.ResourceNames is { Count: > 0 })
            {
                errors.Invalid(path.Child("nonResourceURLs"), rule.NonResourceURLs, "rules cannot apply to both regular resources and non-resource URLs");
            }

            return;
        }

        if (rule.ApiGroups is not { Count: > 0 })
        {
            errors.Required(path.Child("apiGroups"), "resource rules must supply at least one api group");
        }

        if (rule.Resources is not { Count: > 0 })
        {
            errors.Required(path.Child("resources"), "resource rules must supply at least one resource");
        }
    }

    /// <summary>Validates a RoleBinding's roleRef and subjects.</summary>
    public static void ValidateRoleBinding(RoleBinding binding, ValidationErrors errors)
    {
        var roleRef = binding.RoleRef ?? new RoleRef();
        var refPath = FieldPath.Root("roleRef");
        if (roleRef.ApiGroup != Group)
        {
            errors.NotSupported(refPath.Child("apiGroup"), roleRef.ApiGroup ?? string.Empty, [Group]);
        }

        if (Array.IndexOf(RoleRefKinds, roleRef.Kind) < 0)
        {
            errors.NotSupported(refPath.Child("kind"), roleRef.Kind ?? string.Empty, RoleRefKinds);
        }

        if (string.IsNullOrEmpty(roleRef.Name))
        {
            errors.Required(refPath.Child("name"));
        }
        else
        {
            errors.Invalid(refPath.Child("name"), roleRef.Name, NameRules.NameIsPathSegment(roleRef.Name!, false));
        }

        var subjects = binding.Subjects ?? ValueList<Subject>.Empty;
        for (var i = 0; i < subjects.Count; i++)
        {
            ValidateSubject(subjects[i] ?? new Subject(), FieldPath.Root("subjects").Index(i), errors);
        }
    }

    private static void ValidateSubject(Subject subject, FieldPath path, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(subject.Name))
        {
            errors.Required(path.Child("name"));
        }

        switch (subject.Kind)
        {
            case "ServiceAccount":
                if (!string.IsNullOrEmpty(subject.Name))
                {
                    errors.Invalid(path.Child("name"), subject.Name, NameRules.NameIsDnsSubdomain(subject.Name!, false));
                }

                if (!string.IsNullOrEmpty(subject.ApiGroup))
                {
                    errors.NotSupported(path.Child("apiGroup"), subject.ApiGroup, [string.Empty]);
                }

                // A RoleBinding's ServiceAccount subject without a namespace is in the binding's namespace.

                break;
            case "User" or "Group":
                if (subject.ApiGroup != Group)
                {
                    errors.NotSupported(path.Child("apiGroup"), subject.ApiGroup ?? string.Empty, [Group]);
                }

                break;
            default:
                errors.NotSupported(path.Child("kind"), subject.Kind ?? string.Empty, SubjectKinds);
                break;
        }
    }
}
