namespace StatefulManifests.Tests.Support;

/// <summary>
/// The corpus README's verdicts, for tests that take "every valid corpus file": the files a current API server
/// rejects, or that are no spec at all, each with the reason; and the files that belong together (<c>x.yaml</c> with
/// its companions <c>x--service.yaml</c> ...).
/// </summary>
public static class CorpusFiles
{
    /// <summary>File name → why it is not a valid set of objects (the corpus README's list).</summary>
    public static IReadOnlyDictionary<string, string> NotValid { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["k8s-api-fixture-v1.32.0-apps.v1.StatefulSet.yaml"] = "everything-set fixture with placeholder values, not a valid spec",
        ["k8s-e2e-mysql-galera-noselector.yaml"] = "rejected: no spec.selector",
        ["k8s-e2e-multivolumezk-legacy-v1beta1.yaml"] = "rejected: apps/v1beta1 is no longer served",
        ["examples-archived-cockroachdb.yaml"] = "rejected: its PodDisruptionBudget is policy/v1beta1",
        ["kube-score-statefulset-different-labels.yaml"] = "rejected: the selector does not match the template labels",
        ["k8s-e2e-etcd--service-dupkey.yaml"] = "malformed: duplicate metadata key",
    };

    /// <summary>Every <c>.yaml</c> file name of <paramref name="corpusDir"/>, in ordinal order.</summary>
    public static IReadOnlyList<string> All(string corpusDir) =>
        Directory.GetFiles(corpusDir, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The valid files of <paramref name="corpusDir"/>, in ordinal order.</summary>
    public static IReadOnlyList<string> Valid(string corpusDir) => All(corpusDir).Where(f => !NotValid.ContainsKey(f)).ToList();

    /// <summary>
    /// The valid files grouped with the files they belong with: the base file <c>x.yaml</c> first (even when it is not
    /// valid itself, so a companion Service has its StatefulSet), then its valid companions <c>x--*.yaml</c>.
    /// </summary>
    public static IReadOnlyList<(IReadOnlyList<string> Valid, IReadOnlyList<string> Together)> Groups(string corpusDir) =>
        Valid(corpusDir).GroupBy(Base, StringComparer.Ordinal).Select(group =>
        {
            IReadOnlyList<string> together = group.Prepend(group.Key + ".yaml").Distinct(StringComparer.Ordinal)
                .Where(f => File.Exists(Path.Combine(corpusDir, f))).ToList();
            return ((IReadOnlyList<string>)group.ToList(), together);
        }).ToList();

    private static string Base(string file) =>
        file.Contains("--", StringComparison.Ordinal) ? file.Substring(0, file.IndexOf("--", StringComparison.Ordinal)) : Path.GetFileNameWithoutExtension(file);
}
