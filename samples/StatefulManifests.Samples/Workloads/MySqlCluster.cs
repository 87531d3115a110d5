using StatefulManifests.Model;

namespace StatefulManifests.Samples;

public static partial class SampleWorkloads
{
    /// <summary>
    /// A three-node MySQL cluster: root password from a Secret, a query as readiness probe and a TCP liveness probe,
    /// requests and limits, a non-root read-only security context (scratch directories on emptyDir volumes), one
    /// replica per node and 10Gi of storage per replica.
    /// </summary>
    [StatefulWorkload]
    public static StatefulSetBuilder MySqlCluster => Workload.StatefulSet("mysql-cluster")
        .SelectorLabels(("app", "mysql"))
        .ServiceName("mysql")
        .Replicas(3)
        .SpreadAcrossNodes(required: true)
        .SecurityContext(s => Hardening.NonRootPod(s, 999))
        .Container("mysql", c => c
            .Image("mysql:8.0.39")
            .Port("mysql", 3306)
            .EnvFromSecret("MYSQL_ROOT_PASSWORD", secret: "mysql-secrets", key: "root-password")
            .Env("MYSQL_DATABASE", "myapp")
            .Requests(cpu: "500m", memory: "1Gi")
            .Limits(cpu: "1", memory: "2Gi")
            .ReadinessProbe(p => p
                .Exec("sh", "-c", "mysql -h 127.0.0.1 -uroot -p\"$MYSQL_ROOT_PASSWORD\" -e 'SELECT 1'")
                .InitialDelaySeconds(10)
                .PeriodSeconds(10))
            .LivenessProbe(p => p.TcpSocket(3306).InitialDelaySeconds(30).PeriodSeconds(10))
            .SecurityContext(Hardening.LockedDown)
            .Mount("data", "/var/lib/mysql")
            .Mount("run", "/var/run/mysqld")
            .Mount("tmp", "/tmp"))
        .EmptyDirVolume("run")
        .EmptyDirVolume("tmp")
        .VolumeClaim("data", v => v
            .AccessModes(AccessMode.ReadWriteOnce)
            .StorageClass("standard")
            .Storage("10Gi"))
        .DisruptionBudget(maxUnavailable: 1);
}
