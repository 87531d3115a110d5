using StatefulManifests.Validation;

namespace StatefulManifests.Rules;

/// <summary>
/// The diagnostic catalogue: one descriptor per rule ID. Messages name the field path (<c>{0}</c>) and the fix.
/// Each ID has a page <c>docs/diagnostics/&lt;ID&gt;.md</c> (bad and good examples, why, references).
/// </summary>
public static class RuleCatalog
{
    /// <summary>The base of every help link; a rule's page is this plus <c>&lt;ID&gt;.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/statefulmanifests/statefulmanifests/blob/main/docs/diagnostics/";

    private const RuleCategory Usage = RuleCategory.Usage;
    private const RuleCategory Api = RuleCategory.ApiValidation;
    private const RuleCategory Reliability = RuleCategory.Reliability;
    private const RuleCategory Security = RuleCategory.Security;
    private const RuleCategory BestPractice = RuleCategory.BestPractice;
    private const RuleCategory UpdateSafety = RuleCategory.UpdateSafety;
    private const FindingSeverity Error = FindingSeverity.Error;
    private const FindingSeverity Warning = FindingSeverity.Warning;
    private const FindingSeverity Info = FindingSeverity.Info;
    private const string ApiRejects = "{0}: {1} (the API server rejects this)";

    // ---- SM0xxx: DSL usage --------------------------------------------------------------------------------

    /// <summary>
    /// SM0001 (reported by the Roslyn analyzer): code in a declaration the compile-time evaluator does not run (I/O,
    /// clocks, reflection ...). Not an error: the build evaluates the declaration by running it, and reports its
    /// problems then; as you type, only what the compiler can evaluate is checked.
    /// </summary>
    public static readonly RuleDescriptor DeclarationNotEvaluable = new(
        RuleIds.DeclarationNotEvaluable, "Workload declaration is evaluated at build, not as you type",
        "{0}: {1}; this declaration is evaluated when you build instead",
        Info, Usage, appliesToYaml: false);

    /// <summary>SM0002 (reported by the Roslyn analyzer): two workloads with one name in a compilation.</summary>
    public static readonly RuleDescriptor DuplicateWorkloadName = new(
        RuleIds.DuplicateWorkloadName, "Duplicate workload name in one compilation",
        "{0}: workload name \"{1}\" is already declared by {2}; give each workload its own name (its manifest file is named after it)",
        Error, Usage, appliesToYaml: false);

    /// <summary>SM0003: duplicate container, port, volume or claim template names.</summary>
    public static readonly RuleDescriptor DuplicateName = new(
        RuleIds.DuplicateName, "Duplicate container, port, volume or claim template name",
        "{0}: {1} name \"{2}\" {3}; give each {1} a unique name",
        Error, Usage) { Supersedes = FieldErrorType.Duplicate };

    /// <summary>SM0004: a volume mount of a volume or claim template that does not exist.</summary>
    public static readonly RuleDescriptor MountOfMissingVolume = new(
        RuleIds.MountOfMissingVolume, "Mount of a volume or claim that does not exist",
        "{0}: {1} \"{2}\" refers to no pod volume and no volume claim template ({3}); add a claim template or volume named \"{2}\", or mount one that exists",
        Error, Usage) { Supersedes = FieldErrorType.NotFound };

    /// <summary>
    /// SM0005 (reported by the Roslyn analyzer): an enclosing type of a declaration is not partial, so the typed
    /// class cannot be generated beside it (the YAML still is).
    /// </summary>
    public static readonly RuleDescriptor EnclosingTypeNotPartial = new(
        RuleIds.EnclosingTypeNotPartial, "Enclosing type of a workload declaration is not partial",
        "{0}: '{1}' is not partial, so the generator cannot add {2} (names, YAML constants, model) beside {0}; make '{1}' partial (the YAML is still written at build)",
        Warning, Usage, appliesToYaml: false);

    /// <summary>SM0006 (reported by the Roslyn analyzer): a <c>[StatefulWorkload]</c> member of a form that cannot be a declaration.</summary>
    public static readonly RuleDescriptor NotAWorkloadDeclaration = new(
        RuleIds.NotAWorkloadDeclaration, "Member cannot be a workload declaration",
        "{0}: {1}",
        Error, Usage, appliesToYaml: false);

    /// <summary>SM0007 (reported by the Roslyn analyzer): evaluating the declaration fails the way running it would (it throws).</summary>
    public static readonly RuleDescriptor DeclarationThrows = new(
        RuleIds.DeclarationThrows, "Evaluating the workload declaration fails",
        "{0}: {1}",
        Error, Usage, appliesToYaml: false);

    /// <summary>SM0008 (reported by the Roslyn analyzer): the project's environments and a declaration's environment parameter do not fit.</summary>
    public static readonly RuleDescriptor EnvironmentMismatch = new(
        RuleIds.EnvironmentMismatch, "Environments and the declaration's environment parameter do not match",
        "{0}: {1}",
        Error, Usage, appliesToYaml: false);

