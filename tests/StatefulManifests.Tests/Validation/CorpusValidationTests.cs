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

        // apps/v1beta1 (removed in Kubernetes 1.16); the YAML reader reports the version, and the spec itself is the
        // old one without a selector.
        "k8s-e2e-multivolumezk-legacy-v1beta1.yaml",
    };

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
        Assert.True(problems.Count == 0, "valid corpus manifests were rejected:\n" + string.Join("\n", problems));
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
