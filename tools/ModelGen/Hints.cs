namespace ModelGen;

/// <summary>
/// Choices the OpenAPI schema does not make for us: which string fields are closed sets (typed enums in C#),
/// and the key order manifests conventionally use (the schema lists properties alphabetically).
/// Fields not listed keep `name` first and the rest alphabetical, so new schema fields still appear.
/// </summary>
internal static class Hints
{
    public static readonly string[] Roots =
    [
        "io.k8s.api.apps.v1.StatefulSet",
        "io.k8s.api.core.v1.Service",
        "io.k8s.api.policy.v1.PodDisruptionBudget",
        "io.k8s.api.core.v1.ConfigMap",
        "io.k8s.api.core.v1.ServiceAccount",
        "io.k8s.api.core.v1.PersistentVolume",
        "io.k8s.api.core.v1.PersistentVolumeClaim",
        "io.k8s.api.rbac.v1.Role",
        "io.k8s.api.rbac.v1.RoleBinding",
        "io.k8s.api.networking.v1.NetworkPolicy",
        "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler",
        "io.k8s.api.batch.v1.CronJob",
    ];

    /// <summary>Top-level kinds: apiVersion/kind get their fixed values as defaults.</summary>
    public static readonly Dictionary<string, (string ApiVersion, string Kind)> Kinds = new()
    {
        ["StatefulSet"] = ("apps/v1", "StatefulSet"),
        ["Service"] = ("v1", "Service"),
        ["PodDisruptionBudget"] = ("policy/v1", "PodDisruptionBudget"),
        ["ConfigMap"] = ("v1", "ConfigMap"),
        ["ServiceAccount"] = ("v1", "ServiceAccount"),
        ["PersistentVolume"] = ("v1", "PersistentVolume"),
        ["Role"] = ("rbac.authorization.k8s.io/v1", "Role"),
        ["RoleBinding"] = ("rbac.authorization.k8s.io/v1", "RoleBinding"),
        ["NetworkPolicy"] = ("networking.k8s.io/v1", "NetworkPolicy"),
        ["HorizontalPodAutoscaler"] = ("autoscaling/v2", "HorizontalPodAutoscaler"),
        ["CronJob"] = ("batch/v1", "CronJob"),

        // Not here: PersistentVolumeClaim, which is also the type of a StatefulSet's claim templates, where
        // apiVersion and kind are conventionally left out; standalone claims set them where they are built.
    };