    /// <summary>
    /// SM0020 (reported by the Roslyn analyzer): a workload's manifest file would be a kustomization file's name, or
    /// the file another workload of the compilation writes (in any letter case), so the build could not write it.
    /// </summary>
    public static readonly RuleDescriptor ManifestFileClash = new(
        RuleIds.ManifestFileClash, "Manifest file name reserved or taken",
        "{0}: the manifest file '{1}' {2}; rename the workload or set [StatefulWorkload(FileName = \"...\")]",
        Error, Usage, appliesToYaml: false);

    // ---- SM1xxx: API validation (the validator's errors, by Kubernetes error type) -------------------------

    /// <summary>SM1001: a required field is missing.</summary>
    public static readonly RuleDescriptor ApiRequired = new(RuleIds.ApiRequired, "Required value missing", ApiRejects, Error, Api);

    /// <summary>SM1002: a value is malformed or out of range.</summary>
    public static readonly RuleDescriptor ApiInvalid = new(RuleIds.ApiInvalid, "Invalid value", ApiRejects, Error, Api);

    /// <summary>SM1003: a value is not one of the supported values.</summary>
    public static readonly RuleDescriptor ApiNotSupported = new(RuleIds.ApiNotSupported, "Unsupported value", ApiRejects, Error, Api);

    /// <summary>SM1004: a value that must be unique is repeated.</summary>
    public static readonly RuleDescriptor ApiDuplicate = new(RuleIds.ApiDuplicate, "Duplicate value", ApiRejects, Error, Api);

    /// <summary>SM1005: a field that is not allowed here.</summary>
    public static readonly RuleDescriptor ApiForbidden = new(RuleIds.ApiForbidden, "Forbidden field", ApiRejects, Error, Api);

    /// <summary>SM1006: a value longer than allowed.</summary>
    public static readonly RuleDescriptor ApiTooLong = new(RuleIds.ApiTooLong, "Value too long", ApiRejects, Error, Api);

    /// <summary>SM1007: a reference to something that does not exist.</summary>
    public static readonly RuleDescriptor ApiNotFound = new(RuleIds.ApiNotFound, "Reference not found", ApiRejects, Error, Api);

    /// <summary>SM1008: a resource quantity that does not parse (<c>10GB</c>); its own ID so a code fix can target it.</summary>
    public static readonly RuleDescriptor InvalidQuantity = new(
        RuleIds.InvalidQuantity, "Invalid resource quantity",
        "{0}: \"{1}\" is not a Kubernetes quantity; write {2}",
        Error, Api);

    /// <summary>SM1009: a manifest that does not read as a Kubernetes object (YAML syntax, shape, unknown field, removed API version).</summary>
    public static readonly RuleDescriptor UnreadableManifest = new(
        RuleIds.UnreadableManifest, "Manifest does not read as a Kubernetes object",
        "{0}: {1}; fix the manifest so it reads as the Kubernetes schema",
        Error, Api);

    /// <summary>
    /// SM1010: a field the target Kubernetes release does not have yet (it appeared with its feature gate in a later
    /// release); the API server rejects the unknown field (docs/kubernetes-versions.md).
    /// </summary>
    public static readonly RuleDescriptor FieldNotInTargetVersion = new(
        RuleIds.FieldNotInTargetVersion, "Field not available in the target Kubernetes version",
        "{0}: {1} needs Kubernetes {2} or later (the {3} feature gate appeared in {2}); the target is {4}, whose API server rejects the unknown field — remove it or target Kubernetes {2} or later",
        Error, Api) { Supersedes = FieldErrorType.Forbidden };

    /// <summary>
    /// SM1011: a field whose feature gate is off in the target; the API server silently drops it on create
    /// (docs/kubernetes-versions.md).
    /// </summary>
    public static readonly RuleDescriptor FieldDroppedByFeatureGate = new(
        RuleIds.FieldDroppedByFeatureGate, "Field ignored: its feature gate is off in the target",
        "{0}: {1} needs the {2} feature gate, which is off in the target ({3}); the API server silently drops the field — {4}",
        Warning, Api);

    /// <summary>SM1012 (reported by the Roslyn analyzer): the MSBuild target version or feature gates cannot be used.</summary>
    public static readonly RuleDescriptor InvalidTargetCluster = new(
        RuleIds.InvalidTargetCluster, "Invalid target Kubernetes version or feature gates",
        "{0}: {1}; the manifests are checked for {2} until it is fixed",
        Error, Api, appliesToYaml: false);

    // ---- SM2xxx: reliability -------------------------------------------------------------------------------

    /// <summary>SM2001: the selector does not match the pod template labels (kube-score <c>statefulset-pod-selector-labels-match-template-metadata-labels</c>).</summary>
    public static readonly RuleDescriptor SelectorDoesNotMatchTemplate = new(
        RuleIds.SelectorDoesNotMatchTemplate, "Selector does not match the pod template labels",
        "{0}: the selector requires {1} but the pod template labels are {2}; the API server rejects a StatefulSet whose selector does not match its template — make the template labels satisfy the selector",
        Error, Reliability) { Supersedes = FieldErrorType.Invalid };

    /// <summary>SM2002: no serviceName (kube-score <c>statefulset-has-servicename</c>).</summary>
    public static readonly RuleDescriptor ServiceNameMissing = new(
        RuleIds.ServiceNameMissing, "StatefulSet has no governing Service",
        "{0}: serviceName is empty, so the pods get no stable DNS names; set serviceName to a headless Service that selects the pods",
        Warning, Reliability);

