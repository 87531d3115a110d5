using System.Diagnostics;

namespace StatefulManifests.Tests.Support;

/// <summary>
/// Runs <c>../shared/tools/kubectl-validate</c> (kubectl's strict schema validation, no cluster) on files, serving
/// <see cref="KubernetesApiData.DataDirectory"/> (the shared API data plus the owned objects' group-versions) when
/// it could be built.
/// </summary>
public static class KubectlValidate
{
    /// <summary>
    /// Validates YAML text (written to a temporary file); null, with the reason printed, when the tool or the API
    /// data is not there (the test then skips).
    /// </summary>
    public static (int ExitCode, string Output)? Yaml(string yaml, Xunit.Abstractions.ITestOutputHelper output)
    {
        if (SharedFiles.Missing(SharedFiles.KubectlValidate, output, "kubectl-validate (../shared/tools) with kubectl and python3 on PATH")
            || SharedFiles.Missing(KubernetesApiData.DataDirectory, output, "the Kubernetes API data (../shared/k8s-api with openapi/v2/swagger.json)"))
        {
            return null;
        }

        var file = Path.Combine(Path.GetTempPath(), "statefulmanifests-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, yaml);
        try
        {
            var result = Run(SharedFiles.KubectlValidate!, file);
            output.WriteLine(result.Output);
            return result;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Validates the files; returns the exit code and everything the tool printed.</summary>
    public static (int ExitCode, string Output) Run(string tool, params string[] files)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (KubernetesApiData.DataDirectory is { } data)
        {
            start.Environment["K8S_API_DIR"] = data;
        }

        start.ArgumentList.Add(tool);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start kubectl-validate");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("kubectl-validate did not finish in 3 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
