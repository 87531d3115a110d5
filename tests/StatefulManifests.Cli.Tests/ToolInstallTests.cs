using System.Diagnostics;
using System.Globalization;
using StatefulManifests.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Cli.Tests;

/// <summary>docs/cli.md's install commands work as written: pack the tool, install it, run <c>stateful lint</c>.</summary>
public sealed class ToolInstallTests(ITestOutputHelper output) : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("statefulmanifests-tool-").FullName;

    [Fact]
    public void The_packed_tool_installs_and_lints()
    {
        var version = "0.0.0-tool." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var artifacts = Path.Combine(root, "artifacts");
        var tools = Path.Combine(root, "tools");
        // The tool this test project built (Debug), packed without building again: other test projects pack and build
        // Release outputs of the same projects at the same time, and two builds of one project would collide.
        Run("dotnet", SharedFiles.RepositoryRoot, "pack", Path.Combine("src", "Cli"), "-c", "Debug", "--no-build", "--no-restore", "-o", artifacts, "-p:Version=" + version, "--disable-build-servers");
        Run("dotnet", root, "tool", "install", "--tool-path", tools, "--add-source", artifacts, "StatefulManifests.Cli", "--version", version);

        var manifest = Path.Combine(root, "web.yaml");
        File.WriteAllText(manifest, "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  replicas: -1\n");
        var (exit, text) = Exec(Path.Combine(tools, OperatingSystem.IsWindows() ? "stateful.exe" : "stateful"), root, "lint", manifest, "--min-severity", "error");
        Assert.Equal(1, exit);
        Assert.Contains("error SM1002: spec.replicas: Invalid value: -1", text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Run(string program, string directory, params string[] arguments)
    {
        var (exit, text) = Exec(program, directory, arguments);
        Assert.True(exit == 0, program + " " + string.Join(" ", arguments) + " failed:\n" + text);
    }

    private (int ExitCode, string Output) Exec(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(600_000), program + " did not finish");
        var text = stdout.Result + stderr.Result;
        output.WriteLine(text);
        return (process.ExitCode, text);
    }
}
