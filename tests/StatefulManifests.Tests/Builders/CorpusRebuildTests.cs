using StatefulManifests.Model;
using StatefulManifests.Tests.Support;
using StatefulManifests.Yaml;
using Xunit.Abstractions;

namespace StatefulManifests.Tests.Builders;

/// <summary>
/// Real manifests from ../shared/corpus rebuilt with the DSL: the built model must equal what the YAML reader gives
/// for the file. Where a manifest differs from a DSL default (a Service port without targetPort, a budget's name),
/// the test states the override, which is the point: every default can be overridden to say exactly that.
/// </summary>
public class CorpusRebuildTests(ITestOutputHelper output)
{
    [Fact]
    public void WebsiteWeb()
    {
        if (Corpus("website-web.yaml") is not { } corpus)
        {
            return;
        }

        var w = Workload.StatefulSet("web")
            .SelectorLabels(("app", "nginx"))
            .ServiceName("nginx")
            .Replicas(2)
            .Container("nginx", c => c
                .Image("registry.k8s.io/nginx-slim:0.7")
                .Port("web", 80)
                .Mount("www", "/usr/share/nginx/html"))
            .VolumeClaim("www", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage("1Gi"))
            .Service(s => s.WithoutContainerPorts().Port("web", 80))
            .Build();

        Assert.Equal(corpus.StatefulSets.Single(), w.StatefulSet);
        Assert.Equal(corpus.Services.Single(), w.Service);
        Assert.Null(w.DisruptionBudget);
    }

    [Fact]
    public void WebsiteZookeeper()
    {
        if (Corpus("website-zookeeper.yaml") is not { } corpus)
        {
            return;
        }

        const string start = "start-zookeeper --servers=3 --data_dir=/var/lib/zookeeper/data --data_log_dir=/var/lib/zookeeper/data/log "
            + "--conf_dir=/opt/zookeeper/conf --client_port=2181 --election_port=3888 --server_port=2888 --tick_time=2000 --init_limit=10 "
            + "--sync_limit=5 --heap=512M --max_client_cnxns=60 --snap_retain_count=3 --purge_interval=12 --max_session_timeout=40000 "
            + "--min_session_timeout=4000 --log_level=INFO";
        var w = Workload.StatefulSet("zk") // the default selector label app.kubernetes.io/name: zk is exactly this manifest's
            .ServiceName("zk-hs")
            .Replicas(3)
            .RollingUpdate()
            .PodManagementPolicy(PodManagementPolicy.OrderedReady)
            .PodAntiAffinity(a => a.Required(t => t
                .MatchExpression("app", LabelSelectorOperator.In, "zk")
                .TopologyKey("kubernetes.io/hostname")))
            .Container("kubernetes-zookeeper", c => c
                .ImagePullPolicy(PullPolicy.Always)
                .Image("registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10")
                .Requests(memory: "1Gi", cpu: "0.5")
                .Port("client", 2181)
                .Port("server", 2888)
                .Port("leader-election", 3888)
                .Command("sh", "-c", start)
                .ReadinessProbe(p => p.Exec("sh", "-c", "zookeeper-ready 2181").InitialDelaySeconds(10).TimeoutSeconds(5))
                .LivenessProbe(p => p.Exec("sh", "-c", "zookeeper-ready 2181").InitialDelaySeconds(10).TimeoutSeconds(5))
                .Mount("datadir", "/var/lib/zookeeper"))
            .SecurityContext(s => s.RunAsUser(1000).FsGroup(1000))
            .VolumeClaim("datadir", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage("10Gi"))
            .Service(s => s.WithoutContainerPorts().Port("server", 2888).Port("leader-election", 3888))
            .DisruptionBudget(b => b.Name("zk-pdb").MaxUnavailable(1))
            .Build();

        Assert.Equal(corpus.StatefulSets.Single(), w.StatefulSet);
        Assert.Equal(corpus.Services.Single(s => s.Metadata!.Name == "zk-hs"), w.Service);
        Assert.Equal(corpus.PodDisruptionBudgets.Single(), w.DisruptionBudget);

        // zk-cs, the client-facing ClusterIP Service, is a separate object a workload does not generate.
        Assert.Equal(2, corpus.Services.Count());
    }