    /// <summary>SM2003: serviceName names another Service than the one given (kube-linter dangling reference).</summary>
    public static readonly RuleDescriptor ServiceNameNotGoverningService = new(
        RuleIds.ServiceNameNotGoverningService, "serviceName does not name the governing Service",
        "{0}: serviceName \"{1}\" does not name the Service {2}; point serviceName at the headless Service that governs the pods",
        Warning, Reliability);

    /// <summary>SM2004: the governing Service is not headless (kube-score <c>statefulset-has-servicename</c>).</summary>
    public static readonly RuleDescriptor GoverningServiceNotHeadless = new(
        RuleIds.GoverningServiceNotHeadless, "Governing Service is not headless",
        "{0}: governing Service \"{1}\" is not headless ({2}); set clusterIP: None so each pod gets its own DNS record",
        Warning, Reliability);

    /// <summary>SM2005: the governing Service selects no pod of the set (kube-score <c>service-targets-pod</c>, kube-linter <c>dangling-service</c>).</summary>
    public static readonly RuleDescriptor ServiceSelectsNoPods = new(
        RuleIds.ServiceSelectsNoPods, "Governing Service does not select the pods",
        "{0}: Service \"{1}\" {2}, so it does not select the StatefulSet's pods (labels {3}); make its selector match the pod template labels",
        Warning, Reliability);

    /// <summary>SM2006: two or more replicas and no PodDisruptionBudget (kube-score <c>statefulset-has-poddisruptionbudget</c>).</summary>
    public static readonly RuleDescriptor NoDisruptionBudget = new(
        RuleIds.NoDisruptionBudget, "No PodDisruptionBudget for a replicated StatefulSet",
        "{0}: {1} replicas and no PodDisruptionBudget selects the pods; add one (e.g. maxUnavailable: 1) so node drains evict one replica at a time",
        Warning, Reliability);

    /// <summary>SM2007: the PodDisruptionBudget selects no pod of the set (kube-score, kube-linter dangling reference).</summary>
    public static readonly RuleDescriptor DisruptionBudgetSelectsNoPods = new(
        RuleIds.DisruptionBudgetSelectsNoPods, "PodDisruptionBudget does not select the pods",
        "{0}: PodDisruptionBudget \"{1}\" {2}, so it protects none of the StatefulSet's pods (labels {3}); make its selector match the pod template labels",
        Warning, Reliability);

    /// <summary>SM2008: the PodDisruptionBudget allows no eviction (kube-linter <c>pdb-max-unavailable</c>, <c>pdb-min-available</c>).</summary>
    public static readonly RuleDescriptor DisruptionBudgetBlocksEviction = new(
        RuleIds.DisruptionBudgetBlocksEviction, "PodDisruptionBudget allows no eviction",
        "{0}: {1} allows no voluntary eviction of the {2} replicas, so node drains block until someone intervenes; allow at least one disruption (e.g. maxUnavailable: 1)",
        Warning, Reliability);

    /// <summary>SM2050: a PersistentVolume of the set's claims whose reclaim policy erases the data.</summary>
    public static readonly RuleDescriptor PreProvisionedVolumeDeletesData = new(
        RuleIds.PreProvisionedVolumeDeletesData, "Pre-provisioned volume deletes its data",
        "{0}: persistentVolumeReclaimPolicy: {1} erases the volume when its claim is deleted (a scale-down or set deletion with claim retention Delete, a mistaken kubectl delete pvc), and this volume holds a replica's data; use Retain",
        Warning, Reliability);

    /// <summary>SM2051: a backup CronJob whose runs may overlap (concurrencyPolicy Allow, the API default).</summary>
    public static readonly RuleDescriptor BackupRunsOverlap = new(
        RuleIds.BackupRunsOverlap, "Backup runs can overlap",
        "{0}: {1} lets the next backup start while the previous one still runs, so two Jobs read the same data and write the same target at once (double load on the replica, interleaved or partial backups) and slow runs pile up; set concurrencyPolicy: Forbid",
        Warning, Reliability);

    /// <summary>SM2052: fewer pre-provisioned claims than ordinals the set can run.</summary>
    public static readonly RuleDescriptor PreProvisionedClaimsMissing = new(
        RuleIds.PreProvisionedClaimsMissing, "Not every ordinal has a pre-provisioned claim",
        "{0}: the set can run ordinals {1} ({2}), but claim template \"{3}\" is pre-provisioned for {4}; the controller creates {5} from the template instead, provisioned dynamically by its storage class or, where no provisioner serves it, Pending with its pod (an OrderedReady set then starts no higher ordinal); pre-provision a claim for every ordinal the set can run",
        Warning, Reliability);

    /// <summary>SM2053: a backup mounting a replica's single-node claim where its pod cannot attach it.</summary>
    public static readonly RuleDescriptor BackupClaimOnOtherNode = new(
        RuleIds.BackupClaimOnOtherNode, "Backup pod cannot attach the replica's claim",
        "{0}: the backup mounts claim \"{1}\", which is {2} and used by pod {3}: {4}",
        Warning, Reliability);

