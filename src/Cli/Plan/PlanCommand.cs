using System.CommandLine;
using StatefulManifests.Cli.Lint;
using StatefulManifests.Model;
using StatefulManifests.Reconciliation;
using StatefulManifests.Rules;
using StatefulManifests.Yaml;

namespace StatefulManifests.Cli.Plan;

/// <summary>
/// <c>stateful plan OLD NEW</c>: for each StatefulSet in NEW that OLD also has (same namespace and name), what applying
/// it will do — whether the API server accepts the update, the pods replaced in order, claims created and deleted,
/// the minimum duration and the risks (<see cref="RolloutPlan"/>), as Markdown; on standard error first the update
/// checks of the build's baseline comparison (SM5001–SM5005: forbidden updates with the migration path, data risks),
/// compiler style, then a summary line per workload.
/// </summary>
internal static class PlanCommand
{
    /// <summary>The command and its arguments.</summary>
    public static Command Create()
    {
        var released = new Argument<string>("old") { Description = "The released manifests: a file or folder (e.g. the GitOps checkout)" };
        var next = new Argument<string>("new") { Description = "The manifests about to be applied: a file or folder" };
        var command = new Command("plan", "Plan the rollout from the released manifests to the new ones.\n\nExamples:\n  stateful plan released/ bin/Release/net10.0/manifests/\n  stateful plan web-1.2.yaml web-1.3.yaml > web.plan.md\n\nUpdate checks (SM5001-SM5005) go to standard error first.\n\nExit codes: 0 every update is accepted, 1 the API server would reject an update (or an update check is an error), 2 an input could not be read.")
        {
            released,
            next,
        };
        command.SetAction(parse => Run(parse.GetValue(released)!, parse.GetValue(next)!, Console.In, Console.Out, Console.Error));
        return command;
    }

    /// <summary>Plans every paired StatefulSet; returns the exit code.</summary>
    public static int Run(string released, string next, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var (before, beforeSources) = Read(released, stdin, stderr);
        var (after, afterSources) = Read(next, stdin, stderr);
        if (before is null || after is null)
        {
            return ExitCodes.UnreadableInput;
        }

        // The same comparison the build runs against StatefulManifestsBaseline: one rule set, two entry points.
        var checks = ManifestLinter.CompareSources(beforeSources, afterSources);
        foreach (var finding in checks)
        {
            stderr.WriteLine(finding + " (" + RuleCatalog.Find(finding.RuleId)?.HelpLink + ")");
        }

        var rejected = checks.Any(f => f.Severity == FindingSeverity.Error);
        var planned = 0;
        foreach (var set in after.OfType<StatefulSet>())
        {
            if (before.OfType<StatefulSet>().FirstOrDefault(s => SameObject(s, set)) is not { } baseline)
            {
                stderr.WriteLine(Key(set) + ": new (not in " + released + "); nothing to plan");
                continue;
            }

            var service = after.OfType<Service>().FirstOrDefault(s => s.Metadata?.Name == set.Spec?.ServiceName && Namespace(s.Metadata) == Namespace(set.Metadata));
            RolloutPlan plan;
            try
            {
                plan = RolloutPlan.Between(baseline, set, service);
            }
            catch (ArgumentException e)
            {
                // Beyond what the model simulates (e.g. more replicas than its limit): say so, plan the others.
                stderr.WriteLine(Key(set) + ": cannot be simulated: " + e.Message);
                rejected = true;
                continue;
            }

            stdout.Write(planned++ == 0 ? string.Empty : "\n");
            stdout.Write(plan.ToMarkdown());
            stderr.WriteLine(plan.Summary);
            rejected |= !plan.Accepted;
        }

        foreach (var gone in before.OfType<StatefulSet>().Where(s => !after.OfType<StatefulSet>().Any(n => SameObject(s, n))))
        {
            stderr.WriteLine(Key(gone) + ": not in " + next + " (applying the folder does not delete it; its claims stay)");
        }

        return rejected ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static (IReadOnlyList<IKubernetesObject>? Objects, IReadOnlyList<(string Name, string Yaml)> Sources) Read(string path, TextReader stdin, TextWriter stderr)
    {
        var inputs = InputFiles.Resolve([path], stdin);
        var objects = new List<IKubernetesObject>();
        var readable = inputs.Problems.Count == 0;
        foreach (var problem in inputs.Problems)
        {
            stderr.WriteLine("stateful: " + problem);
        }

        foreach (var (name, yaml) in inputs.Sources)
        {
            var read = ManifestYaml.Read(yaml, name);
            foreach (var error in read.Errors)
            {
                stderr.WriteLine("stateful: " + name + ": " + error);
                readable = false;
            }

            objects.AddRange(read.Documents);
        }

        return (readable ? objects : null, inputs.Sources);
    }

    private static bool SameObject(StatefulSet a, StatefulSet b) => a.Metadata?.Name == b.Metadata?.Name && Namespace(a.Metadata) == Namespace(b.Metadata);

    private static string Namespace(ObjectMeta? metadata) => metadata?.Namespace ?? "default";

    private static string Key(StatefulSet set) => Namespace(set.Metadata) + "/" + set.Metadata?.Name;
}
