using Microsoft.CodeAnalysis;
using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>
/// The analyzers evaluate a declaration reading project files with the project's <c>AdditionalFiles</c>, as the
/// generator does: a listed file is read (no SM0007 or SM0001), a file the project does not list is SM1007 on the
/// path given to <c>File(...)</c>, and the message says how to list it.
/// </summary>
public sealed class ProjectFileDiagnosticsTests
{
    private static string Source(string file) => Declarations.CleanWith(
        ".Replicas(3)", ".Replicas(3).Config(\"cfg\", c => c." + file + ")");

    private static readonly string[] EvaluationIds = ["SM0001", "SM0007", "SM1007", "SM1002"];

    [Fact]
    public async Task A_file_listed_in_AdditionalFiles_is_read()
    {
        var test = WorkloadAnalyzerTest.Only(Source("File(\"config/app.conf\")"), EvaluationIds);
        test.TestState.AdditionalFiles.Add(("config/app.conf", "x = 1\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_file_the_project_does_not_list_is_SM1007_on_the_path_naming_the_AdditionalFiles_item()
    {
        var messages = new List<string>();
        var test = WorkloadAnalyzerTest.Only(Source("File({|SM1007:\"config/none.conf\"|})"), EvaluationIds);
        test.TestState.AdditionalFiles.Add(("config/app.conf", "x = 1\n"));
        test.DiagnosticVerifier = (actual, _, _) => messages.Add(actual.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        await test.RunAsync();

        var message = Assert.Single(messages);
        Assert.Contains("<AdditionalFiles Include=\"config/none.conf\" />", message, StringComparison.Ordinal);
    }
}