    /// <summary>SM2060: at the autoscaler's minimum, the budget allows no eviction.</summary>
    public static readonly RuleDescriptor AutoscalerMinimumBlocksEviction = new(
        RuleIds.AutoscalerMinimumBlocksEviction, "Autoscaler minimum leaves the budget no eviction",
        "{0}: the autoscaler may scale down to {1} replicas, where the PodDisruptionBudget's {2} allows no voluntary eviction, so node drains block whenever load is low; raise minReplicas or allow one disruption (maxUnavailable: 1)",
        Warning, Reliability);

    /// <summary>SM2061: an autoscaled set whose claims are deleted on scale-down.</summary>
    public static readonly RuleDescriptor AutoscalerDeletesClaims = new(
        RuleIds.AutoscalerDeletesClaims, "Autoscaling down deletes data",
        "{0}: the autoscaler scales the set down whenever load drops, and with whenScaled: Delete each scale-down deletes the removed replicas' claims, so their data is lost on every dip; use whenScaled: Retain",
        Warning, Reliability);

    /// <summary>SM2062: spec.replicas in the manifest of an autoscaled set.</summary>
    public static readonly RuleDescriptor ReplicasFightAutoscaler = new(
        RuleIds.ReplicasFightAutoscaler, "Replicas set on an autoscaled StatefulSet",
        "{0}: replicas: {1} is reset on every apply or GitOps sync while the autoscaler {2} sets the count, so the set flaps between the two; leave replicas out of the manifest and let the autoscaler own it",
        Warning, Reliability);

    /// <summary>SM2063: a utilisation metric on a resource some container does not request.</summary>
    public static readonly RuleDescriptor AutoscalerMetricWithoutRequests = new(
        RuleIds.AutoscalerMetricWithoutRequests, "Autoscaler utilisation needs resource requests",
        "{0}: the autoscaler targets {1} utilisation, a percentage of the pods' requests, but container \"{2}\" requests no {1}, so the autoscaler cannot compute it and does not scale; set resources.requests.{1} on every container",
        Warning, Reliability);

    /// <summary>SM2009: no host anti-affinity matching the pods (kube-score <c>statefulset-has-host-podantiaffinity</c>, kube-linter <c>no-anti-affinity</c>).</summary>
    public static readonly RuleDescriptor NoHostAntiAffinity = new(
        RuleIds.NoHostAntiAffinity, "Replicas are not spread across nodes",
        "{0}: {1}; the {2} replicas may land on one node and fail together — add a podAntiAffinity term with topologyKey kubernetes.io/hostname whose labelSelector matches the pod labels {3}",
        Warning, Reliability);

    /// <summary>SM2010: a name so long that the controller-revision-hash label overflows (reference §A.2).</summary>
    public static readonly RuleDescriptor NameTooLongForPods = new(
        RuleIds.NameTooLongForPods, "StatefulSet name too long for its pods to be created",
        "{0}: StatefulSet name \"{1}\" has {2} characters; above 52 its controller-revision-hash label exceeds 63 characters and no pod can ever be created — shorten the name to 52 characters or fewer",
        Error, Reliability);

    /// <summary>SM2011: a version-like label in the immutable selector.</summary>
    public static readonly RuleDescriptor VersionLabelInSelector = new(
        RuleIds.VersionLabelInSelector, "Version-like label in the immutable selector",
        "{0}: selector label {1} looks like a version; the selector is immutable, so an upgrade cannot change it — keep only stable identity labels in the selector and put the version on the template labels",
        Warning, Reliability);

    /// <summary>SM2012: OrderedReady + RollingUpdate without any readiness probe (reference §B.11).</summary>
    public static readonly RuleDescriptor RolloutWithoutReadinessProbe = new(
        RuleIds.RolloutWithoutReadinessProbe, "Rolling update of OrderedReady pods without a readiness probe",
        "{0}: no container has a readinessProbe while the set uses OrderedReady pods with RollingUpdate; a revision that runs but does not work rolls out to every pod, and one that never becomes Ready stalls the rollout until the stuck pod is deleted by hand — add a readinessProbe",
        Warning, Reliability);

    /// <summary>SM2013: <c>whenScaled: Delete</c> (reference §B.9).</summary>
    public static readonly RuleDescriptor WhenScaledDelete = new(
        RuleIds.WhenScaledDelete, "Claims are deleted on scale-down",
        "{0}: whenScaled: Delete deletes a replica's claims when the set scales down, and scaling back up before the garbage collector is done loses their data; use Retain unless the data is disposable",
        Warning, Reliability) { OffersReplacement = true };

    /// <summary>SM2014: <c>maxUnavailable</c>, dropped when its feature gate is off (reference §A.3).</summary>
    public static readonly RuleDescriptor MaxUnavailableFeatureGated = new(
        RuleIds.MaxUnavailableFeatureGated, "maxUnavailable depends on a feature gate that is off by default",
        "{0}: maxUnavailable needs the MaxUnavailableStatefulSet feature gate, which is off {1}; the API server silently drops the field and updates go one pod at a time — remove it or make sure the gate is on",
        Warning, Reliability);

    /// <summary>SM2015: partition at or above replicas (reference §B.6).</summary>
    public static readonly RuleDescriptor PartitionBlocksUpdate = new(
        RuleIds.PartitionBlocksUpdate, "Partition leaves no pod to update",
        "{0}: partition {1} is not below replicas ({2}), so a template change updates no pod; lower the partition to roll the update out",
        Warning, Reliability);