    [Fact]
    public void KubernetesE2eCassandra()
    {
        if (Corpus("k8s-e2e-cassandra.yaml") is not { } corpus || Corpus("k8s-e2e-cassandra--service.yaml") is not { } services)
        {
            return;
        }

        var w = Workload.StatefulSet("cassandra")
            .SelectorLabels(("app", "cassandra"))
            .Replicas(3)
            .Container("cassandra", c => c
                .Image("gcr.io/google-samples/cassandra:v13")
                .ImagePullPolicy(PullPolicy.Always)
                .Port("intra-node", 7000)
                .Port("tls-intra-node", 7001)
                .Port("jmx", 7199)
                .Port("cql", 9042)
                .Requests(cpu: "300m", memory: "1Gi")
                .SecurityContext(s => s.AddCapabilities("IPC_LOCK"))
                .PreStop(l => l.Exec("/bin/sh", "-c", "nodetool drain"))
                .Env("MAX_HEAP_SIZE", "512M")
                .Env("HEAP_NEWSIZE", "100M")
                .EnvFromField("POD_NAMESPACE", "metadata.namespace")
                .Env("CASSANDRA_SEEDS", "cassandra-0.cassandra.$(POD_NAMESPACE).svc.cluster.local")
                .Env("CASSANDRA_CLUSTER_NAME", "K8Demo")
                .Env("CASSANDRA_DC", "DC1-K8Demo")
                .Env("CASSANDRA_RACK", "Rack1-K8Demo")
                .EnvFromField("POD_IP", "status.podIP")
                .ReadinessProbe(p => p.Exec("/bin/bash", "-c", "/ready-probe.sh").InitialDelaySeconds(15).TimeoutSeconds(5))
                .Mount("cassandra-data", "/cassandra_data"))
            .VolumeClaim("cassandra-data", "1Gi")
            .Service(s => s.WithoutContainerPorts().Port(9042))
            .Build();

        Assert.Equal(corpus.StatefulSets.Single(), w.StatefulSet);
        Assert.Equal(services.Services.Single(), w.Service);
    }

