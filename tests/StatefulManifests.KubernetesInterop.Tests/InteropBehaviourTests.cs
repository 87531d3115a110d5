using k8s.Models;
using StatefulManifests.KubernetesClient;
using StatefulManifests.KubernetesInterop.Tests.Support;
using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Tests.Support;
using StatefulManifests.Yaml;

namespace StatefulManifests.KubernetesInterop.Tests;

/// <summary>What a user of the client gets: validation, linting, simulation, unmodelled fields kept, clear errors.</summary>
public sealed class InteropBehaviourTests
{
    private static StatefulWorkload Web() => Workload.StatefulSet("web").Replicas(3).Container("nginx", c => c.Image("nginx:1.27").Port("http", 80)).Build();

    [Fact]
    public void A_client_field_the_model_lacks_becomes_a_patch_and_comes_back_in_yaml_and_objects()
    {
        var objects = Web().ToKubernetesObjects();
        objects.StatefulSet.Spec.Template.Spec.HostnameOverride = "pod-host";

        var workload = KubernetesModel.From(objects.StatefulSet, objects.Service);
        var patch = Assert.Single(workload.Patches);
        Assert.Equal(new ManifestPatch(WorkloadDocument.StatefulSet, PatchOperation.Add, "/spec/template/spec/hostnameOverride", RawValue.String("pod-host")), patch);
        Assert.Contains("hostnameOverride: pod-host", workload.ToYaml(), StringComparison.Ordinal);
        Assert.Equal("pod-host", workload.ToKubernetesObjects().StatefulSet.Spec.Template.Spec.HostnameOverride);
    }

    [Fact]
    public void Client_objects_get_the_validator_the_linter_and_the_simulator()
    {
        var objects = Web().ToKubernetesObjects();
        objects.StatefulSet.Spec.Replicas = -1;
        var workload = KubernetesModel.From(objects.StatefulSet, objects.Service);

        Assert.Contains(workload.Validate(), e => e.Path.ToString() == "spec.replicas");
        Assert.Throws<ManifestValidationException>(() => workload.ToKubernetesObjects());
        Assert.NotEmpty(WorkloadLinter.Lint(workload));

        objects.StatefulSet.Spec.Replicas = 2;
        var simulation = KubernetesModel.From(objects.StatefulSet, objects.Service).Simulate();
        Assert.NotNull(simulation);
    }

    [Fact]
    public void Values_the_client_cannot_hold_are_all_reported_with_their_paths() => TurkishCulture.Run(() =>
    {
        var read = ManifestYaml.Read("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
              creationTimestamp: yesterday
            spec:
              template:
                spec:
                  containers:
                  - name: db
                    resources:
                      requests:
                        memory: 10GB
            """);
        var error = Assert.Throws<KubernetesConversionException>(() => read.StatefulSets.Single().ToKubernetes());
        Assert.Equal(
            ["metadata.creationTimestamp", "spec.template.spec.containers[0].resources.requests[memory]"],
            error.Errors.Select(e => e.Path.ToString()));
        Assert.StartsWith("StatefulSet/db cannot be converted", error.Message, StringComparison.Ordinal);
    });

    [Fact]
    public void Times_are_rfc3339_utc_both_ways_under_any_culture() => TurkishCulture.Run(() =>
    {
        var meta = new V1StatefulSet { Metadata = new V1ObjectMeta { Name = "t", CreationTimestamp = new DateTime(2024, 1, 31, 12, 0, 0, DateTimeKind.Utc) } };
        Assert.Equal("2024-01-31T12:00:00Z", meta.ToModel().Metadata!.CreationTimestamp);
        var read = ManifestYaml.Read("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: t\n  creationTimestamp: \"2024-01-31T14:00:00+02:00\"\n");
        Assert.Equal(new DateTime(2024, 1, 31, 12, 0, 0, DateTimeKind.Utc), read.StatefulSets.Single().ToKubernetes().Metadata.CreationTimestamp);
    });

    [Fact]
    public void The_readme_example_is_this_projects_code_and_runs()
    {
        var readme = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "README.md"));
        var source = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "tests", "StatefulManifests.KubernetesInterop.Tests", "ReadmeExample.cs"));
        var start = source.IndexOf("// readme-begin\n", StringComparison.Ordinal) + "// readme-begin\n".Length;
        var body = source[start..source.IndexOf("        // readme-end", StringComparison.Ordinal)];
        var example = string.Join("\n", body.Split('\n').Select(l => l.Length >= 8 ? l[8..] : l.TrimStart()));
        Assert.Contains(example, readme.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("replicas: 5", ReadmeExample.Run(), StringComparison.Ordinal);
    }
}
