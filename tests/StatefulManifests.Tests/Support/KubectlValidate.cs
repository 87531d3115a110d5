using System.Diagnostics;

namespace StatefulManifests.Tests.Support;

/// <summary>
/// Runs <c>../shared/tools/kubectl-validate</c> (kubectl's strict schema validation, no cluster) on files, serving
/// <see cref="KubernetesApiData.DataDirectory"/> (the shared API data plus the owned objects' group-versions) when
/// it could be built.
/// </summary>
public static class KubectlValidate
{
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
