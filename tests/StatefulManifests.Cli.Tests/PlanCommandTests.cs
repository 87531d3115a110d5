using StatefulManifests.Cli.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Cli.Tests;

/// <summary><c>stateful plan OLD NEW</c> run as a process.</summary>
public sealed class PlanCommandTests(ITestOutputHelper output) : IDisposable
{
    private const string Released = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          clusterIP: None
          selector:
            app: web
          ports:
          - name: http
            port: 80
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: web
          replicas: 3
          minReadySeconds: 20
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.26
                readinessProbe:
                  tcpSocket:
                    port: 80
                  initialDelaySeconds: 10
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("statefulmanifests-plan-").FullName;

    [Fact]
    public void An_image_change_is_planned_pod_by_pod_with_its_minimum_duration()
    {
        var run = Plan(Released, Released.Replace("nginx:1.26", "nginx:1.27", StringComparison.Ordinal));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("# Rollout plan: web", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1. replace web-2\n2. replace web-1\n3. replace web-0\n", run.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("At least 1m30s", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("web: 3 pod steps (replace web-2, replace web-1, replace web-0), at least 1m30s; 1 risk", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_the_api_server_forbids_is_exit_code_1_with_its_message()
    {
        var run = Plan(Released, Released.Replace("replicas: 3", "replicas: 3\n  podManagementPolicy: Parallel", StringComparison.Ordinal));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("updates to statefulset spec for fields other than", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("web: rejected by the API server as an update", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_s_update_checks_come_first_a_selector_change_with_its_migration_and_a_claim_size_change()
    {
        var withClaims = Released + "\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 1Gi";
        var run = Plan(withClaims, withClaims.Replace("storage: 1Gi", "storage: 5Gi", StringComparison.Ordinal));
        Assert.Equal(1, run.ExitCode); // a claim template is immutable: the API server rejects the update
        Assert.Matches(@"new\.yaml\(\d+,\d+\): (error|warning) SM5\d{3}: ", run.Stderr);
        Assert.Contains("SM5003", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--cascade=orphan", run.Stderr, StringComparison.Ordinal);
        Assert.True(run.Stderr.IndexOf("SM5", StringComparison.Ordinal) < run.Stderr.IndexOf("web: rejected", StringComparison.Ordinal), "checks before the summary");
    }

    [Fact]
    public void A_workload_beyond_the_models_limits_is_reported_not_a_crash()
    {
        var huge = Released.Replace("replicas: 3", "replicas: 200000", StringComparison.Ordinal);
        var run = Plan(huge, huge.Replace("nginx:1.26", "nginx:1.27", StringComparison.Ordinal));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("default/web: cannot be simulated: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_is_exit_code_2_and_a_new_workload_has_nothing_to_plan()
    {
        var missing = Tool.Run(output, ["plan", Path.Combine(folder, "nowhere.yaml"), Write("new.yaml", Released)]);
        Assert.Equal(2, missing.ExitCode);

        var fresh = Plan(Released.Replace("name: web\nspec:\n  serviceName", "name: api\nspec:\n  serviceName", StringComparison.Ordinal), Released);
        Assert.Equal(0, fresh.ExitCode);
        Assert.Contains("default/web: new", fresh.Stderr, StringComparison.Ordinal);
        Assert.Contains("default/api: not in", fresh.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private ToolRun Plan(string released, string next) => Tool.Run(output, ["plan", Write("old.yaml", released), Write("new.yaml", next)]);

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, yaml.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return path;
    }
}