    /// <summary>SM2016: ReadWriteOnce where ReadWriteOncePod is safer.</summary>
    public static readonly RuleDescriptor ReadWriteOnceClaim = new(
        RuleIds.ReadWriteOnceClaim, "ReadWriteOnce where ReadWriteOncePod is safer",
        "{0}: claim template \"{1}\" uses ReadWriteOnce, which lets every pod on the same node mount the volume; use ReadWriteOncePod to guarantee a single writer",
        Info, Reliability);

    /// <summary>SM2017: a claim template that requests no storage (reference §C.1 #16).</summary>
    public static readonly RuleDescriptor ClaimWithoutStorageRequest = new(
        RuleIds.ClaimWithoutStorageRequest, "Claim template requests no storage",
        "{0}: claim template \"{1}\" requests no storage; Kubernetes 1.34+ rejects it and older clusters fail to create its claims — set resources.requests.storage (e.g. 10Gi)",
        Error, Reliability) { Supersedes = FieldErrorType.Required };

    /// <summary>SM2018: no readiness probe on pods a Service targets (kube-score <c>pod-probes</c>, kube-linter <c>no-readiness-probe</c>).</summary>
    public static readonly RuleDescriptor MissingReadinessProbe = new(
        RuleIds.MissingReadinessProbe, "No readiness probe",
        "{0}: no container has a readinessProbe, so the Service sends traffic to pods that have not finished starting; add a readinessProbe",
        Warning, Reliability);

    /// <summary>SM2019: no liveness probe (kube-score <c>pod-probes</c>, kube-linter <c>no-liveness-probe</c>).</summary>
    public static readonly RuleDescriptor MissingLivenessProbe = new(
        RuleIds.MissingLivenessProbe, "No liveness probe",
        "{0}: no container has a livenessProbe, so a deadlocked process is never restarted; add one if the application can hang without exiting",
        Info, Reliability);

    /// <summary>SM2020: the same check for liveness and readiness (kube-score <c>pod-probes-identical</c>).</summary>
    public static readonly RuleDescriptor IdenticalProbes = new(
        RuleIds.IdenticalProbes, "Liveness and readiness probes are identical",
        "{0}: container \"{1}\" uses the same check for liveness and readiness, so a pod that is only busy gets restarted; make the liveness probe check only that the process is alive",
        Warning, Reliability);

    /// <summary>SM2021: a probe on a named port the container does not declare (kube-linter <c>liveness-port</c>, <c>readiness-port</c>).</summary>
    public static readonly RuleDescriptor ProbePortNotDeclared = new(
        RuleIds.ProbePortNotDeclared, "Probe targets a port name the container does not declare",
        "{0}: the {1} of container \"{2}\" targets port \"{3}\", which the container does not declare ({4}), so the probe always fails; use a declared port name or a number",
        Error, Reliability);

    /// <summary>SM2022: a key written twice in one YAML mapping; kubectl keeps only the last value.</summary>
    public static readonly RuleDescriptor DuplicateYamlKey = new(
        RuleIds.DuplicateYamlKey, "Duplicate key in a YAML mapping",
        "{0}: key \"{1}\" appears twice in one mapping; kubectl silently keeps only the last value, so this one is lost — remove or merge the duplicate",
        Warning, Reliability);

    /// <summary>SM2030: a ConfigMap of the workload reaches no container.</summary>
    public static readonly RuleDescriptor ConfigMapUnused = new(
        RuleIds.ConfigMapUnused, "ConfigMap not used by the pods",
        "{0}: ConfigMap \"{1}\" reaches no container: {2}; mount it (MountConfig) or remove it",
        Warning, Reliability);

    // ---- SM3xxx: security -----------------------------------------------------------------------------------

    /// <summary>SM3001: a container that may run as root (kube-linter <c>run-as-non-root</c>).</summary>
    public static readonly RuleDescriptor RunAsRoot = new(
        RuleIds.RunAsRoot, "Container may run as root",
        "{0}: container \"{1}\" {2}; set runAsNonRoot: true and a non-zero runAsUser in the pod or container securityContext",
        Warning, Security) { OffersReplacement = true };

    /// <summary>SM3002: a user or group ID below 10000 (kube-score <c>container-security-context-user-group-id</c>).</summary>
    public static readonly RuleDescriptor LowUserOrGroupId = new(
        RuleIds.LowUserOrGroupId, "Low user or group ID",
        "{0}: container \"{1}\" {2}; use a user and group ID of 10000 or more so it cannot collide with a user on the host",
        Info, Security);

    /// <summary>SM3003: a privileged container (kube-score, kube-linter <c>privileged-container</c>).</summary>
    public static readonly RuleDescriptor PrivilegedContainer = new(
        RuleIds.PrivilegedContainer, "Privileged container",
        "{0}: container \"{1}\" is privileged and has full access to the node; remove privileged: true and add only the capabilities it needs",
        Warning, Security) { OffersReplacement = true };

    /// <summary>SM3004: privilege escalation allowed (kube-linter <c>privilege-escalation-container</c>).</summary>
    public static readonly RuleDescriptor PrivilegeEscalation = new(
        RuleIds.PrivilegeEscalation, "Privilege escalation allowed",
        "{0}: container \"{1}\" {2}; set allowPrivilegeEscalation: false",
        Warning, Security) { OffersReplacement = true };

