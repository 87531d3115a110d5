using StatefulManifests.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.EndToEnd.Tests;

/// <summary>
/// Issue 10, deliverable 3c, end to end: a fresh project whose <c>StatefulManifestsBaseline</c> points at the manifests
/// last released. Changing the selector or a claim template fails the build with the API server's message and the
/// migration path; changing the image builds and writes the rollout plan (deliverable 4) with the pod order, and
/// prints its summary.
/// </summary>
public sealed class BaselineBuildTests(ITestOutputHelper output) : IDisposable
{
    private const string Forbidden = "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

    private readonly string root = Directory.CreateTempSubdirectory("statefulmanifests-baseline-").FullName;

    [Fact]
    public void A_forbidden_update_against_the_released_manifests_fails_the_build_with_the_migration_path()
    {
        var baseline = ReleaseOne();

        // A new selector: the API server would reject the update.
        WriteWorkload("""("app", "db"), ("tier", "primary")""", "10Gi", "postgres:16.3");
        var selector = Build(baseline);
        Assert.NotEqual(0, selector.ExitCode);
        Assert.Contains("error SM5001: spec.selector: selector changed from {\"matchLabels\":{\"app\":\"db\"}} to {\"matchLabels\":{\"app\":\"db\",\"tier\":\"primary\"}}", selector.Output, StringComparison.Ordinal);
        Assert.Contains(Forbidden, selector.Output, StringComparison.Ordinal);
        Assert.Contains("kubectl delete statefulset db -n data --cascade=orphan", selector.Output, StringComparison.Ordinal);
        Assert.Contains("Program.cs(", selector.Output, StringComparison.Ordinal);

        // A bigger claim template: forbidden too, and a warning that the existing claims keep their size.
        WriteWorkload("""("app", "db")""", "50Gi", "postgres:16.3");
        var claim = Build(baseline);
        Assert.NotEqual(0, claim.ExitCode);
        Assert.Contains("error SM5001: spec.volumeClaimTemplates[0]: claim template \"data\" changed (spec.resources)", claim.Output, StringComparison.Ordinal);
        Assert.Contains(Forbidden, claim.Output, StringComparison.Ordinal);
        Assert.Contains("warning SM5003: spec.volumeClaimTemplates[0].spec.resources.requests[storage]: the storage request of claim template \"data\" changes from 10Gi to 50Gi, but the existing claims (data-db-0, data-db-1, data-db-2) keep 10Gi", claim.Output, StringComparison.Ordinal);

        // A new image is an ordinary rolling update.
        WriteWorkload("""("app", "db")""", "10Gi", "postgres:16.4");
        var image = Build(baseline).AssertSucceeded("image change");
        Assert.DoesNotContain("SM5", image.Output, StringComparison.Ordinal);
        Assert.Contains("image: postgres:16.4", File.ReadAllText(Path.Combine(Manifests, "db.yaml")), StringComparison.Ordinal);

        // A baseline folder that does not exist is said, not silently passed.
        var missing = Build("-p:StatefulManifestsBaseline=no-such-folder").AssertSucceeded("missing baseline");
        Assert.Contains("warning SMB0020", missing.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_image_writes_the_rollout_plan_with_the_pod_order_and_prints_its_summary()
    {
        var baseline = ReleaseOne();
        var plan = Path.Combine(Manifests, "db.plan.md");

        // What is running is what this build makes: nothing to plan, nothing said.
        var unchanged = Build(baseline).AssertSucceeded("unchanged");
        Assert.DoesNotContain("plan for", unchanged.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(plan));

        WriteWorkload("""("app", "db")""", "10Gi", "postgres:16.4");
        var image = Build(baseline).AssertSucceeded("image change");
        Assert.Contains("StatefulManifests: plan for db: 3 pod steps (replace db-2, replace db-1, replace db-0)", image.Output, StringComparison.Ordinal);
        Assert.Contains("(db.plan.md)", image.Output, StringComparison.Ordinal);
        var page = File.ReadAllText(plan);
        Assert.StartsWith("# Rollout plan: db\n", page, StringComparison.Ordinal);
        Assert.Contains("## Pods, in the controller's order\n\n1. replace db-2\n2. replace db-1\n3. replace db-0\n", page, StringComparison.Ordinal);
        Assert.DoesNotContain("plan.md", File.ReadAllText(Path.Combine(Manifests, "kustomization.yaml")), StringComparison.Ordinal);

        // The plan was the build's: once there is no baseline to plan against, it goes.
        Build().AssertSucceeded("no baseline");
        Assert.False(File.Exists(plan));
        Assert.True(File.Exists(Path.Combine(Manifests, "db.yaml")));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Manifests => Path.Combine(root, "bin", "Debug", "net10.0", "manifests");

    // A fresh project's release 1: built, its manifest kept as "the manifests last released" (the GitOps checkout).
    // Returns the property that compares with it.
    private string ReleaseOne()
    {
        InRepoProject.Write(root, "Library", treatWarningsAsErrors: false);
        WriteWorkload("""("app", "db")""", "10Gi", "postgres:16.3");
        Build().AssertSucceeded("release 1");
        var released = Directory.CreateDirectory(Path.Combine(root, "gitops", "data")).FullName;
        File.Copy(Path.Combine(Manifests, "db.yaml"), Path.Combine(released, "db.yaml"));
        return "-p:StatefulManifestsBaseline=gitops";
    }

    private DotNet.Result Build(params string[] properties)
    {
        var result = DotNet.Run(root, ["build", "--disable-build-servers", .. properties]);
        output.WriteLine(result.Output);
        return result;
    }

    private void WriteWorkload(string selector, string storage, string image) =>
        File.WriteAllText(Path.Combine(root, "Program.cs"), $$"""
            using StatefulManifests;
            using StatefulManifests.Model;
            public static partial class Manifests
            {
                [StatefulWorkload]
                public static StatefulSetBuilder Db => Workload.StatefulSet("db").Namespace("data").Replicas(3)
                    .SelectorLabels({{selector}})
                    .Container("pg", c => c.Image("{{image}}").Port("pg", 5432).Mount("data", "/var/lib/postgresql/data"))
                    .VolumeClaim("data", v => v.AccessModes(AccessMode.ReadWriteOnce).Storage("{{storage}}"));
            }
            """);
}
