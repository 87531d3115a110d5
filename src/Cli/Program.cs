using System.CommandLine;
using StatefulManifests.Cli.Import;
using StatefulManifests.Cli.Lint;
using StatefulManifests.Cli.Plan;
using StatefulManifests.Cli.Render;
using StatefulManifests.Cli.Simulate;

// `stateful` — the StatefulManifests command line. Each command lives in its own folder; this file only wires them.
var root = new RootCommand("StatefulManifests: typed, checked Kubernetes StatefulSets. Lint the YAML you already have with the rules the compiler uses.");
root.Subcommands.Add(LintCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(RenderCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(PlanCommand.Create());
return root.Parse(args).Invoke();
