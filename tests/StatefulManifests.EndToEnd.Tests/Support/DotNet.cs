using System.Diagnostics;
using System.Text;

namespace StatefulManifests.EndToEnd.Tests.Support;

/// <summary>Runs the dotnet CLI (or another program) and captures its output; build servers off so nothing stays locked.</summary>
public static class DotNet
{
    /// <summary>The outcome of a command.</summary>
    public sealed record Result(int ExitCode, string Output)
    {
        /// <summary>Fails the test with the output when the command failed.</summary>
        public Result AssertSucceeded(string what)
        {
            Assert.True(ExitCode == 0, what + " failed (exit " + ExitCode + "):\n" + Output);
            return this;
        }
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="directory"/>.</summary>
    public static Result Run(string directory, params string[] arguments) => Exec("dotnet", directory, arguments);

    /// <summary>Runs a program; gives up after ten minutes.</summary>
    public static Result Exec(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return new Result(-1, "timed out\n" + output);
        }

        process.WaitForExit();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }
}
