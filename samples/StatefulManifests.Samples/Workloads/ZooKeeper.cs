using StatefulManifests.Model;

namespace StatefulManifests.Samples;

public static partial class SampleWorkloads
{
    /// <summary>
    /// A three-server ZooKeeper ensemble: one server per node (required host anti-affinity), a PodDisruptionBudget
    /// allowing one voluntary disruption, an init container that prepares the data directory, an exec readiness
    /// probe and a TCP liveness probe, read-only root filesystems (generated config on an emptyDir) and a
    /// Service that publishes not-ready addresses so the servers can find each other while they start.
    /// </summary>
    [StatefulWorkload(FileName = "zookeeper")]
    public static StatefulSetBuilder ZooKeeper => Workload.StatefulSet("zk")
        .Namespace("zookeeper")
        .ServiceName("zk-hs")
        .Replicas(3)
        .PodManagementPolicy(PodManagementPolicy.OrderedReady)
        .RollingUpdate(partition: 0)
        .SpreadAcrossNodes(required: true)
        .SecurityContext(s => s.RunAsNonRoot().RunAsUser(1000).FsGroup(1000))
        .InitContainer("init-datadir", c => c
            .Image("busybox:1.36.1")
            .Command("sh", "-c", "mkdir -p /var/lib/zookeeper/data/log")
            .Requests(cpu: "10m", memory: "16Mi")
            .Limits(memory: "16Mi")
            .SecurityContext(Hardening.LockedDown)
            .Mount("datadir", "/var/lib/zookeeper"))
        .Container("zookeeper", c => c
            .Image("registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10")
            .ImagePullPolicy(PullPolicy.IfNotPresent)
            .Port("client", 2181)
            .Port("server", 2888)
            .Port("leader-election", 3888)
            .Command("sh", "-c", "start-zookeeper --servers=3 --data_dir=/var/lib/zookeeper/data --data_log_dir=/var/lib/zookeeper/data/log --conf_dir=/opt/zookeeper/conf --client_port=2181 --election_port=3888 --server_port=2888 --tick_time=2000 --init_limit=10 --sync_limit=5 --heap=512M --max_client_cnxns=60 --snap_retain_count=3 --purge_interval=12 --max_session_timeout=40000 --min_session_timeout=4000 --log_level=INFO")
            .Requests(cpu: "500m", memory: "1Gi")
            .Limits(memory: "1Gi")
            .ReadinessProbe(p => p.Exec("sh", "-c", "zookeeper-ready 2181").InitialDelaySeconds(10).TimeoutSeconds(5))
            .LivenessProbe(p => p.TcpSocket("client").InitialDelaySeconds(10).TimeoutSeconds(5))
            .SecurityContext(Hardening.LockedDown)
            .Mount("datadir", "/var/lib/zookeeper")
            .Mount("conf", "/opt/zookeeper/conf")
            .Mount("tmp", "/tmp"))
        .EmptyDirVolume("conf")
        .EmptyDirVolume("tmp")
        .VolumeClaim("datadir", v => v
            .AccessModes(AccessMode.ReadWriteOnce)
            .Storage("10Gi"))
        .Service(s => s.PublishNotReadyAddresses())
        .DisruptionBudget(maxUnavailable: 1);
}
