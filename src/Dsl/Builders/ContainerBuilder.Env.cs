using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>The environment of a container: <c>env</c> (one variable each, replaced by name) and <c>envFrom</c>.</summary>
public sealed partial class ContainerBuilder
{
    /// <summary>Sets the variable <paramref name="name"/> in <c>env</c> to a literal <c>value</c> (<c>$(OTHER)</c> expands earlier variables).</summary>
    public ContainerBuilder Env(string name, string value) => UpsertEnv(new EnvVar { Name = name, Value = value });

    /// <summary>Sets <c>env[name].valueFrom.secretKeyRef</c>: the value of <paramref name="key"/> in Secret <paramref name="secret"/>.</summary>
    /// <param name="name">The variable name.</param>
    /// <param name="secret">The Secret's name (<c>secretKeyRef.name</c>).</param>
    /// <param name="key">The key within the Secret (<c>secretKeyRef.key</c>).</param>
    /// <param name="optional">The <c>optional</c> flag (default: unset, so a missing Secret blocks the pod).</param>
    public ContainerBuilder EnvFromSecret(string name, string secret, string key, bool? optional = null) =>
        UpsertEnv(new EnvVar { Name = name, ValueFrom = new EnvVarSource { SecretKeyRef = new SecretKeySelector { Name = secret, Key = key, Optional = optional } } });

    /// <summary>Sets <c>env[name].valueFrom.configMapKeyRef</c>: the value of <paramref name="key"/> in ConfigMap <paramref name="configMap"/>.</summary>
    /// <param name="name">The variable name.</param>
    /// <param name="configMap">The ConfigMap's name (<c>configMapKeyRef.name</c>).</param>
    /// <param name="key">The key within the ConfigMap (<c>configMapKeyRef.key</c>).</param>
    /// <param name="optional">The <c>optional</c> flag (default: unset, so a missing ConfigMap blocks the pod).</param>
    public ContainerBuilder EnvFromConfigMap(string name, string configMap, string key, bool? optional = null) =>
        UpsertEnv(new EnvVar { Name = name, ValueFrom = new EnvVarSource { ConfigMapKeyRef = new ConfigMapKeySelector { Name = configMap, Key = key, Optional = optional } } });

    /// <summary>Sets <c>env[name].valueFrom.fieldRef</c>: a pod field such as <c>metadata.name</c> (the pod's stable name), <c>metadata.namespace</c> or <c>status.podIP</c>.</summary>
    /// <param name="name">The variable name.</param>
    /// <param name="fieldPath">The <c>fieldRef.fieldPath</c>.</param>
    /// <param name="apiVersion">The <c>fieldRef.apiVersion</c> (default: unset, meaning v1).</param>
    public ContainerBuilder EnvFromField(string name, string fieldPath, string? apiVersion = null) =>
        UpsertEnv(new EnvVar { Name = name, ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = fieldPath, ApiVersion = apiVersion } } });

    /// <summary>Sets <c>env[name].valueFrom.resourceFieldRef</c>: a resource request or limit such as <c>limits.memory</c>.</summary>
    /// <param name="name">The variable name.</param>
    /// <param name="resource">The <c>resourceFieldRef.resource</c>, e.g. <c>limits.cpu</c>.</param>
    /// <param name="containerName">The <c>resourceFieldRef.containerName</c> (default: unset, this container).</param>
    /// <param name="divisor">The <c>resourceFieldRef.divisor</c> quantity, e.g. <c>"1Mi"</c> (default: unset, 1).</param>
    public ContainerBuilder EnvFromResource(string name, string resource, string? containerName = null, string? divisor = null) =>
        UpsertEnv(new EnvVar
        {
            Name = name,
            ValueFrom = new EnvVarSource
            {
                ResourceFieldRef = new ResourceFieldSelector { Resource = resource, ContainerName = containerName, Divisor = divisor is null ? null : Quantity.FromText(divisor) },
            },
        });

    /// <summary>Appends an <c>envFrom[].configMapRef</c>: every key of ConfigMap <paramref name="configMap"/> becomes a variable.</summary>
    /// <param name="configMap">The ConfigMap's name.</param>
    /// <param name="prefix">The <c>prefix</c> put before each key (default: none).</param>
    /// <param name="optional">The <c>configMapRef.optional</c> flag (default: unset).</param>
    public ContainerBuilder EnvFromAllOfConfigMap(string configMap, string? prefix = null, bool? optional = null) =>
        AppendEnvFrom(new EnvFromSource { Prefix = prefix, ConfigMapRef = new ConfigMapEnvSource { Name = configMap, Optional = optional } });

    /// <summary>Appends an <c>envFrom[].secretRef</c>: every key of Secret <paramref name="secret"/> becomes a variable.</summary>
    /// <param name="secret">The Secret's name.</param>
    /// <param name="prefix">The <c>prefix</c> put before each key (default: none).</param>
    /// <param name="optional">The <c>secretRef.optional</c> flag (default: unset).</param>
    public ContainerBuilder EnvFromAllOfSecret(string secret, string? prefix = null, bool? optional = null) =>
        AppendEnvFrom(new EnvFromSource { Prefix = prefix, SecretRef = new SecretEnvSource { Name = secret, Optional = optional } });

    private ContainerBuilder UpsertEnv(EnvVar variable)
    {
        var env = ModelLists.Upsert(Model.Env, e => e.Name == variable.Name, _ => variable, out var index);
        return Set(RelativePath.Of("env").Index(index), c => c with { Env = env });
    }

    private ContainerBuilder AppendEnvFrom(EnvFromSource source) =>
        Set(RelativePath.Of("envFrom").Index(ModelLists.NextIndex(Model.EnvFrom)), c => c with { EnvFrom = ModelLists.Append(c.EnvFrom, source) });
}
