using BenchmarkDotNet.Attributes;
using StatefulManifests.Model;
using StatefulManifests.Yaml;

namespace StatefulManifests.Benchmarks;

/// <summary>
/// Reading and rendering YAML: the Kubernetes docs "web" StatefulSet and its Service from the corpus
/// (<c>../shared/corpus/website-web.yaml</c>), and the corpus's everything-set fixture as a large document.
/// </summary>
[MemoryDiagnoser]
public class YamlBenchmarks
{
    private string webYaml = string.Empty;
    private string fixtureYaml = string.Empty;
    private IKubernetesObject[] webDocuments = [];
    private IKubernetesObject[] fixtureDocuments = [];

    /// <summary>Loads the corpus files once (they live beside the repository and are never copied into it).</summary>
    [GlobalSetup]
    public void Setup()
    {
        webYaml = File.ReadAllText(CorpusFile("website-web.yaml"));
        fixtureYaml = File.ReadAllText(CorpusFile("k8s-api-fixture-v1.32.0-apps.v1.StatefulSet.yaml"));
        webDocuments = ReadClean(webYaml);
        fixtureDocuments = ReadClean(fixtureYaml);
    }

    /// <summary>Reads the web StatefulSet and Service into the model.</summary>
    [Benchmark]
    public ManifestReadResult ReadWeb() => ManifestYaml.Read(webYaml, "website-web.yaml");

    /// <summary>Renders the web StatefulSet and Service model.</summary>
    [Benchmark]
    public string WriteWeb() => ManifestYaml.Write(webDocuments);

    /// <summary>Reads the everything-set fixture (about 39 KB).</summary>
    [Benchmark]
    public ManifestReadResult ReadFixture() => ManifestYaml.Read(fixtureYaml, "fixture.yaml");

    /// <summary>Renders the everything-set fixture.</summary>
    [Benchmark]
    public string WriteFixture() => ManifestYaml.Write(fixtureDocuments);

    private static IKubernetesObject[] ReadClean(string yaml)
    {
        var result = ManifestYaml.Read(yaml);
        return result.Errors.Count == 0
            ? result.Documents.ToArray()
            : throw new InvalidOperationException("corpus file read with errors: " + string.Join("; ", result.Errors));
    }

    /// <summary>../shared/corpus beside the repository root, or STATEFULMANIFESTS_SHARED/corpus.</summary>
    private static string CorpusFile(string name)
    {
        var shared = Environment.GetEnvironmentVariable("STATEFULMANIFESTS_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StatefulManifests.slnx")))
                {
                    shared = Path.Combine(dir.FullName, "..", "shared");
                    break;
                }
            }
        }

        var path = Path.GetFullPath(Path.Combine(shared ?? ".", "corpus", name));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException("The YAML benchmarks read the corpus from ../shared/corpus (or $STATEFULMANIFESTS_SHARED/corpus); it is not there.", path);
    }
}
