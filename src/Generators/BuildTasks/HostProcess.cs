using System.Diagnostics;
using System.Text;

namespace StatefulManifests.BuildTasks;

/// <summary>How one run of the host ended.</summary>
/// <param name="ExitCode">The exit code; null when it was stopped after the timeout.</param>
/// <param name="Output">What it (and the user's code) printed, stdout and stderr interleaved.</param>
internal sealed record HostExit(int? ExitCode, string Output)
{
    /// <summary>
    /// Why the runtime says it crashed: its <c>Stack overflow.</c> line, else the last line that is not part of a
    /// stack trace; empty when it printed nothing.
    /// </summary>
    public string CrashReason
    {
        get
        {
            var lines = Output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            return lines.FirstOrDefault(l => l.StartsWith("Stack overflow", StringComparison.Ordinal))
                ?? lines.LastOrDefault(l => !l.StartsWith("at ", StringComparison.Ordinal) && !l.StartsWith("Repeat ", StringComparison.Ordinal) && l.Trim('-').Length > 0)
                ?? string.Empty;
        }
    }
}

/// <summary>Starts <c>dotnet StatefulManifests.Host.dll ...</c> and waits for it, at most a timeout.</summary>
internal static class HostProcess
{
    /// <summary>Runs the host with <paramref name="arguments"/>.</summary>
    /// <param name="dotnet">The <c>dotnet</c> executable (MSBuild's <c>DOTNET_HOST_PATH</c>).</param>
    /// <param name="host">StatefulManifests.Host.dll.</param>
    /// <param name="arguments">The host's arguments.</param>
    /// <param name="workingDirectory">The project's folder (relative paths in user code resolve from it, as in <c>dotnet run</c>).</param>
    /// <param name="timeout">How long the run may take.</param>
    public static HostExit Run(string dotnet, string host, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(dotnet)
        {
            Arguments = string.Join(" ", new[] { "exec", host }.Concat(arguments).Select(Quote)),
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
        };
        start.EnvironmentVariables["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)Math.Min(int.MaxValue, timeout.TotalMilliseconds)))
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // It ended between the timeout and the kill.
            }

            process.WaitForExit();
            return new HostExit(null, Text(output));
        }

        process.WaitForExit(); // flushes the asynchronous readers
        return new HostExit(process.ExitCode, Text(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            // What user code prints is kept for the log, not without bound.
            if (output.Length < 64 * 1024)
            {
                output.Append(line).Append('\n');
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    // Windows command-line quoting (which .NET also parses on Unix): quotes around, backslashes before a quote doubled.
    private static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny([' ', '\t', '"']) < 0)
        {
            return argument;
        }

        var sb = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            sb.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
            backslashes = 0;
            sb.Append(c);
        }

        return sb.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
