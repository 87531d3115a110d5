using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>SM0020: a manifest file the build could not write is a compile-time error, not a build-step surprise.</summary>
public sealed class ManifestFileClashTests
{
    [Theory]
    [InlineData("kustomization")]
    [InlineData("Kustomization")]
    public async Task A_workload_named_like_the_kustomization_is_reported_on_its_name(string name)
    {
        // Letter case: "Kustomization" is also an SM1002 (not a DNS name); only SM0020 is asserted here.
        var markup = Declarations.Declare(Declarations.CleanBody.Replace("Workload.StatefulSet(\"web\")", "Workload.StatefulSet({|SM0020:\"" + name + "\"|})", StringComparison.Ordinal));
        await WorkloadAnalyzerTest.VerifyMarkedIdsAsync(markup, clash =>
            Assert.Contains("'" + name + ".yaml' is the name of the kustomization the build writes", clash.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_name_override_may_take_it_away()
    {
        var source = Declarations.Declare(Declarations.CleanBody.Replace("Workload.StatefulSet(\"web\")", "Workload.StatefulSet(\"kustomization\")", StringComparison.Ordinal))
            .Replace("[StatefulWorkload]", "[StatefulWorkload(FileName = \"kustomize-runner\")]", StringComparison.Ordinal);
        await WorkloadAnalyzerTest.VerifyNoneAsync(source, "SM0020");
    }

    [Fact]
    public async Task Two_workloads_on_one_file_are_reported_on_the_second_declaration()
    {
        var second = "\n    [StatefulWorkload(FileName = \"web\")]\n    public static StatefulSetBuilder {|SM0020:Canary|} => " +
            Declarations.CleanBody.Replace("Workload.StatefulSet(\"web\")", "Workload.StatefulSet(\"web-canary\")", StringComparison.Ordinal) + ";\n";
        var markup = Declarations.Declare(Declarations.CleanBody).Replace("\n}", second + "}", StringComparison.Ordinal);
        await WorkloadAnalyzerTest.VerifyMarkedIdsAsync(markup);
    }
}
