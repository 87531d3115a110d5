using System.Globalization;
using StatefulManifests.Host;

// StatefulManifests.Host <assembly> <results-file> <output-folder> [--probe <file>] [--skip <declaration>]...
// Started by the EvaluateDeclarations build task; not meant to be run by hand (docs/evaluation.md).
if (HostArguments.Parse(args) is not { } arguments)
{
    Console.Error.WriteLine("usage: StatefulManifests.Host <assembly> <results-file> <output-folder> [--probe <file>] [--skip <declaration>]...");
    return 2;
}

// Declarations format under the invariant culture, as the compile-time evaluator runs them.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

using var results = new ResultsFile(arguments.ResultsFile);
var loaded = UserAssembly.Load(arguments.Assembly, arguments.ProbeFile);
if (loaded.Error is { } error)
{
    results.Write(new StatefulManifests.Generators.Shared.FallbackRecord(StatefulManifests.Generators.Shared.FallbackRecordKind.Error, string.Empty, Code: "SMB0031", Message: error));
    return 1;
}

var runner = new DeclarationRunner(loaded.Assembly!, arguments.OutputFolder, results);
foreach (var request in FallbackRequests.In(loaded.Assembly!))
{
    if (!arguments.Skip.Contains(request.Declaration))
    {
        runner.Run(request);
    }
}

return 0;