    public static readonly Dictionary<string, string> Enums = new()
    {
        ["StatefulSetSpec.podManagementPolicy"] = "PodManagementPolicy",
        ["StatefulSetUpdateStrategy.type"] = "UpdateStrategyType",
        ["StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted"] = "ClaimRetentionPolicy",
        ["StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled"] = "ClaimRetentionPolicy",
        ["PersistentVolumeClaimSpec.accessModes"] = "AccessMode",
        ["PersistentVolumeClaimStatus.accessModes"] = "AccessMode",
        ["PersistentVolumeClaimSpec.volumeMode"] = "VolumeMode",
        ["ContainerPort.protocol"] = "Protocol",
        ["ServicePort.protocol"] = "Protocol",
        ["PortStatus.protocol"] = "Protocol",
        ["Container.imagePullPolicy"] = "PullPolicy",
        ["EphemeralContainer.imagePullPolicy"] = "PullPolicy",
        ["ImageVolumeSource.pullPolicy"] = "PullPolicy",
        ["Container.terminationMessagePolicy"] = "TerminationMessagePolicy",
        ["EphemeralContainer.terminationMessagePolicy"] = "TerminationMessagePolicy",
        ["Container.restartPolicy"] = "ContainerRestartPolicy",
        ["EphemeralContainer.restartPolicy"] = "ContainerRestartPolicy",
        ["PodSpec.restartPolicy"] = "RestartPolicy",
        ["PodSpec.dnsPolicy"] = "DnsPolicy",
        ["PodSpec.preemptionPolicy"] = "PreemptionPolicy",
        ["HTTPGetAction.scheme"] = "UriScheme",
        ["LabelSelectorRequirement.operator"] = "LabelSelectorOperator",
        ["NodeSelectorRequirement.operator"] = "NodeSelectorOperator",
        ["Toleration.operator"] = "TolerationOperator",
        ["Toleration.effect"] = "TaintEffect",
        ["TopologySpreadConstraint.whenUnsatisfiable"] = "WhenUnsatisfiable",
        ["TopologySpreadConstraint.nodeAffinityPolicy"] = "NodeInclusionPolicy",
        ["TopologySpreadConstraint.nodeTaintsPolicy"] = "NodeInclusionPolicy",
        ["SeccompProfile.type"] = "SeccompProfileType",
        ["AppArmorProfile.type"] = "AppArmorProfileType",
        ["PodSecurityContext.fsGroupChangePolicy"] = "FsGroupChangePolicy",
        ["SecurityContext.procMount"] = "ProcMountType",
        ["VolumeMount.mountPropagation"] = "MountPropagation",
        ["ContainerResizePolicy.restartPolicy"] = "ResizeRestartPolicy",
        ["ServiceSpec.type"] = "ServiceType",
        ["ServiceSpec.sessionAffinity"] = "SessionAffinity",
        ["ServiceSpec.externalTrafficPolicy"] = "TrafficPolicy",
        ["ServiceSpec.internalTrafficPolicy"] = "TrafficPolicy",
        ["ServiceSpec.ipFamilyPolicy"] = "IpFamilyPolicy",
        ["ServiceSpec.ipFamilies"] = "IpFamily",
        ["PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy"] = "UnhealthyPodEvictionPolicy",
        ["PersistentVolumeSpec.accessModes"] = "AccessMode",
        ["PersistentVolumeSpec.volumeMode"] = "VolumeMode",
        ["PersistentVolumeSpec.persistentVolumeReclaimPolicy"] = "PersistentVolumeReclaimPolicy",
        ["NetworkPolicySpec.policyTypes"] = "PolicyType",
        ["NetworkPolicyPort.protocol"] = "Protocol",
        ["CronJobSpec.concurrencyPolicy"] = "ConcurrencyPolicy",
    };

