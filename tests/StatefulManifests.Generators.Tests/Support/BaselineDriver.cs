namespace StatefulManifests.Generators.Tests.Support;

/// <summary>
/// Runs the generator with released manifests as <c>AdditionalFiles</c> marked the way the package's targets mark
/// <c>StatefulManifestsBaseline</c> files, for the baseline check's and the rollout plan's tests.
/// </summary>
public static class BaselineDriver
{
    /// <summary>
    /// The released <see cref="Samples.Web"/>: image 0.23 (the sample has 0.24), no minReadySeconds — an allowed
    /// update that rolls every pod.
    /// </summary>
    public const string ReleasedWeb = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
          namespace: default
        spec:
          serviceName: nginx
          replicas: 3
          selector:
            matchLabels:
              app: nginx
          template:
            metadata:
              labels:
                app: nginx
            spec:
              containers:
                - name: nginx
                  image: registry.k8s.io/nginx-slim:0.23
          volumeClaimTemplates:
            - metadata:
                name: www
              spec:
                accessModes: ["ReadWriteOnce"]
                storageClassName: my-storage-class
                resources:
                  requests:
                    storage: 1Gi
        """;

    /// <summary>Runs once on <paramref name="source"/> with the released files (each file's baseline path is its name).</summary>
    public static GeneratorRun Run(string source, params (string Path, string Yaml)[] files)
    {
        var options = Options(files.Select(f => (f.Path, Path.GetFileName(f.Path))).ToArray());
        var driver = GeneratorRun.CreateDriver(options, files.Select(f => new InMemoryAdditionalText(f.Path, f.Yaml)));
        return GeneratorRun.Continue(driver, DriverCompilation.Create(source));
    }

    /// <summary>The properties given, and the files given marked as baseline files with their path under the baseline folder.</summary>
    public static DriverBuildProperties Options((string Path, string RelativePath)[] files, params (string Key, string Value)[] properties) =>
        new(
            properties.ToDictionary(p => p.Key, p => p.Value),
            files.ToDictionary(f => f.Path, f => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["StatefulManifestsBaseline"] = f.RelativePath }));
}
