using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>The pod template: containers, volumes, identity and runtime settings of <c>spec.template.spec</c>.</summary>
public sealed partial class StatefulSetBuilder
{
    /// <summary>
    /// Adds the container <paramref name="name"/> to <c>spec.template.spec.containers</c>, or further configures it
    /// when it exists (so a shared base can be specialised: <c>Base.Container("app", c =&gt; c.Image("app:2"))</c>).
    /// </summary>
    public StatefulSetBuilder Container(string name, Func<ContainerBuilder, ContainerBuilder> configure) =>
        NestContainer("containers", name, configure, p => p.Containers, (p, list) => p with { Containers = list });

    /// <summary>
    /// Adds the init container <paramref name="name"/> to <c>spec.template.spec.initContainers</c> (run to completion
    /// in order before the containers start; with <c>RestartPolicy(ContainerRestartPolicy.Always)</c> a sidecar),
    /// or further configures it when it exists.
    /// </summary>
    public StatefulSetBuilder InitContainer(string name, Func<ContainerBuilder, ContainerBuilder> configure) =>
        NestContainer("initContainers", name, configure, p => p.InitContainers, (p, list) => p with { InitContainers = list });

    /// <summary>Adds (or further configures) the pod volume <paramref name="name"/> in <c>spec.template.spec.volumes</c>; containers mount it by name.</summary>
    public StatefulSetBuilder Volume(string name, Func<VolumeBuilder, VolumeBuilder> configure)
    {
        var volumes = draft.Pod.Volumes;
        var index = ModelLists.FindIndex(volumes, v => v.Name == name);
        var seed = index >= 0 ? volumes![index] : new Volume { Name = name };
        return NestInPod(
            PodPath.Child("volumes").Index(index >= 0 ? index : ModelLists.NextIndex(volumes)),
            new VolumeBuilder(seed),
            configure,
            (p, v) => p with { Volumes = ModelLists.Upsert(p.Volumes, x => x.Name == name, _ => v.Model, out _) });
    }

    /// <summary>Adds a pod volume backed by ConfigMap <paramref name="configMap"/> (<c>volumes[].configMap</c>).</summary>
    public StatefulSetBuilder ConfigMapVolume(string name, string configMap, int? defaultMode = null, bool? optional = null) =>
        Volume(name, v => v.ConfigMap(configMap, defaultMode, optional));

    /// <summary>Adds a pod volume backed by Secret <paramref name="secret"/> (<c>volumes[].secret</c>).</summary>
    public StatefulSetBuilder SecretVolume(string name, string secret, int? defaultMode = null, bool? optional = null) =>
        Volume(name, v => v.Secret(secret, defaultMode, optional));

    /// <summary>Adds an <c>emptyDir</c> pod volume (scratch space; <paramref name="medium"/> <c>"Memory"</c> for tmpfs).</summary>
    public StatefulSetBuilder EmptyDirVolume(string name, string? medium = null, string? sizeLimit = null) =>
        Volume(name, v => v.EmptyDir(medium, sizeLimit));

    /// <summary>Adds a <c>hostPath</c> pod volume.</summary>
    public StatefulSetBuilder HostPathVolume(string name, string path, string? type = null) =>
        Volume(name, v => v.HostPath(path, type));

    /// <summary>Adds a pod volume for the existing claim <paramref name="claimName"/>, shared by all pods (per-pod storage is <see cref="VolumeClaim(string, Func{VolumeClaimBuilder, VolumeClaimBuilder})"/>).</summary>
    public StatefulSetBuilder PersistentVolumeClaimVolume(string name, string claimName, bool? readOnly = null) =>
        Volume(name, v => v.PersistentVolumeClaim(claimName, readOnly));

    /// <summary>Configures the pod's <c>securityContext</c> (default: none).</summary>
    public StatefulSetBuilder SecurityContext(Func<PodSecurityContextBuilder, PodSecurityContextBuilder> configure) =>
        NestInPod(
            PodPath.Child("securityContext"),
            new PodSecurityContextBuilder(draft.Pod.SecurityContext ?? new PodSecurityContext()),
            configure,
            (p, s) => p with { SecurityContext = s.Model });

    /// <summary>Sets <c>serviceAccountName</c> (default: unset, the namespace's <c>default</c> account).</summary>
    public StatefulSetBuilder ServiceAccountName(string name) => UpdatePod("serviceAccountName", p => p with { ServiceAccountName = name });

    /// <summary>Sets <c>automountServiceAccountToken</c> (Kubernetes' default: true; false when the app never calls the API).</summary>
    public StatefulSetBuilder AutomountServiceAccountToken(bool value) => UpdatePod("automountServiceAccountToken", p => p with { AutomountServiceAccountToken = value });

    /// <summary>Appends Secrets to <c>imagePullSecrets</c> (registry credentials).</summary>
    public StatefulSetBuilder ImagePullSecrets(params string[] secretNames) =>
        // A null name stays a null item, so validation reports imagePullSecrets[i] like any other null list item.
        UpdatePod("imagePullSecrets", p => p with
        {
            ImagePullSecrets = (p.ImagePullSecrets ?? ValueList<LocalObjectReference>.Empty).AddRange((secretNames ?? []).Select(n => n is null ? null! : new LocalObjectReference { Name = n })),
        });

