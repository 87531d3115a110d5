using System.Diagnostics;
using System.Text.Json;
using StatefulManifests.Tests.Support;
using StatefulManifests.Yaml;
using Xunit.Abstractions;

namespace StatefulManifests.Tests.Yaml;

/// <summary>
/// The real YAML 1.1 reader: kubectl (go-yaml v2 through sigs.k8s.io/yaml) parses the rendered YAML and prints the
/// object as it understood it. Every awkward string must come back unchanged. Skipped when kubectl is absent.
/// </summary>
public sealed class KubectlReadsRenderedYamlTests(ITestOutputHelper output)
{
    [Fact]
    public void Kubectl_reads_every_awkward_string_back_unchanged()
    {
        if (SharedFiles.Missing(SharedFiles.KubectlValidate, output, "kubectl-validate with kubectl"))
        {
            return;
        }

        // kubectl's typed decode rejects NUL in no field, but JSON output cannot show lone C1 controls differently,
        // so every string is compared exactly.
        var strings = AwkwardStrings.All.Concat(AwkwardStrings.Generate(new Random(4242), 1500)).Distinct().ToList();
        var model = SampleModels.Carrying(strings);
        var parsed = KubectlParse(ManifestYaml.Write(model));

        var metadata = parsed.GetProperty("metadata");
        var annotations = metadata.GetProperty("annotations");
        var labels = metadata.GetProperty("labels");
        var container = parsed.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0];
        var env = container.GetProperty("env");
        var args = container.GetProperty("args");
        for (var i = 0; i < strings.Count; i++)
        {
            var expected = strings[i];
            Assert.True(expected == annotations.GetProperty("k" + i).GetString(), "annotation " + i + " differs for " + JsonSerializer.Serialize(expected));
            Assert.True(labels.TryGetProperty(expected + "#" + i, out var label), "label key " + i + " differs for " + JsonSerializer.Serialize(expected));
            Assert.Equal(expected, label.GetString());
            Assert.Equal(expected, env[i].TryGetProperty("value", out var value) ? value.GetString() : string.Empty);
            Assert.Equal(expected, args[i].GetString());
        }

        output.WriteLine($"kubectl read {strings.Count} awkward strings back unchanged, in five places each");
    }

    [Fact]
    public void Kubectl_reads_numbers_booleans_and_quantities_as_the_model_means_them()
    {
        if (SharedFiles.Missing(SharedFiles.KubectlValidate, output, "kubectl-validate with kubectl"))
        {
            return;
        }

        var parsed = KubectlParse(ManifestYaml.Write(SampleModels.Web()));

        var spec = parsed.GetProperty("spec");
        Assert.Equal(3, spec.GetProperty("replicas").GetInt32());
        Assert.Equal(10, spec.GetProperty("minReadySeconds").GetInt32());
        var container = spec.GetProperty("template").GetProperty("spec").GetProperty("containers")[0];
        Assert.Equal(80, container.GetProperty("ports")[0].GetProperty("containerPort").GetInt32());
        Assert.Equal("500m", container.GetProperty("resources").GetProperty("requests").GetProperty("cpu").GetString());
        Assert.Equal("1536Mi", container.GetProperty("resources").GetProperty("requests").GetProperty("memory").GetString());
    }

    private static JsonElement KubectlParse(string yaml)
    {
        var file = Path.Combine(Path.GetTempPath(), "sm-kubectl-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, yaml);
        try
        {
            var start = new ProcessStartInfo("bash", [SharedFiles.KubectlValidate!, "-o", "json", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "kubectl-validate failed: " + stdout.Result + stderr.Result);
            var text = stdout.Result;
            return JsonDocument.Parse(text.Substring(text.IndexOf('{', StringComparison.Ordinal))).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
