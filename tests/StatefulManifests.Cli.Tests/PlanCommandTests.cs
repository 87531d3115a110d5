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
