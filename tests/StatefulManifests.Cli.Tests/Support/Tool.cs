using System.Diagnostics;
using Xunit.Abstractions;

namespace StatefulManifests.Cli.Tests.Support;

/// <summary>What one run of the tool printed and returned.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Stdout">Standard output.</param>
/// <param name="Stderr">Standard error.</param>
public sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Both streams, output first.</summary>
    public string Output => Stdout + Stderr;
}

/// <summary>Runs the built tool (<c>dotnet StatefulManifests.Cli.dll ...</c>) as CI would, logging what it printed.</summary>
public static class Tool
{
    /// <summary>
    /// Runs the tool with <paramref name="arguments"/>, writing <paramref name="stdin"/> to its input when given, in
    /// <paramref name="workingDirectory"/> (default: the test process's).
    /// </summary>
    public static ToolRun Run(ITestOutputHelper output, IReadOnlyList<string> arguments, string? stdin = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? string.Empty,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "StatefulManifests.Cli.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        Assert.True(process.WaitForExit(120_000), "the tool did not finish");
        var run = new ToolRun(process.ExitCode, stdout.Result, stderr.Result);
        output.WriteLine(run.Output);
        return run;
    }
}