    public static readonly Dictionary<string, string[]> Order = new()
    {
        ["StatefulSet"] = ["apiVersion", "kind", "metadata", "spec", "status"],
        ["Service"] = ["apiVersion", "kind", "metadata", "spec", "status"],
        ["PodDisruptionBudget"] = ["apiVersion", "kind", "metadata", "spec", "status"],
        ["PersistentVolumeClaim"] = ["apiVersion", "kind", "metadata", "spec", "status"],
        ["ObjectMeta"] = ["name", "generateName", "namespace", "labels", "annotations", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "ownerReferences", "finalizers", "managedFields"],
        ["StatefulSetSpec"] = ["serviceName", "replicas", "selector", "podManagementPolicy", "updateStrategy", "minReadySeconds", "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy", "ordinals", "template", "volumeClaimTemplates"],
        ["StatefulSetStatus"] = ["observedGeneration", "replicas", "readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas", "currentRevision", "updateRevision", "collisionCount", "conditions"],
        ["StatefulSetUpdateStrategy"] = ["type", "rollingUpdate"],
        ["RollingUpdateStatefulSetStrategy"] = ["partition", "maxUnavailable"],
        ["PodTemplateSpec"] = ["metadata", "spec"],
        ["PodSpec"] = ["serviceAccountName", "serviceAccount", "automountServiceAccountToken", "restartPolicy", "terminationGracePeriodSeconds", "activeDeadlineSeconds", "dnsPolicy", "dnsConfig", "hostname", "subdomain", "nodeName", "nodeSelector", "affinity", "tolerations", "topologySpreadConstraints", "priorityClassName", "priority", "preemptionPolicy", "schedulerName", "runtimeClassName", "securityContext", "hostNetwork", "hostPID", "hostIPC", "hostUsers", "shareProcessNamespace", "imagePullSecrets", "enableServiceLinks", "setHostnameAsFQDN", "os", "hostAliases", "readinessGates", "schedulingGates", "overhead", "resourceClaims", "resources", "initContainers", "containers", "ephemeralContainers", "volumes"],
        ["Container"] = ["name", "image", "imagePullPolicy", "command", "args", "workingDir", "ports", "envFrom", "env", "resources", "resizePolicy", "restartPolicy", "volumeMounts", "volumeDevices", "livenessProbe", "readinessProbe", "startupProbe", "lifecycle", "terminationMessagePath", "terminationMessagePolicy", "securityContext", "stdin", "stdinOnce", "tty"],
        ["EphemeralContainer"] = ["name", "targetContainerName", "image", "imagePullPolicy", "command", "args", "workingDir", "ports", "envFrom", "env", "resources", "resizePolicy", "restartPolicy", "volumeMounts", "volumeDevices", "livenessProbe", "readinessProbe", "startupProbe", "lifecycle", "terminationMessagePath", "terminationMessagePolicy", "securityContext", "stdin", "stdinOnce", "tty"],
        ["ContainerPort"] = ["name", "containerPort", "protocol", "hostPort", "hostIP"],
        ["EnvVar"] = ["name", "value", "valueFrom"],
        ["EnvVarSource"] = ["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef"],
        ["EnvFromSource"] = ["prefix", "configMapRef", "secretRef"],
        ["SecretKeySelector"] = ["name", "key", "optional"],
        ["ConfigMapKeySelector"] = ["name", "key", "optional"],
        ["ObjectFieldSelector"] = ["apiVersion", "fieldPath"],
        ["ResourceFieldSelector"] = ["containerName", "resource", "divisor"],
        ["Probe"] = ["exec", "httpGet", "tcpSocket", "grpc", "initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold", "terminationGracePeriodSeconds"],
        ["HTTPGetAction"] = ["path", "port", "host", "scheme", "httpHeaders"],
        ["ResourceRequirements"] = ["requests", "limits", "claims"],
        ["VolumeResourceRequirements"] = ["requests", "limits"],
        ["VolumeMount"] = ["name", "mountPath", "subPath", "subPathExpr", "readOnly", "recursiveReadOnly", "mountPropagation"],
        ["PersistentVolumeClaimSpec"] = ["accessModes", "storageClassName", "volumeMode", "resources", "selector", "volumeName", "dataSource", "dataSourceRef", "volumeAttributesClassName"],
        ["ServiceSpec"] = ["type", "clusterIP", "clusterIPs", "publishNotReadyAddresses", "selector", "ports"],
        ["ServicePort"] = ["name", "port", "targetPort", "protocol", "appProtocol", "nodePort"],
        ["PodDisruptionBudgetSpec"] = ["minAvailable", "maxUnavailable", "selector", "unhealthyPodEvictionPolicy"],
        ["LabelSelector"] = ["matchLabels", "matchExpressions"],
        ["LabelSelectorRequirement"] = ["key", "operator", "values"],
        ["NodeSelectorRequirement"] = ["key", "operator", "values"],
        ["Toleration"] = ["key", "operator", "value", "effect", "tolerationSeconds"],
        ["SecurityContext"] = ["runAsUser", "runAsGroup", "runAsNonRoot", "readOnlyRootFilesystem", "allowPrivilegeEscalation", "privileged", "capabilities", "seccompProfile"],
        ["PodSecurityContext"] = ["runAsUser", "runAsGroup", "runAsNonRoot", "fsGroup", "fsGroupChangePolicy", "supplementalGroups", "seccompProfile"],
        ["Capabilities"] = ["add", "drop"],
        ["KeyToPath"] = ["key", "path", "mode"],
        ["PodAffinityTerm"] = ["labelSelector", "topologyKey", "namespaces", "namespaceSelector", "matchLabelKeys", "mismatchLabelKeys"],
        ["WeightedPodAffinityTerm"] = ["weight", "podAffinityTerm"],
        ["PreferredSchedulingTerm"] = ["weight", "preference"],
        ["TopologySpreadConstraint"] = ["maxSkew", "topologyKey", "whenUnsatisfiable", "labelSelector", "minDomains", "nodeAffinityPolicy", "nodeTaintsPolicy", "matchLabelKeys"],
        ["OwnerReference"] = ["apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion"],
        ["ConfigMap"] = ["apiVersion", "kind", "metadata", "immutable", "data", "binaryData"],
        ["ServiceAccount"] = ["apiVersion", "kind", "metadata", "automountServiceAccountToken", "imagePullSecrets", "secrets"],
        ["PersistentVolume"] = ["apiVersion", "kind", "metadata", "spec", "status"],
        ["PersistentVolumeSpec"] = ["capacity", "accessModes", "volumeMode", "persistentVolumeReclaimPolicy", "storageClassName", "claimRef", "mountOptions", "nodeAffinity", "volumeAttributesClassName"],
        ["ObjectReference"] = ["apiVersion", "kind", "namespace", "name", "uid", "resourceVersion", "fieldPath"],
        ["Role"] = ["apiVersion", "kind", "metadata", "rules"],
        ["RoleBinding"] = ["apiVersion", "kind", "metadata", "roleRef", "subjects"],
        ["PolicyRule"] = ["apiGroups", "resources", "resourceNames", "verbs", "nonResourceURLs"],
        ["RoleRef"] = ["apiGroup", "kind", "name"],
        ["Subject"] = ["kind", "apiGroup", "name", "namespace"],
        ["NetworkPolicy"] = ["apiVersion", "kind", "metadata", "spec"],
        ["NetworkPolicySpec"] = ["podSelector", "policyTypes", "ingress", "egress"],
        ["NetworkPolicyIngressRule"] = ["from", "ports"],
        ["NetworkPolicyEgressRule"] = ["to", "ports"],
        ["NetworkPolicyPeer"] = ["podSelector", "namespaceSelector", "ipBlock"],
        ["NetworkPolicyPort"] = ["protocol", "port", "endPort"],
        ["IPBlock"] = ["cidr", "except"],
        ["HorizontalPodAutoscaler"] = ["apiVersion", "kind", "metadata", "spec", "status"],
        ["HorizontalPodAutoscalerSpec"] = ["scaleTargetRef", "minReplicas", "maxReplicas", "metrics", "behavior"],
        ["CrossVersionObjectReference"] = ["apiVersion", "kind", "name"],
        ["MetricSpec"] = ["type", "resource", "containerResource", "pods", "object", "external"],
        ["ResourceMetricSource"] = ["name", "target"],
        ["MetricTarget"] = ["type", "averageUtilization", "averageValue", "value"],
        ["HorizontalPodAutoscalerBehavior"] = ["scaleUp", "scaleDown"],
        ["HPAScalingRules"] = ["stabilizationWindowSeconds", "selectPolicy", "policies", "tolerance"],
        ["HPAScalingPolicy"] = ["type", "value", "periodSeconds"],
        ["CronJob"] = ["apiVersion", "kind", "metadata", "spec", "status"],
        ["CronJobSpec"] = ["schedule", "timeZone", "concurrencyPolicy", "suspend", "startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit", "jobTemplate"],
        ["JobTemplateSpec"] = ["metadata", "spec"],
        ["JobSpec"] = ["parallelism", "completions", "completionMode", "backoffLimit", "activeDeadlineSeconds", "ttlSecondsAfterFinished", "suspend", "selector", "manualSelector", "template"],
    };

