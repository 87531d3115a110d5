namespace StatefulManifests.Tests.Yaml;

/// <summary>The corpus oracle must itself tell meaning apart: what it calls equal, and what it catches.</summary>
public sealed class SemanticTreeTests
{
    private static List<string> Diff(string before, string after) =>
        SemanticTree.Differences(SemanticTree.FromYaml(before).Single(), SemanticTree.FromYaml(after).Single());

    [Theory]
    [InlineData("a: 1\nb: 2\n", "b: 2\na: 1\n")] // key order
    [InlineData("mode: 0755\n", "mode: 493\n")] // YAML 1.1 octal
    [InlineData("n: 0x1F\n", "n: 31\n")]
    [InlineData("n: 3.0\n", "n: 3\n")]
    [InlineData("flag: yes\n", "flag: true\n")]
    [InlineData("a: ~\nb: 1\n", "b: 1\n")] // null is absent
    [InlineData("s: 'x'\n", "s: x\n")]
    [InlineData("s: |-\n  a\n  b\n", "s: \"a\\nb\"\n")]
    [InlineData("requests: {cpu: 0.5, memory: 1.5Gi}\n", "requests: {cpu: 500m, memory: 1536Mi}\n")]
    [InlineData("limits: {cpu: 1}\n", "limits: {cpu: \"1000m\"}\n")]
    [InlineData("emptyDir: {sizeLimit: 1024Mi}\n", "emptyDir: {sizeLimit: 1Gi}\n")]
    public void Calls_equal_what_means_the_same(string before, string after) => Assert.Empty(Diff(before, after));

    [Theory]
    [InlineData("a: 1\nb: 2\n", "a: 1\n", ".b: dropped 2 (BigInteger)")]
    [InlineData("a: 1\n", "a: 1\nb: x\n", ".b: added \"x\"")]
    [InlineData("port: 80\n", "port: \"80\"\n", ".port: 80 (BigInteger) became \"80\"")]
    [InlineData("v: yes\n", "v: \"yes\"\n", ".v: True (Boolean) became \"yes\"")]
    [InlineData("e: {}\n", "e: ~\n", ".e: dropped {...}")] // emptyDir: {} is not the same as no emptyDir
    [InlineData("l: [a, b]\n", "l: [b, a]\n", ".l[0]: \"a\" became \"b\"")]
    [InlineData("l: [a]\n", "l: [a, a]\n", ".l: 1 items became 2")]
    [InlineData("requests: {memory: 1Gi}\n", "requests: {memory: 1G}\n", ".requests.memory: \"quantity:1Gi\" became \"quantity:1G\"")]
    public void Catches_what_changes_meaning(string before, string after, string difference) =>
        Assert.Contains(difference, Diff(before, after));

    [Fact]
    public void Records_what_a_duplicate_key_loses()
    {
        var duplicates = new List<SemanticTree.Duplicate>();

        var document = SemanticTree.FromYaml("a: 1\nb: {x: 1}\nb: {z: 2}\n", duplicates).Single();

        var duplicate = Assert.Single(duplicates);
        Assert.Equal(".b", duplicate.Path);
        Assert.Contains(".z: added 2 (BigInteger)", SemanticTree.Differences(duplicate.Lost, duplicate.Kept));
        Assert.Empty(SemanticTree.Differences(document, SemanticTree.FromYaml("a: 1\nb: {z: 2}\n").Single()));
    }
}
