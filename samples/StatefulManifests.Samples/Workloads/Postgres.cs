using StatefulManifests.Model;

namespace StatefulManifests.Samples;

public static partial class SampleWorkloads
{
    /// <summary>The server configuration, mounted at <c>/etc/postgresql</c>.</summary>
    public static readonly ConfigRef PostgresConfig = new("config");

    /// <summary>
    /// A single-primary PostgreSQL with everything it ships with: its server configuration, this project's
    /// <c>config/postgresql.conf</c>, in a ConfigMap (the pod rolls when the file changes), a <c>postgres-rw</c>
    /// ClusterIP Service for clients beside the headless one, its own ServiceAccount with no API token, a NetworkPolicy
    /// admitting only the peers, the <c>orders-api</c> pods and the backup job, and a nightly <c>pg_dumpall</c> CronJob
    /// that never overlaps itself. No autoscaler: a database scales by planned changes, not by CPU.
    /// </summary>
    [StatefulWorkload]
    public static StatefulSetBuilder Postgres => Workload.StatefulSet("postgres")
        .Namespace("orders")
        .SelectorLabels(("app.kubernetes.io/name", "postgres"), ("app.kubernetes.io/instance", "orders"))
        .ServiceName("postgres")
        .Replicas(1)
        .ServiceAccount()
        .Config(PostgresConfig, c => c.File("config/postgresql.conf"))
        .SecurityContext(s => Hardening.NonRootPod(s, 999))
        .Container("postgres", c => c
            .Image("postgres:17.2")
            .Args("-c", "config_file=/etc/postgresql/postgresql.conf")
            .Port("postgres", 5432)
            .EnvFromSecret("POSTGRES_PASSWORD", secret: "postgres-credentials", key: "password")
            .Env("PGDATA", "/var/lib/postgresql/data/pgdata")
            .Requests(cpu: "500m", memory: "2Gi")
            .Limits(cpu: "2", memory: "2Gi")
            .ReadinessProbe(p => p.Exec("pg_isready", "-U", "postgres", "-h", "127.0.0.1").PeriodSeconds(10))
            .LivenessProbe(p => p.TcpSocket(5432).InitialDelaySeconds(30).PeriodSeconds(10))
            .SecurityContext(Hardening.LockedDown)
            .Mount("data", "/var/lib/postgresql/data")
            .MountConfig(PostgresConfig, "/etc/postgresql")
            .Mount("run", "/var/run/postgresql")
            .Mount("tmp", "/tmp"))
        .EmptyDirVolume("run")
        .EmptyDirVolume("tmp")
        .VolumeClaim("data", v => v
            .AccessModes(AccessMode.ReadWriteOnce)
            .StorageClass("standard")
            .Storage("50Gi"))
        .ClientService("postgres-rw", s => s.Port("postgres"))
        .NetworkPolicy(p => p
            .AllowClients(("app.kubernetes.io/name", "orders-api"))
            .AllowClients(("app.kubernetes.io/component", "backup"))
            .ClientPorts("postgres")
            .RestrictEgress())
        .Backup(b => b
            .Schedule("30 2 * * *")
            .TimeZone("Europe/Berlin")
            .StartingDeadlineSeconds(3600)
            .PodLabels(("app.kubernetes.io/component", "backup"))
            .Image("postgres:17.2")
            .Command("sh", "-c", "pg_dumpall -h postgres-rw -U postgres > /backup/orders-$(date +%F).sql")
            .Container(c => c
                .EnvFromSecret("PGPASSWORD", secret: "postgres-credentials", key: "password")
                .Requests(cpu: "100m", memory: "256Mi")
                .Limits(cpu: "500m", memory: "256Mi")
                .SecurityContext(Hardening.LockedDown))
            .SecurityContext(s => Hardening.NonRootPod(s, 999))
            .TargetClaim("postgres-backups"))
        .DisruptionBudget(maxUnavailable: 1);
}