    /// <summary>The folder (API group) a schema name belongs to.</summary>
    public static string Group(string schemaName) =>
        schemaName.Contains(".apps.v1.") ? "Apps"
        : schemaName.Contains(".policy.v1.") ? "Policy"
        : schemaName.Contains(".rbac.v1.") ? "Rbac"
        : schemaName.Contains(".networking.v1.") ? "Networking"
        : schemaName.Contains(".autoscaling.v2.") ? "Autoscaling"
        : schemaName.Contains(".batch.v1.") ? "Batch"
        : schemaName.Contains(".core.v1.") ? "Core"
        : "Meta";

    /// <summary>The group/version text used in docs.</summary>
    public static string GroupVersion(string schemaName) =>
        schemaName.Contains(".apps.v1.") ? "apps/v1"
        : schemaName.Contains(".policy.v1.") ? "policy/v1"
        : schemaName.Contains(".rbac.v1.") ? "rbac.authorization.k8s.io/v1"
        : schemaName.Contains(".networking.v1.") ? "networking.k8s.io/v1"
        : schemaName.Contains(".autoscaling.v2.") ? "autoscaling/v2"
        : schemaName.Contains(".batch.v1.") ? "batch/v1"
        : schemaName.Contains(".core.v1.") ? "core/v1"
        : "meta/v1";
}
