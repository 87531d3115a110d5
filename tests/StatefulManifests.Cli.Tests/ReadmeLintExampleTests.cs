using System.Diagnostics;
using System.Text.RegularExpressions;
using StatefulManifests.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Cli.Tests;

/// <summary>
/// README's lint example is true: its commands, run one by one in a fresh clone of the repository exactly as written,
/// pack and install the tool and print exactly the output README shows.
/// </summary>
public sealed class ReadmeLintExampleTests(ITestOutputHelper output) : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("statefulmanifests-readme-").FullName;

    [Fact]
    public void The_readme_lint_commands_work_in_a_fresh_clone_and_print_what_readme_shows()
    {
        var readme = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var commands = Block(readme, "commands", "sh").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected = Block(readme, "output", "text");
        Assert.Equal(3, commands.Length);
        var git = Path.Combine(SharedFiles.RepositoryRoot, ".git"); // a folder, or a file in a worktree
        if (!Directory.Exists(git) && !File.Exists(git))
        {
            output.WriteLine("SKIPPED: the repository is not a git checkout, so there is no clean clone to run README's commands in.");
            return;
        }

        // The committed state, as a user gets it: a local clone (no network).
        var clone = Path.Combine(root, "clone");
        var (cloned, cloneText) = Shell("git clone --quiet " + Quote(SharedFiles.RepositoryRoot) + " " + Quote(clone), root);
        Assert.True(cloned == 0, cloneText);

        for (var i = 0; i < commands.Length - 1; i++)
        {
            var (exit, text) = Shell(commands[i], clone);
            Assert.True(exit == 0, commands[i] + " failed:\n" + text);
        }

        var (lintExit, stdout) = Shell(commands[^1], clone, stdoutOnly: true);
        Assert.Equal(1, lintExit); // errors at the threshold
        Assert.Equal(expected, stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>The fenced block of <paramref name="language"/> right after <c>&lt;!-- readme-lint-example:name --&gt;</c>.</summary>
    private static string Block(string readme, string name, string language)
    {
        var match = Regex.Match(readme, "<!-- readme-lint-example:" + name + " -->\n```" + language + "\n(.*?)```\n", RegexOptions.Singleline);
        Assert.True(match.Success, "README has no " + language + " block marked readme-lint-example:" + name);
        return match.Groups[1].Value;
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private (int ExitCode, string Output) Shell(string command, string directory, bool stdoutOnly = false)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(900_000), command + " did not finish");
        output.WriteLine("$ " + command + "\n" + stdout.Result + stderr.Result);
        return (process.ExitCode, stdoutOnly ? stdout.Result : stdout.Result + stderr.Result);
    }
}
