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
    ];

    /// <summary>Top-level kinds: apiVersion/kind get their fixed values as defaults.</summary>
    public static readonly Dictionary<string, (string ApiVersion, string Kind)> Kinds = new()
    {
        ["StatefulSet"] = ("apps/v1", "StatefulSet"),
        ["Service"] = ("v1", "Service"),
        ["PodDisruptionBudget"] = ("policy/v1", "PodDisruptionBudget"),
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
    };

    /// <summary>The folder (API group) a schema name belongs to.</summary>
    public static string Group(string schemaName) =>
        schemaName.Contains(".apps.v1.") ? "Apps"
        : schemaName.Contains(".policy.v1.") ? "Policy"
        : schemaName.Contains(".core.v1.") ? "Core"
        : "Meta";

    /// <summary>The group/version text used in docs.</summary>
    public static string GroupVersion(string schemaName) =>
        schemaName.Contains(".apps.v1.") ? "apps/v1"
        : schemaName.Contains(".policy.v1.") ? "policy/v1"
        : schemaName.Contains(".core.v1.") ? "core/v1"
        : "meta/v1";
}
