using System.Diagnostics;

namespace StatefulManifests.Cli.Render;

/// <summary>
/// Turns <c>render</c>'s argument into the assembly to read: an assembly as it is, or a project (its <c>.csproj</c>, or
/// a folder holding exactly one) built with <c>dotnet build</c> (unless told not to) and located by asking MSBuild for
/// its <c>TargetPath</c>, so no path under <c>bin/</c> has to be guessed.
/// </summary>
internal static class ProjectAssembly
{
    /// <summary>The assembly for <paramref name="path"/>, or null with the problem written to <paramref name="stderr"/>.</summary>
    public static string? Resolve(string path, string configuration, string? framework, bool build, TextWriter stderr)
    {
        if (File.Exists(path) && !path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

        var project = ProjectFile(path, out var problem);
        if (project is null)
        {
            stderr.WriteLine("stateful: " + problem);
            return null;
        }

        var properties = new List<string> { "-p:Configuration=" + configuration };
        if (framework is not null)
        {
            properties.Add("-p:TargetFramework=" + framework);
        }

        if (build)
        {
            var (built, log) = Dotnet(["build", project, "-nologo", "-v:q", .. properties]);
            if (built != 0)
            {
                stderr.WriteLine("stateful: dotnet build " + project + " failed:\n" + log);
                return null;
            }
        }

        var (exit, output) = Dotnet(["msbuild", project, "-nologo", "-getProperty:TargetPath", .. properties]);
        var assembly = output.Trim();
        if (exit != 0 || assembly.Length == 0)
        {
            stderr.WriteLine("stateful: " + project + ": MSBuild gave no TargetPath" + (framework is null ? " (a multi-targeting project needs --framework)" : string.Empty) + (exit != 0 ? ":\n" + output : string.Empty));
            return null;
        }

        if (!File.Exists(assembly))
        {
            stderr.WriteLine("stateful: " + assembly + " does not exist: build the project first, or leave out --no-build");
            return null;
        }

        return assembly;
    }

    private static string? ProjectFile(string path, out string? problem)
    {
        problem = null;
        if (File.Exists(path))
        {
            return path;
        }

        if (!Directory.Exists(path))
        {
            problem = path + ": no such file or folder";
            return null;
        }

        var projects = Directory.GetFiles(path, "*.csproj");
        if (projects.Length != 1)
        {
            problem = path + ": " + (projects.Length == 0 ? "no .csproj in this folder" : projects.Length + " .csproj files in this folder; name one");
            return null;
        }

        return projects[0];
    }

    private static (int ExitCode, string Output) Dotnet(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
