namespace StatefulManifests.Model;

/// <summary>A persistent volume access mode.</summary>
public enum AccessMode
{
    /// <summary>Read-write by a single node.</summary>
    ReadWriteOnce,

    /// <summary>Read-only by many nodes.</summary>
    ReadOnlyMany,

    /// <summary>Read-write by many nodes.</summary>
    ReadWriteMany,

    /// <summary>Read-write by a single pod.</summary>
    ReadWriteOncePod,
}

/// <summary><c>volumeMode</c> of a claim.</summary>
public enum VolumeMode
{
    /// <summary>A raw block device.</summary>
    Block,

    /// <summary>A formatted filesystem (the default).</summary>
    Filesystem,
}

/// <summary>A network protocol.</summary>
public enum Protocol
{
    /// <summary>TCP (the default).</summary>
    TCP,

    /// <summary>UDP.</summary>
    UDP,

    /// <summary>SCTP.</summary>
    SCTP,
}

/// <summary>A container's <c>imagePullPolicy</c>.</summary>
public enum PullPolicy
{
    /// <summary>Always pull.</summary>
    Always,

    /// <summary>Never pull.</summary>
    Never,

    /// <summary>Pull only when the image is not on the node.</summary>
    IfNotPresent,
}

/// <summary>A container's <c>terminationMessagePolicy</c>.</summary>
public enum TerminationMessagePolicy
{
    /// <summary>Read the termination message file.</summary>
    File,

    /// <summary>Fall back to the tail of the log when the file is empty and the container failed.</summary>
    FallbackToLogsOnError,
}

/// <summary>A pod's <c>restartPolicy</c>.</summary>
public enum RestartPolicy
{
    /// <summary>Always restart (the only value a StatefulSet accepts).</summary>
    Always,

    /// <summary>Restart on failure.</summary>
    OnFailure,

    /// <summary>Never restart.</summary>
    Never,
}

/// <summary>A container's <c>restartPolicy</c> (sidecar init containers).</summary>
public enum ContainerRestartPolicy
{
    /// <summary>The init container is a sidecar that keeps running.</summary>
    Always,
}

/// <summary>A pod's <c>dnsPolicy</c>.</summary>
public enum DnsPolicy
{
    /// <summary>Cluster DNS first (the default).</summary>
    ClusterFirst,

    /// <summary>Cluster DNS first, also with host networking.</summary>
    ClusterFirstWithHostNet,

    /// <summary>The node's resolver configuration.</summary>
    Default,

    /// <summary>Only <c>dnsConfig</c>.</summary>
    None,
}

/// <summary>A pod's <c>preemptionPolicy</c>.</summary>
public enum PreemptionPolicy
{
    /// <summary>May preempt lower-priority pods.</summary>
    PreemptLowerPriority,

    /// <summary>Never preempts.</summary>
    Never,
}

/// <summary>The scheme of an HTTP probe.</summary>
public enum UriScheme
{
    /// <summary>Plain HTTP.</summary>
    HTTP,

    /// <summary>HTTPS (certificate not verified).</summary>
    HTTPS,
}

/// <summary>The operator of a label selector requirement.</summary>
public enum LabelSelectorOperator
{
    /// <summary>The label's value is in the set.</summary>
    In,

    /// <summary>The label's value is not in the set.</summary>
    NotIn,

    /// <summary>The label exists.</summary>
    Exists,

    /// <summary>The label does not exist.</summary>
    DoesNotExist,
}

/// <summary>The operator of a node selector requirement.</summary>
public enum NodeSelectorOperator
{
    /// <summary>The value is in the set.</summary>
    In,

    /// <summary>The value is not in the set.</summary>
    NotIn,

    /// <summary>The key exists.</summary>
    Exists,

    /// <summary>The key does not exist.</summary>
    DoesNotExist,

    /// <summary>The value is greater than the single integer given.</summary>
    Gt,

    /// <summary>The value is less than the single integer given.</summary>
    Lt,
}

/// <summary>The operator of a toleration.</summary>
public enum TolerationOperator
{
    /// <summary>Tolerates any value.</summary>
    Exists,

    /// <summary>Tolerates one value (the default).</summary>
    Equal,
}

/// <summary>The effect of a taint.</summary>
public enum TaintEffect
{
    /// <summary>Do not schedule.</summary>
    NoSchedule,

    /// <summary>Prefer not to schedule.</summary>
    PreferNoSchedule,

