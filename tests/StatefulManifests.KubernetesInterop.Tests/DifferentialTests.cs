using System.Text.Json.Nodes;
using k8s;
using IKubernetesObject = StatefulManifests.Model.IKubernetesObject;
using k8s.Models;
using StatefulManifests.KubernetesClient;
using StatefulManifests.KubernetesInterop.Tests.Support;
using StatefulManifests.Model;
using StatefulManifests.Tests.Support;
using StatefulManifests.Yaml;
using Xunit.Abstractions;

namespace StatefulManifests.KubernetesInterop.Tests;

/// <summary>
/// The conversion against the official client's own YAML reader and writer, on every sample and every valid corpus
/// file: (1) <c>KubernetesYaml</c> reading our YAML gives the same objects as our conversion (compared as the
/// client's JSON, so quantities compare in the client's canonical form on both sides and nothing else needs
/// normalising); (2) <c>KubernetesYaml.Serialize</c> of the converted objects reads back with our reader into an
/// equal model (the model compares quantities by value, as Kubernetes does); (3) converting back gives the equal
/// model and no field of the client's is left over.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, Type> Kinds = new(StringComparer.Ordinal)
    {
        ["apps/v1/StatefulSet"] = typeof(V1StatefulSet),
        ["v1/Service"] = typeof(V1Service),
        ["policy/v1/PodDisruptionBudget"] = typeof(V1PodDisruptionBudget),
        ["v1/ConfigMap"] = typeof(V1ConfigMap),
        ["v1/ServiceAccount"] = typeof(V1ServiceAccount),
        ["v1/PersistentVolume"] = typeof(V1PersistentVolume),
        ["v1/PersistentVolumeClaim"] = typeof(V1PersistentVolumeClaim),
        ["rbac.authorization.k8s.io/v1/Role"] = typeof(V1Role),
        ["rbac.authorization.k8s.io/v1/RoleBinding"] = typeof(V1RoleBinding),
        ["networking.k8s.io/v1/NetworkPolicy"] = typeof(V1NetworkPolicy),
        ["autoscaling/v2/HorizontalPodAutoscaler"] = typeof(V2HorizontalPodAutoscaler),
        ["batch/v1/CronJob"] = typeof(V1CronJob),
    };

    public static TheoryData<string> Sources() => Support.Sources.All();

    [Theory]
    [MemberData(nameof(Sources))]
    public void KubernetesYaml_reading_our_yaml_equals_our_conversion_and_its_yaml_reads_back_equal(string source) => TurkishCulture.Run(() =>
    {
        var (yaml, documents) = Support.Sources.Load(source);
        var typed = documents.Where(d => d is not UnmodelledObject).ToList();
        Assert.NotEmpty(typed);

        // Kinds outside the type map come back untyped; the typed ones line up with our typed documents.
        var theirs = KubernetesYaml.LoadAllFromString(yaml, Kinds).Where(o => Kinds.ContainsValue(o.GetType())).ToList();
        Assert.Equal(typed.Count, theirs.Count);
        foreach (var (model, read) in typed.Zip(theirs))
        {
            var converted = Convert(model);
            Assert.Equal(Json(read), Json(converted));

            var written = KubernetesYaml.Serialize(converted);
            var back = ManifestYaml.Read(written, source + ".client.yaml");
            Assert.Empty(back.Errors);
            // The YAML first, for a readable difference; then the records themselves.
            Assert.Equal(ManifestYaml.Write(model), ManifestYaml.Write(back.Documents));
            Assert.Equal(model, Assert.Single(back.Documents));

            Assert.Equal(ManifestYaml.Write(model), ManifestYaml.Write(ToModel(converted)));
            Assert.Equal(model, ToModel(converted));
        }

        output.WriteLine($"{source}: {typed.Count} typed documents ({string.Join(", ", typed.Select(d => d.Kind))}), {documents.Count - typed.Count} other");
    });

    [Fact]
    public void The_corpus_is_there_and_counted()
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the corpus"))
        {
            return;
        }

        var all = Directory.GetFiles(SharedFiles.CorpusDir!, "*.yaml").Length;
        var valid = Support.Sources.CorpusFiles().Count;
        output.WriteLine($"corpus: {valid} of {all} files are differential-tested ({all - valid} not valid by the corpus README)");
        Assert.Equal(all - Support.Sources.NotValid.Count, valid);
        Assert.True(valid >= 40, "expected the corpus' ~47 valid files, found " + valid);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void A_workload_from_the_client_objects_has_no_unmodelled_fields_and_renders_the_same_yaml(string source)
    {
        var (yaml, documents) = Support.Sources.Load(source);
        var set = documents.OfType<StatefulSet>().FirstOrDefault();
        if (set is null)
        {
            output.WriteLine(source + ": no StatefulSet");
            return;
        }

        var service = documents.OfType<Service>().FirstOrDefault(s => s.Metadata?.Name == set.Spec?.ServiceName);
        var budget = documents.OfType<PodDisruptionBudget>().FirstOrDefault();
        var workload = KubernetesModel.From(set.ToKubernetes(), service?.ToKubernetes(), budget?.ToKubernetes());
        Assert.Empty(workload.Patches);
        Assert.Equal(new StatefulWorkload(set, service, budget, ValueList<ManifestPatch>.Empty), workload);
        Assert.Contains(ManifestYaml.Write(workload.StatefulSet), yaml, StringComparison.Ordinal);
    }

    internal static string Json(object value) => JsonNode.Parse(KubernetesJson.Serialize(value))!.ToJsonString();

    private static object Convert(IKubernetesObject model) => model.ToKubernetesObject();

    private static IKubernetesObject ToModel(object client) => client.ToModelObject();
}