    /// <summary>Sets <c>priorityClassName</c> (default: unset, the cluster's default priority).</summary>
    public StatefulSetBuilder PriorityClassName(string name) => UpdatePod("priorityClassName", p => p with { PriorityClassName = name });

    /// <summary>Sets <c>dnsPolicy</c> (default: unset, ClusterFirst; use ClusterFirstWithHostNet with <see cref="HostNetwork"/>).</summary>
    public StatefulSetBuilder DnsPolicy(DnsPolicy policy) => UpdatePod("dnsPolicy", p => p with { DnsPolicy = policy });

    /// <summary>
    /// Sets <c>terminationGracePeriodSeconds</c> (default: unset, 30): time between SIGTERM and SIGKILL. A StatefulSet
    /// waits for each pod to terminate, so this bounds every ordered scale-down step.
    /// </summary>
    public StatefulSetBuilder TerminationGracePeriodSeconds(long seconds) => UpdatePod("terminationGracePeriodSeconds", p => p with { TerminationGracePeriodSeconds = seconds });

    /// <summary>Sets <c>hostNetwork</c> (default when called: true; Kubernetes' default false).</summary>
    public StatefulSetBuilder HostNetwork(bool value = true) => UpdatePod("hostNetwork", p => p with { HostNetwork = value });

    /// <summary>Sets <c>restartPolicy</c> (a StatefulSet accepts only Always, the default).</summary>
    public StatefulSetBuilder RestartPolicy(RestartPolicy policy) => UpdatePod("restartPolicy", p => p with { RestartPolicy = policy });

    /// <summary>Sets <c>schedulerName</c> (default: unset, <c>default-scheduler</c>).</summary>
    public StatefulSetBuilder SchedulerName(string name) => UpdatePod("schedulerName", p => p with { SchedulerName = name });

    /// <summary>Sets <c>runtimeClassName</c> (default: unset, the node's default runtime).</summary>
    public StatefulSetBuilder RuntimeClassName(string name) => UpdatePod("runtimeClassName", p => p with { RuntimeClassName = name });

    /// <summary>Sets <c>enableServiceLinks</c> (Kubernetes' default true: Docker-link-style env variables for every Service).</summary>
    public StatefulSetBuilder EnableServiceLinks(bool value) => UpdatePod("enableServiceLinks", p => p with { EnableServiceLinks = value });

    /// <summary>Sets <c>shareProcessNamespace</c> (default when called: true).</summary>
    public StatefulSetBuilder ShareProcessNamespace(bool value = true) => UpdatePod("shareProcessNamespace", p => p with { ShareProcessNamespace = value });

    /// <summary>
    /// Model-level escape hatch: applies <paramref name="update"/> to the pod spec as it is now (later DSL calls build
    /// on the result). Compile-time evaluation may not support arbitrary lambdas: prefer DSL methods, or
    /// <see cref="Patch"/> for fields the model lacks.
    /// </summary>
    public StatefulSetBuilder ModifyPodSpec(Func<PodSpec, PodSpec> update) =>
        Update(PodPath, d => d.WithPod(Checked(update, d.Pod)));

    /// <summary>
    /// Model-level escape hatch on the whole pod template (<c>spec.template</c>) as it is now. Selector labels are
    /// still merged into its labels at build time. Compile-time evaluation may not support arbitrary lambdas.
    /// </summary>
    public StatefulSetBuilder ModifyPodTemplate(Func<PodTemplateSpec, PodTemplateSpec> update) =>
        Update(SpecPath.Child("template"), d =>
        {
            var template = Checked(update, d.Spec.Template!);
            template = template with { Metadata = template.Metadata ?? new ObjectMeta(), Spec = template.Spec ?? new PodSpec() };
            return d with { Spec = d.Spec with { Template = template } };
        });

    private static T Checked<T>(Func<T, T> update, T value)
        where T : class =>
        (update ?? throw new ArgumentNullException(nameof(update)))(value) ?? throw new InvalidOperationException("a Modify function returned null");

    private StatefulSetBuilder NestContainer(
        string field,
        string name,
        Func<ContainerBuilder, ContainerBuilder> configure,
        Func<PodSpec, ValueList<Container>?> list,
        Func<PodSpec, ValueList<Container>, PodSpec> store)
    {
        var containers = list(draft.Pod);
        var index = ModelLists.FindIndex(containers, c => c.Name == name);
        var seed = index >= 0 ? containers![index] : new Container { Name = name };
        return NestInPod(
            PodPath.Child(field).Index(index >= 0 ? index : ModelLists.NextIndex(containers)),
            new ContainerBuilder(seed),
            configure,
            (p, c) => store(p, ModelLists.Upsert(list(p), x => x.Name == name, _ => c.Model, out _)));
    }
}