    /// <summary>Evict running pods.</summary>
    NoExecute,
}

/// <summary>What a topology spread constraint does when it cannot be satisfied.</summary>
public enum WhenUnsatisfiable
{
    /// <summary>Do not schedule the pod.</summary>
    DoNotSchedule,

    /// <summary>Schedule it anyway, preferring less skew.</summary>
    ScheduleAnyway,
}

/// <summary>Whether node affinity or taints count when computing spread skew.</summary>
public enum NodeInclusionPolicy
{
    /// <summary>Ignore them.</summary>
    Ignore,

    /// <summary>Honor them.</summary>
    Honor,
}

/// <summary>The kind of seccomp profile.</summary>
public enum SeccompProfileType
{
    /// <summary>No seccomp profile.</summary>
    Unconfined,

    /// <summary>The container runtime's default profile.</summary>
    RuntimeDefault,

    /// <summary>A profile file on the node.</summary>
    Localhost,
}

/// <summary>The kind of AppArmor profile.</summary>
public enum AppArmorProfileType
{
    /// <summary>No AppArmor profile.</summary>
    Unconfined,

    /// <summary>The container runtime's default profile.</summary>
    RuntimeDefault,

    /// <summary>A profile loaded on the node.</summary>
    Localhost,
}

/// <summary>A pod's <c>securityContext.fsGroupChangePolicy</c>.</summary>
public enum FsGroupChangePolicy
{
    /// <summary>Change ownership only when the root directory does not match.</summary>
    OnRootMismatch,

    /// <summary>Always change ownership.</summary>
    Always,
}

/// <summary>A container's <c>securityContext.procMount</c>.</summary>
public enum ProcMountType
{
    /// <summary>The runtime's default masked /proc.</summary>
    Default,

    /// <summary>An unmasked /proc.</summary>
    Unmasked,
}

/// <summary>A volume mount's <c>mountPropagation</c>.</summary>
public enum MountPropagation
{
    /// <summary>No propagation.</summary>
    None,

    /// <summary>Host mounts propagate into the container.</summary>
    HostToContainer,

    /// <summary>Propagation both ways (privileged containers only).</summary>
    Bidirectional,
}

/// <summary>A container resize policy's <c>restartPolicy</c>.</summary>
public enum ResizeRestartPolicy
{
    /// <summary>Resize without restarting.</summary>
    NotRequired,

    /// <summary>Restart the container to resize.</summary>
    RestartContainer,
}

/// <summary>A Service's <c>type</c>.</summary>
public enum ServiceType
{
    /// <summary>A cluster-internal virtual IP (or headless with <c>clusterIP: None</c>).</summary>
    ClusterIP,

    /// <summary>Exposed on a port of every node.</summary>
    NodePort,

    /// <summary>Exposed through a cloud load balancer.</summary>
    LoadBalancer,

    /// <summary>A DNS alias.</summary>
    ExternalName,
}

/// <summary>A Service's <c>sessionAffinity</c>.</summary>
public enum SessionAffinity
{
    /// <summary>Sticky by client IP.</summary>
    ClientIP,

    /// <summary>No affinity.</summary>
    None,
}

/// <summary>A Service's external or internal traffic policy.</summary>
public enum TrafficPolicy
{
    /// <summary>Route to any ready endpoint.</summary>
    Cluster,

    /// <summary>Route only to node-local endpoints.</summary>
    Local,
}

/// <summary>A Service's <c>ipFamilyPolicy</c>.</summary>
public enum IpFamilyPolicy
{
    /// <summary>One IP family.</summary>
    SingleStack,

    /// <summary>Two families when available.</summary>
    PreferDualStack,

    /// <summary>Two families, required.</summary>
    RequireDualStack,
}

/// <summary>An IP family.</summary>
public enum IpFamily
{
    /// <summary>IPv4.</summary>
    IPv4,

    /// <summary>IPv6.</summary>
    IPv6,
}

/// <summary>A PersistentVolume's <c>persistentVolumeReclaimPolicy</c>: what happens to it when its claim is deleted.</summary>
public enum PersistentVolumeReclaimPolicy
{
    /// <summary>The volume and its data are kept for an administrator to reclaim (the default for manually created volumes).</summary>
    Retain,

    /// <summary>The volume and its backing storage are deleted (the default for dynamically provisioned volumes).</summary>
    Delete,

    /// <summary>Deprecated basic scrub (<c>rm -rf</c>) before the volume is offered again.</summary>
    Recycle,
}
