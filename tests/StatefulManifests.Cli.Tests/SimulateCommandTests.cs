using StatefulManifests.Cli.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Cli.Tests;

/// <summary><c>stateful simulate</c> run as a process.</summary>
public sealed class SimulateCommandTests(ITestOutputHelper output) : IDisposable
{
    private const string Web = """
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
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("statefulmanifests-sim-").FullName;

    [Fact]
    public void A_rollout_runs_to_convergence_and_prints_the_timeline()
    {
        var (exit, stdout) = Run("simulate", Write(Web), "--set-image", "nginx:1.27");
        Assert.Equal(0, exit);
        Assert.Contains("(nginx:1.26)", stdout, StringComparison.Ordinal);
        Assert.Contains("(nginx:1.27)", stdout, StringComparison.Ordinal);
        Assert.Contains("every pod is on", stdout, StringComparison.Ordinal);
        Assert.Matches(@"converged in \d+ steps", stdout);
    }

    [Fact]
    public void The_timeline_can_be_a_mermaid_chart()
    {
        var (exit, stdout) = Run("simulate", Write(Web), "--scale", "5", "--timeline", "mermaid");
        Assert.Equal(0, exit);
        Assert.StartsWith("gantt\n", stdout.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("section pod 4", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_statefulset_is_exit_code_2()
    {
        var (exit, _) = Run("simulate", Write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"));
        Assert.Equal(2, exit);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, yaml.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return path;
    }

    private (int ExitCode, string Stdout) Run(params string[] arguments)
    {
        var run = Tool.Run(output, arguments);
        return (run.ExitCode, run.Stdout);
    }
}