    /// <summary>SM3005: a writable root filesystem (kube-score, kube-linter <c>no-read-only-root-fs</c>).</summary>
    public static readonly RuleDescriptor WritableRootFilesystem = new(
        RuleIds.WritableRootFilesystem, "Writable root filesystem",
        "{0}: container \"{1}\" has a writable root filesystem; set readOnlyRootFilesystem: true and mount volumes where it must write",
        Warning, Security) { OffersReplacement = true };

    /// <summary>SM3006: a hostPath volume (kube-linter <c>sensitive-host-mounts</c>, <c>writable-host-mount</c>).</summary>
    public static readonly RuleDescriptor HostPathVolume = new(
        RuleIds.HostPathVolume, "hostPath volume",
        "{0}: volume \"{1}\" mounts host path \"{2}\"{3}; use a volume claim template or an emptyDir instead",
        Warning, Security);

    /// <summary>SM3007: host network, PID or IPC namespace (kube-linter <c>host-network</c>, <c>host-pid</c>, <c>host-ipc</c>).</summary>
    public static readonly RuleDescriptor HostNamespace = new(
        RuleIds.HostNamespace, "Pod shares a host namespace",
        "{0}: the pods share the node's {1} namespace; remove {2}: true",
        Warning, Security) { OffersReplacement = true };

    /// <summary>SM3008: a secret written as a literal environment value (kube-linter <c>env-var-secret</c>).</summary>
    public static readonly RuleDescriptor SecretInEnvLiteral = new(
        RuleIds.SecretInEnvLiteral, "Secret in a literal environment variable",
        "{0}: environment variable \"{1}\" of container \"{2}\" holds a literal secret; read it from a Secret with valueFrom.secretKeyRef",
        Warning, Security);

    /// <summary>SM3009: NET_RAW not dropped (kube-linter <c>drop-net-raw-capability</c>).</summary>
    public static readonly RuleDescriptor CapabilitiesNotDropped = new(
        RuleIds.CapabilitiesNotDropped, "NET_RAW capability not dropped",
        "{0}: container \"{1}\" does not drop NET_RAW, which lets it craft raw packets; add ALL (or at least NET_RAW) to securityContext.capabilities.drop",
        Warning, Security);

    /// <summary>SM3010: the default service account (kube-linter <c>default-service-account</c>).</summary>
    public static readonly RuleDescriptor DefaultServiceAccount = new(
        RuleIds.DefaultServiceAccount, "Pods use the default service account",
        "{0}: the pods use the namespace's default service account; create a dedicated service account and set serviceAccountName",
        Info, Security);

    /// <summary>SM3011: a NodePort Service (kube-score <c>service-type</c>).</summary>
    public static readonly RuleDescriptor NodePortService = new(
        RuleIds.NodePortService, "NodePort Service",
        "{0}: Service \"{1}\" is of type NodePort, which opens its port on every node and bypasses NetworkPolicies; use a headless or ClusterIP Service (behind an Ingress or LoadBalancer if it must be reachable)",
        Warning, Security);

    /// <summary>SM3020: a secret in a ConfigMap (kube-linter <c>env-var-secret</c>, for ConfigMap data).</summary>
    public static readonly RuleDescriptor SecretInConfigMap = new(
        RuleIds.SecretInConfigMap, "Secret in a ConfigMap",
        "{0}: key \"{1}\" holds a secret in plain text; put it in a Secret and reference it (valueFrom.secretKeyRef or a secret volume)",
        Error, Security);

    /// <summary>SM3021: the API token is mounted though no Role is bound to the workload's ServiceAccount.</summary>
    public static readonly RuleDescriptor TokenMountedWithoutRole = new(
        RuleIds.TokenMountedWithoutRole, "Service account token mounted without a Role",
        "{0}: the pods mount the API token of ServiceAccount \"{1}\", which the workload binds no Role to; set automountServiceAccountToken: false unless the pods call the API",
        Info, Security);

    /// <summary>SM3022: a wildcard in a Role (kube-linter <c>wildcard-in-rules</c>).</summary>
    public static readonly RuleDescriptor WildcardInRole = new(
        RuleIds.WildcardInRole, "Wildcard in a Role",
        "{0}: the rule grants every value of {1} (\"*\"), now and whatever is added later; list exactly what the pods need",
        Warning, Security);

    /// <summary>SM3023: a Role that reads Secrets (kube-linter <c>access-to-secrets</c>).</summary>
    public static readonly RuleDescriptor RoleReadsSecrets = new(
        RuleIds.RoleReadsSecrets, "Role reads Secrets",
        "{0}: the rule lets the pods read every Secret in the namespace; mount the Secrets they need instead, or narrow the rule with resourceNames",
        Warning, Security);

    /// <summary>SM3030: a client Service of type LoadBalancer or NodePort selecting the set's pods.</summary>
    public static readonly RuleDescriptor ClientServiceExposed = new(
        RuleIds.ClientServiceExposed, "Client Service exposes the workload outside the cluster",
        "{0}: type {1} makes the workload's pods, usually a database, reachable from outside the cluster; keep the client Service ClusterIP and let clients inside the cluster (or a proxy with authentication) reach it",
        Warning, Security);

