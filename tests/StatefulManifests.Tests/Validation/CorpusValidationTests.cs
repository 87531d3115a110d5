using StatefulManifests.Model;
using StatefulManifests.Tests.Support;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;
using Xunit.Abstractions;

namespace StatefulManifests.Tests.Validation;

/// <summary>
/// The real manifests of <c>../shared/corpus</c>: everything its README lists as accepted by a current API server
/// must validate clean (StatefulSets, their Services and PodDisruptionBudgets); the ones it lists as rejected must
/// be rejected for the stated reason.
/// </summary>
public sealed class CorpusValidationTests(ITestOutputHelper output)
{
    // Files the corpus README lists as not valid apps/v1 StatefulSet specs (each handled by its own test).
    private static readonly HashSet<string> NotAcceptedStatefulSets = new(StringComparer.Ordinal)
    {
        "k8s-api-fixture-v1.32.0-apps.v1.StatefulSet.yaml",
        "k8s-e2e-mysql-galera-noselector.yaml",
        "kube-score-statefulset-different-labels.yaml",
    };

    // Errors caused by a known defect of the YAML reader, not of the manifests: YAML 1.1 (which kubectl's YAML
    // library follows) reads `defaultMode: 0755` as the octal 493, ModelReader reads it as the decimal 755, which
    // is out of range; the volume is then unusable, so its mounts are "Not found" too. Listed exactly, and the test
    // fails when one of them no longer occurs, so the list is deleted as soon as the reader is fixed.
    private static readonly string[] KnownReaderDefects =
    [
        "argocd-redis-ha-upstream.yaml: spec.template.spec.volumes[1].configMap.defaultMode: Invalid value: 755: must be a number between 0 and 0777 (octal), both inclusive",
        "argocd-redis-ha-upstream.yaml: spec.template.spec.containers[0].volumeMounts[2].name: Not found: \"health\"",
        "argocd-redis-ha-upstream.yaml: spec.template.spec.containers[1].volumeMounts[1].name: Not found: \"health\"",
        "gke-hello-app-redis-cluster.yaml: spec.template.spec.volumes[0].configMap.defaultMode: Invalid value: 755: must be a number between 0 and 0777 (octal), both inclusive",
        "gke-hello-app-redis-cluster.yaml: spec.template.spec.volumes[1].configMap.defaultMode: Invalid value: 555: must be a number between 0 and 0777 (octal), both inclusive",
        "gke-hello-app-redis-cluster.yaml: spec.template.spec.containers[0].volumeMounts[0].name: Not found: \"conf\"",
        "gke-hello-app-redis-cluster.yaml: spec.template.spec.containers[0].volumeMounts[2].name: Not found: \"probes\"",
    ];

    [Fact]
    public void AcceptedManifestsValidateClean()
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the manifest corpus"))
        {
            return;
        }

        var problems = new List<string>();
        int statefulSets = 0, services = 0, budgets = 0;
        foreach (var file in Directory.GetFiles(SharedFiles.CorpusDir!, "*.yaml").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var read = ManifestYaml.Read(File.ReadAllText(file), name);
            foreach (var statefulSet in read.StatefulSets.Where(_ => !NotAcceptedStatefulSets.Contains(name)))
            {
                statefulSets++;
                Collect(problems, name, WorkloadValidator.ValidateStatefulSet(statefulSet));
            }

            foreach (var service in read.Services)
            {
                services++;
                Collect(problems, name, WorkloadValidator.ValidateService(service));
            }

            foreach (var budget in read.PodDisruptionBudgets)
            {
                budgets++;
                Collect(problems, name, WorkloadValidator.ValidateDisruptionBudget(budget));
            }
        }

        output.WriteLine($"validated {statefulSets} StatefulSets, {services} Services, {budgets} PodDisruptionBudgets");
        var unexpected = problems.Except(KnownReaderDefects, StringComparer.Ordinal).ToList();
        var fixedDefects = KnownReaderDefects.Except(problems, StringComparer.Ordinal).ToList();
        Assert.True(unexpected.Count == 0, "valid corpus manifests were rejected:\n" + string.Join("\n", unexpected));
        Assert.True(fixedDefects.Count == 0, "these known reader defects no longer occur; delete them from KnownReaderDefects:\n" + string.Join("\n", fixedDefects));
        Assert.True(statefulSets >= 25, "expected the corpus's StatefulSets, found " + statefulSets);
        Assert.True(services >= 25, "expected the corpus's Services, found " + services);
        Assert.True(budgets >= 1, "expected the corpus's policy/v1 PodDisruptionBudget, found " + budgets);
    }

    [Fact]
    public void StatefulSetWithoutSelectorIsRejected()
    {
        var statefulSet = ReadStatefulSet("k8s-e2e-mysql-galera-noselector.yaml");
        if (statefulSet is null)
        {
            return;
        }

        var errors = WorkloadValidator.ValidateStatefulSet(statefulSet);
        Expect.Exactly(
            errors,
            (FieldErrorType.Required, "spec.selector", "Required value"),
            (FieldErrorType.Invalid, "spec.template.metadata.labels", "Invalid value: {\"app\":\"mysql\"}: `selector` does not match template `labels`"));
    }

    [Fact]
    public void StatefulSetWhoseSelectorMissesTheTemplateIsRejected()
    {
        var statefulSet = ReadStatefulSet("kube-score-statefulset-different-labels.yaml");
        if (statefulSet is null)
        {
            return;
        }

        var error = Expect.Only(
            WorkloadValidator.ValidateStatefulSet(statefulSet),
            FieldErrorType.Invalid,
            "spec.template.metadata.labels",
            "Invalid value: " + FieldError.FormatValue(statefulSet.Spec!.Template!.Metadata!.Labels) + ": `selector` does not match template `labels`");
        Assert.Null(error.Object);
    }

    private StatefulSet? ReadStatefulSet(string file)
    {
        if (SharedFiles.Missing(SharedFiles.CorpusDir, output, "the manifest corpus"))
        {
            return null;
        }

        var path = Path.Combine(SharedFiles.CorpusDir!, file);
        Assert.True(File.Exists(path), path + " is missing from the corpus");
        return Assert.Single(ManifestYaml.Read(File.ReadAllText(path), file).StatefulSets);
    }

    private void Collect(List<string> problems, string file, IReadOnlyList<FieldError> errors)
    {
        foreach (var error in errors)
        {
            problems.Add(file + ": " + error);
            output.WriteLine(file + ": " + error);
        }
    }
}
