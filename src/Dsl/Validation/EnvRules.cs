using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Container environment (<c>ValidateEnv</c>, <c>ValidateEnvFrom</c>): variable names, exactly one
/// <c>valueFrom</c> source and no <c>value</c> beside it, well-formed key selectors and downward-API references.
/// </summary>
/// <remarks>
/// Variable names are checked against <c>[-._a-zA-Z][-._a-zA-Z0-9]*</c>. Clusters with
/// RelaxedEnvironmentVariableValidation accept any printable ASCII but <c>=</c>; the strict form is what every
/// cluster accepts, so a name passing here works everywhere.
/// </remarks>
internal static class EnvRules
{
    /// <summary>Validates <c>env</c>.</summary>
    public static void ValidateEnv(ValueList<EnvVar>? env, FieldPath path, ValidationErrors errors)
    {
        var list = env ?? ValueList<EnvVar>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var variable = list[i] ?? new EnvVar();
            var variablePath = path.Index(i);
            var name = variable.Name ?? string.Empty;
            if (name.Length == 0)
            {
                errors.Required(variablePath.Child("name"));
            }
            else
            {
                errors.Invalid(variablePath.Child("name"), name, NameRules.IsEnvVarName(name));
            }

            if (variable.ValueFrom is { } valueFrom)
            {
                ValidateValueFrom(valueFrom, !string.IsNullOrEmpty(variable.Value), variablePath.Child("valueFrom"), errors);
            }
        }
    }

    /// <summary>Validates <c>envFrom</c>.</summary>
    public static void ValidateEnvFrom(ValueList<EnvFromSource>? envFrom, FieldPath path, ValidationErrors errors)
    {
        var list = envFrom ?? ValueList<EnvFromSource>.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            var source = list[i] ?? new EnvFromSource();
            var sourcePath = path.Index(i);
            if (!string.IsNullOrEmpty(source.Prefix))
            {
                errors.Invalid(sourcePath.Child("prefix"), source.Prefix, NameRules.IsEnvVarName(source.Prefix!));
            }

            var count = 0;
            if (source.ConfigMapRef is { } configMap)
            {
                count++;
                ValidateReferenceName(configMap.Name, sourcePath.Child("configMapRef", "name"), errors);
            }

            if (source.SecretRef is { } secret)
            {
                count++;
                ValidateReferenceName(secret.Name, sourcePath.Child("secretRef", "name"), errors);
            }

            // Kubernetes reports these at the list's path.
            if (count == 0)
            {
                errors.Invalid(path, string.Empty, "must specify one of: `configMapRef` or `secretRef`");
            }
            else if (count > 1)
            {
                errors.Invalid(path, string.Empty, "may not have more than one field specified at a time");
            }
        }
    }

    private static void ValidateValueFrom(EnvVarSource source, bool hasValue, FieldPath path, ValidationErrors errors)
    {
        var count = 0;
        if (source.FieldRef is { } fieldRef)
        {
            count++;
            DownwardApiRules.ValidateFieldRef(fieldRef, DownwardApiRules.EnvFieldPaths, path.Child("fieldRef"), errors);
        }

        if (source.ResourceFieldRef is { } resourceFieldRef)
        {
            count++;
            DownwardApiRules.ValidateResourceFieldRef(resourceFieldRef, inVolume: false, path.Child("resourceFieldRef"), errors);
        }

        if (source.ConfigMapKeyRef is { } configMapKey)
        {
            count++;
            ValidateKeySelector(configMapKey.Name, configMapKey.Key, path.Child("configMapKeyRef"), errors);
        }

        if (source.SecretKeyRef is { } secretKey)
        {
            count++;
            ValidateKeySelector(secretKey.Name, secretKey.Key, path.Child("secretKeyRef"), errors);
        }

        if (count == 0)
        {
            errors.Invalid(path, string.Empty, "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`");
        }
        else if (hasValue)
        {
            errors.Invalid(path, string.Empty, "may not be specified when `value` is not empty");
        }
        else if (count > 1)
        {
            errors.Invalid(path, string.Empty, "may not have more than one field specified at a time");
        }
    }

    /// <summary>A configMapKeyRef or secretKeyRef: the object's name is a DNS-1123 subdomain (an empty one too fails it), the key a valid key.</summary>
    private static void ValidateKeySelector(string? name, string? key, FieldPath path, ValidationErrors errors)
    {
        errors.Invalid(path.Child("name"), name ?? string.Empty, NameRules.NameIsDnsSubdomain(name ?? string.Empty, false));
        if (string.IsNullOrEmpty(key))
        {
            errors.Required(path.Child("key"));
        }
        else
        {
            errors.Invalid(path.Child("key"), key, NameRules.IsConfigMapKey(key!));
        }
    }

    private static void ValidateReferenceName(string? name, FieldPath path, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.Required(path);
        }
        else
        {
            errors.Invalid(path, name, NameRules.NameIsDnsSubdomain(name!, true));
        }
    }
}