    /// <summary>SM3031: no NetworkPolicy selects the pods (kube-score <c>pod-networkpolicy</c>).</summary>
    public static readonly RuleDescriptor PodsWithoutNetworkPolicy = new(
        RuleIds.PodsWithoutNetworkPolicy, "Pods not targeted by a NetworkPolicy",
        "{0}: no NetworkPolicy of the workload selects the pods for {1}, so any pod may connect to them; add NetworkPolicy(p => p.AllowClients(...).RestrictEgress())",
        Info, Security);

    // ---- SM4xxx: best practice -----------------------------------------------------------------------------

    /// <summary>SM4001: image without a tag or with <c>latest</c> (kube-score <c>container-image-tag</c>, kube-linter <c>latest-tag</c>).</summary>
    public static readonly RuleDescriptor ImageTagNotPinned = new(
        RuleIds.ImageTagNotPinned, "Image tag is latest or missing",
        "{0}: container \"{1}\" uses image \"{2}\" {3}; pin a version tag or a digest so every replica runs the same code",
        Warning, BestPractice);

    /// <summary>SM4002: pull policy other than Always (kube-score <c>container-image-pull-policy</c>).</summary>
    public static readonly RuleDescriptor ImagePullPolicyNotAlways = new(
        RuleIds.ImagePullPolicyNotAlways, "Image pull policy is not Always",
        "{0}: container \"{1}\" {2}; set imagePullPolicy: Always so every pod start checks the registry and the pull secrets",
        Info, BestPractice) { OffersReplacement = true };

    /// <summary>SM4003: no CPU or memory request (kube-score <c>container-resources</c>, kube-linter <c>unset-cpu-requirements</c>, <c>unset-memory-requirements</c>).</summary>
    public static readonly RuleDescriptor MissingRequests = new(
        RuleIds.MissingRequests, "No CPU or memory request",
        "{0}: container \"{1}\" has no {2} request; set resources.requests.{2} so the scheduler places the pod where it fits",
        Warning, BestPractice);

    /// <summary>SM4004: no memory limit (kube-score <c>container-resources</c>, kube-linter <c>unset-memory-requirements</c>).</summary>
    public static readonly RuleDescriptor MissingMemoryLimit = new(
        RuleIds.MissingMemoryLimit, "No memory limit",
        "{0}: container \"{1}\" has no memory limit, so one leak can exhaust the node; set resources.limits.memory",
        Warning, BestPractice);

    /// <summary>SM4005: no CPU limit (optional in kube-score; kube-linter <c>unset-cpu-requirements</c>).</summary>
    public static readonly RuleDescriptor MissingCpuLimit = new(
        RuleIds.MissingCpuLimit, "No CPU limit",
        "{0}: container \"{1}\" has no CPU limit; set resources.limits.cpu if the node's other workloads must be protected from it",
        Info, BestPractice);

    /// <summary>SM4006: no ephemeral-storage request or limit (kube-score <c>container-ephemeral-storage-request-and-limit</c>).</summary>
    public static readonly RuleDescriptor MissingEphemeralStorage = new(
        RuleIds.MissingEphemeralStorage, "No ephemeral-storage request or limit",
        "{0}: container \"{1}\" has no ephemeral-storage {2}; set resources.{3}.ephemeral-storage so logs and scratch files cannot fill the node's disk",
        Info, BestPractice);

    /// <summary>SM4020: the pods read a ConfigMap of the workload but the template carries no checksum of it.</summary>
    public static readonly RuleDescriptor ConfigChecksumMissing = new(
        RuleIds.ConfigChecksumMissing, "No config checksum on the pod template",
        "{0}: the pods read ConfigMap \"{1}\", but no checksum/ annotation changes with it, so a config change does not roll the pods; declare it with Config(...) (rollPodsOnChange) or annotate the template with its hash",
        Info, BestPractice);

    // ---- SM5xxx: update safety (the new manifests against the released ones, UpdateCheck) ---------------------

    /// <summary>
    /// SM5001: a change the API server rejects on update — selector, volumeClaimTemplates, serviceName or
    /// podManagementPolicy (reference §C.2) — with its message and the orphan-delete migration path.
    /// </summary>
    public static readonly RuleDescriptor ForbiddenStatefulSetUpdate = new(
        RuleIds.ForbiddenStatefulSetUpdate, "Update of an immutable StatefulSet field",
        "{0}: {1} since the released manifest; the API server rejects this update with \"spec: Forbidden: " + Validation.UpdateValidator.StatefulSetImmutableSpecMessage + "\" — to roll it out, delete the StatefulSet but keep its pods and claims (kubectl delete statefulset {2} --cascade=orphan), then apply the new manifest: the claims are kept and reused by name{3}",
        Error, UpdateSafety);

    /// <summary>SM5002: a claim template of the released StatefulSet is gone (removed or renamed): its claims are orphaned.</summary>
    public static readonly RuleDescriptor ClaimTemplateRemoved = new(
        RuleIds.ClaimTemplateRemoved, "Claim template removed or renamed",
        "{0}: claim template \"{1}\" of the released StatefulSet is gone{2}; its claims ({3}) are orphaned — they stay with their data but no pod mounts them any more — and a renamed template gets new, empty volumes; keep the template's name, or copy the data over before deleting the old claims",
        Warning, UpdateSafety);

