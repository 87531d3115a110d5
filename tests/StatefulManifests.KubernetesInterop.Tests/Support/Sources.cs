using StatefulManifests.Model;
using StatefulManifests.Samples;
using StatefulManifests.Tests.Support;
using StatefulManifests.Yaml;

namespace StatefulManifests.KubernetesInterop.Tests.Support;

/// <summary>The inputs of the differential tests: every sample and every corpus file the API server accepts.</summary>
public static class Sources
{
    /// <summary>
    /// Corpus files left out, by the corpus README: rejected by the API server (removed API versions, no selector,
    /// selector mismatch) or malformed YAML (a duplicate key). The everything-set fixture is in: it is not a valid
    /// spec, but it sets every field, which is what a conversion test wants.
    /// </summary>
    public static readonly IReadOnlySet<string> NotValid = new HashSet<string>(StringComparer.Ordinal)
    {
        "k8s-e2e-mysql-galera-noselector.yaml",
        "k8s-e2e-multivolumezk-legacy-v1beta1.yaml",
        "examples-archived-cockroachdb.yaml",
        "kube-score-statefulset-different-labels.yaml",
        "k8s-e2e-etcd--service-dupkey.yaml",
        "argocd-gitops-engine-statefulset-ondelete.yaml",
    };

    /// <summary>Source names: <c>sample:NAME</c> for samples, <c>corpus:FILE</c> for corpus files.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in SampleCatalog.All)
        {
            data.Add("sample:" + name);
        }

        foreach (var file in CorpusFiles())
        {
            data.Add("corpus:" + file);
        }

        return data;
    }

    /// <summary>The valid corpus files (empty when ../shared is absent).</summary>
    public static IReadOnlyList<string> CorpusFiles() =>
        SharedFiles.CorpusDir is { } dir
            ? Directory.GetFiles(dir, "*.yaml").Select(f => Path.GetFileName(f)).Where(f => !NotValid.Contains(f)).OrderBy(f => f, StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The YAML our writer renders for a source, and the model documents it holds.</summary>
    public static (string Yaml, IReadOnlyList<IKubernetesObject> Documents) Load(string source)
    {
        var (kind, name) = (source.Substring(0, source.IndexOf(':')), source.Substring(source.IndexOf(':') + 1));
        if (kind == "sample")
        {
            var workload = SampleCatalog.All.Single(s => s.Name == name).Builder.Build();
            return (workload.ToYaml(), workload.Documents);
        }

        var read = ManifestYaml.Read(File.ReadAllText(Path.Combine(SharedFiles.CorpusDir!, name)), name);
        Assert.Empty(read.Errors);
        return (ManifestYaml.Write(read.Documents), read.Documents);
    }
}