    [Fact]
    public void ThanosRule()
    {
        if (Corpus("thanos-rule.yaml") is not { } corpus || Corpus("thanos-rule--service.yaml") is not { } services)
        {
            return;
        }

        (string, string)[] identity = [("app.kubernetes.io/component", "rule-evaluation-engine"), ("app.kubernetes.io/instance", "thanos-rule"), ("app.kubernetes.io/name", "thanos-rule")];
        var version = ("app.kubernetes.io/version", "v0.30.2");
        const string tracing = "--tracing.config=\"config\":\n  \"sampler_param\": 2\n  \"sampler_type\": \"ratelimiting\"\n  \"service_name\": \"thanos-rule\"\n\"type\": \"JAEGER\"";
        var w = Workload.StatefulSet("thanos-rule")
            .Namespace("thanos")
            .StatefulSetLabels([.. identity, version])
            .SelectorLabels(identity)
            .Labels(version) // the version labels the pods but never enters the immutable selector
            .Replicas(1)
            .PodAntiAffinity(a => a.Preferred(100, t => t
                .MatchExpression("app.kubernetes.io/name", LabelSelectorOperator.In, "thanos-rule")
                .MatchExpression("app.kubernetes.io/instance", LabelSelectorOperator.In, "thanos-rule")
                .Namespaces("thanos")
                .TopologyKey("kubernetes.io/hostname")))
            .Container("thanos-rule", c => c
                .Args(
                    "rule",
                    "--log.level=info",
                    "--log.format=logfmt",
                    "--grpc-address=0.0.0.0:10901",
                    "--http-address=0.0.0.0:10902",
                    "--objstore.config=$(OBJSTORE_CONFIG)",
                    "--data-dir=/var/thanos/rule",
                    "--label=rule_replica=\"$(NAME)\"",
                    "--alert.label-drop=rule_replica",
                    "--tsdb.retention=48h",
                    "--tsdb.block-duration=2h",
                    "--query=dnssrv+_http._tcp.thanos-query.thanos",
                    "--alertmanagers.url=alertmanager:9093",
                    "--alertmanagers.config-file=/etc/thanos/config/thanos-ruler-config/config.yaml",
                    "--rule-file=/etc/thanos/rules/test/test",
                    tracing,
                    "--remote-write.config-file=/etc/thanos/config/thanos-stateless-ruler-config/rw-config.yaml")
                .EnvFromField("NAME", "metadata.name")
                .EnvFromSecret("OBJSTORE_CONFIG", secret: "thanos-objectstorage", key: "thanos.yaml")
                .EnvFromField("HOST_IP_ADDRESS", "status.hostIP")
                .Image("quay.io/thanos/thanos:v0.30.2")
                .ImagePullPolicy(PullPolicy.IfNotPresent)
                .LivenessProbe(p => p.FailureThreshold(24).HttpGet("/-/healthy", 10902, UriScheme.HTTP).PeriodSeconds(5))
                .Port("grpc", 10901)
                .Port("http", 10902)
                .Port("reloader", 9533)
                .ReadinessProbe(p => p.FailureThreshold(18).HttpGet("/-/ready", 10902, UriScheme.HTTP).InitialDelaySeconds(10).PeriodSeconds(5))
                .Limits(cpu: "0.42", memory: "420Mi")
                .Requests(cpu: "0.123", memory: "123Mi")
                .SecurityContext(s => s
                    .AllowPrivilegeEscalation(false)
                    .DropCapabilities("ALL")
                    .ReadOnlyRootFilesystem()
                    .RunAsGroup(65532)
                    .RunAsNonRoot()
                    .RunAsUser(65534)
                    .SeccompProfile(SeccompProfileType.RuntimeDefault))
                .TerminationMessagePolicy(TerminationMessagePolicy.FallbackToLogsOnError)
                .Mount("data", "/var/thanos/rule", readOnly: false)
                .Mount("test", "/etc/thanos/rules/test")
                .Mount("thanos-ruler-config", "/etc/thanos/config/thanos-ruler-config", readOnly: true)
                .Mount("thanos-stateless-ruler-config", "/etc/thanos/config/thanos-stateless-ruler-config", readOnly: true))
            .Container("configmap-reloader", c => c
                .Args(
                    "-webhook-url=http://localhost:10902/-/reload",
                    "-volume-dir=/etc/thanos/rules/test",
                    "-volume-dir=/etc/thanos/config/thanos-ruler-config",
                    "-volume-dir=/etc/thanos/config/thanos-stateless-ruler-config")
                .Image("jimmidyson/configmap-reload:v0.5.0")
                .ImagePullPolicy(PullPolicy.IfNotPresent)
                .Mount("test", "/etc/thanos/rules/test")
                .Mount("thanos-ruler-config", "/etc/thanos/config/thanos-ruler-config")
                .Mount("thanos-stateless-ruler-config", "/etc/thanos/config/thanos-stateless-ruler-config"))
            .NodeSelector(("kubernetes.io/os", "linux"))
            .SecurityContext(s => s.FsGroup(65534).RunAsGroup(65532).RunAsNonRoot().RunAsUser(65534).SeccompProfile(SeccompProfileType.RuntimeDefault))
            .ServiceAccountName("thanos-rule")
            .ConfigMapVolume("test", configMap: "test")
            .ConfigMapVolume("thanos-ruler-config", configMap: "thanos-ruler-config")
            .ConfigMapVolume("thanos-stateless-ruler-config", configMap: "thanos-stateless-ruler-config")
            .VolumeClaim("data", v => v.Labels(identity).AccessModes(AccessMode.ReadWriteOnce).Storage("10Gi"))
            .Service(s => s
                .Labels(version)
                .WithoutContainerPorts()
                .Port("grpc", 10901, targetPort: 10901)
                .Port("http", 10902, targetPort: 10902)
                .Port("reloader", 9533, targetPort: 9533))
            .Build();

        Assert.Equal(corpus.StatefulSets.Single(), w.StatefulSet);
        Assert.Equal(services.Services.Single(), w.Service);
    }

    [Fact]
    public void RebuiltYamlReadsBackIntoTheSameModel()
    {
        if (Corpus("website-web.yaml") is not { } corpus)
        {
            return;
        }

        var yaml = Workload.StatefulSet("web")
            .SelectorLabels(("app", "nginx"))
            .ServiceName("nginx")
            .Replicas(2)
            .Container("nginx", c => c.Image("registry.k8s.io/nginx-slim:0.7").Port("web", 80).Mount("www", "/usr/share/nginx/html"))
            .VolumeClaim("www", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage("1Gi"))
            .Service(s => s.WithoutContainerPorts().Port("web", 80))
            .Render();
        var reread = ManifestYaml.Read(yaml);

        Assert.Empty(reread.Errors);
        Assert.Equal(corpus.Documents, reread.Documents);
    }

    private ManifestReadResult? Corpus(string file)
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "../shared/corpus"))
        {
            return null;
        }

        var path = Path.Combine(SharedFiles.CorpusDir!, file);
        var result = ManifestYaml.Read(File.ReadAllText(path), file);
        Assert.Empty(result.Errors);
        return result;
    }
}
