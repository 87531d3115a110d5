using StatefulManifests.Cli.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Cli.Tests;

/// <summary>
/// Shell completion through System.CommandLine's <c>[suggest:POSITION]</c> directive, the protocol <c>dotnet-suggest</c>
/// uses: every command is offered, and option values come in the spelling the docs use.
/// </summary>
public sealed class CompletionTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_command_is_offered_after_the_tool_name()
    {
        var offered = Suggest("stateful ");
        Assert.Equal(["import", "lint", "plan", "render", "simulate"], offered.Where(s => char.IsLetter(s[0])).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("stateful lint --format ", new[] { "json", "sarif", "text" })]
    [InlineData("stateful lint --min-severity ", new[] { "error", "info", "warning" })]
    [InlineData("stateful simulate web.yaml --timeline ", new[] { "mermaid", "svg", "text" })]
    public void Option_values_are_offered_in_lower_case(string line, string[] expected) =>
        Assert.Equal(expected, Suggest(line));

    [Fact]
    public void The_lint_options_are_offered()
    {
        var offered = Suggest("stateful lint --");
        Assert.Subset(offered.ToHashSet(), new HashSet<string> { "--config", "--format", "--min-severity", "--no-config", "--help" });
    }

    private List<string> Suggest(string line)
    {
        var run = Tool.Run(output, ["[suggest:" + line.Length + "]", line]);
        Assert.Equal(0, run.ExitCode);
        return run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }
}