    /// <summary>SM5003: a claim template's storage size or class changed: existing claims keep theirs.</summary>
    public static readonly RuleDescriptor ClaimTemplateStorageChanged = new(
        RuleIds.ClaimTemplateStorageChanged, "Claim template storage size or class changed",
        "{0}: the {1} of claim template \"{2}\" changes from {3} to {4}, but the existing claims ({5}) keep {3}: a StatefulSet never changes a claim it created, and its templates cannot be updated (SM5001); {6}",
        Warning, UpdateSafety);

    /// <summary>SM5004: the update removes ordinals while <c>whenScaled: Delete</c> is in effect: their claims and data are deleted.</summary>
    public static readonly RuleDescriptor ScaleDownDeletesClaims = new(
        RuleIds.ScaleDownDeletesClaims, "Scale-down deletes claims",
        "{0}: the update removes {1} while persistentVolumeClaimRetentionPolicy.whenScaled is Delete, so their claims ({2}) and the data on them are deleted; back them up first, or keep whenScaled: Retain for the scale-down",
        Warning, UpdateSafety);

    /// <summary>SM5005: a change the API server rejects on a Service update (cluster IPs, loadBalancerClass), with its message.</summary>
    public static readonly RuleDescriptor ForbiddenServiceUpdate = new(
        RuleIds.ForbiddenServiceUpdate, "Update of an immutable Service field",
        "{0}: changed since the released manifest; the API server rejects this update with \"{1}\" — delete the Service and apply it again (kubectl delete service {2}); the pods' DNS names do not resolve until it is back",
        Error, UpdateSafety);

    /// <summary>Every descriptor, ordered by ID.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        DeclarationNotEvaluable, DuplicateWorkloadName, DuplicateName, MountOfMissingVolume, EnclosingTypeNotPartial,
        NotAWorkloadDeclaration, DeclarationThrows, EnvironmentMismatch, ManifestFileClash,
        ApiRequired, ApiInvalid, ApiNotSupported, ApiDuplicate, ApiForbidden, ApiTooLong, ApiNotFound, InvalidQuantity, UnreadableManifest,
        FieldNotInTargetVersion, FieldDroppedByFeatureGate, InvalidTargetCluster,
        SelectorDoesNotMatchTemplate, ServiceNameMissing, ServiceNameNotGoverningService, GoverningServiceNotHeadless, ServiceSelectsNoPods,
        NoDisruptionBudget, DisruptionBudgetSelectsNoPods, DisruptionBudgetBlocksEviction, NoHostAntiAffinity, NameTooLongForPods,
        VersionLabelInSelector, RolloutWithoutReadinessProbe, WhenScaledDelete, MaxUnavailableFeatureGated, PartitionBlocksUpdate,
        ReadWriteOnceClaim, ClaimWithoutStorageRequest, MissingReadinessProbe, MissingLivenessProbe, IdenticalProbes, ProbePortNotDeclared, DuplicateYamlKey, ConfigMapUnused,
        PreProvisionedVolumeDeletesData, BackupRunsOverlap, PreProvisionedClaimsMissing, BackupClaimOnOtherNode, AutoscalerMinimumBlocksEviction, AutoscalerDeletesClaims, ReplicasFightAutoscaler, AutoscalerMetricWithoutRequests,
        RunAsRoot, LowUserOrGroupId, PrivilegedContainer, PrivilegeEscalation, WritableRootFilesystem, HostPathVolume, HostNamespace,
        SecretInEnvLiteral, CapabilitiesNotDropped, DefaultServiceAccount, NodePortService, SecretInConfigMap, TokenMountedWithoutRole, WildcardInRole, RoleReadsSecrets, ClientServiceExposed, PodsWithoutNetworkPolicy,
        ImageTagNotPinned, ImagePullPolicyNotAlways, MissingRequests, MissingMemoryLimit, MissingCpuLimit, MissingEphemeralStorage, ConfigChecksumMissing,
        ForbiddenStatefulSetUpdate, ClaimTemplateRemoved, ClaimTemplateStorageChanged, ScaleDownDeletesClaims, ForbiddenServiceUpdate,
    ];

    private static readonly Dictionary<string, RuleDescriptor> ById = All.ToDictionary(d => d.Id, StringComparer.Ordinal);

    /// <summary>
    /// The API-validation rule of a Kubernetes error type (SM1001–SM1007): what an error the API server would return
    /// is reported as, when no more specific rule (such as SM1008 for a quantity) replaces it.
    /// </summary>
    public static RuleDescriptor ForErrorType(FieldErrorType type) => type switch
    {
        FieldErrorType.Required => ApiRequired,
        FieldErrorType.Invalid => ApiInvalid,
        FieldErrorType.NotSupported => ApiNotSupported,
        FieldErrorType.Duplicate => ApiDuplicate,
        FieldErrorType.Forbidden => ApiForbidden,
        FieldErrorType.TooLong => ApiTooLong,
        _ => ApiNotFound,
    };

    /// <summary>The descriptor for <paramref name="id"/>, or null.</summary>
    public static RuleDescriptor? Find(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : null;
}
