using System.Globalization;
using System.Text;
using StatefulManifests.Model;

namespace StatefulManifests.Reconciliation;

/// <summary>
/// What applying a new StatefulSet over the released one will do, found by running the controller model from the
/// baseline to the new object with healthy pods: the pods replaced, created and deleted in the controller's order,
/// the claims created and deleted, the shortest time the rollout can take, and the risks the model can see (a
/// partition that holds the rollout, a rollout that will not wait for readiness, a change that can stick).
/// Build one with <see cref="Between"/>; write it with <see cref="ToMarkdown"/>.
/// </summary>
public sealed record RolloutPlan
{
    /// <summary>The StatefulSet's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>False when the API server would reject the new object as an update of the baseline (see <see cref="Rejection"/>).</summary>
    public bool Accepted { get; init; } = true;

    /// <summary>The API server's errors when <see cref="Accepted"/> is false, one per line.</summary>
    public IReadOnlyList<string> Rejection { get; init; } = Array.Empty<string>();

    /// <summary>True when the model reached a steady state with every pod on the new revision.</summary>
    public bool Converged { get; init; }

    /// <summary>The controller's pod writes after the apply, in order (<c>replace web-2</c>, <c>create web-3</c>, <c>delete web-4</c>).</summary>
    public IReadOnlyList<string> PodSteps { get; init; } = Array.Empty<string>();

    /// <summary>Claims that exist after the rollout and did not before.</summary>
    public IReadOnlyList<string> ClaimsCreated { get; init; } = Array.Empty<string>();

    /// <summary>Claims that existed before and are gone after it (their data is deleted).</summary>
    public IReadOnlyList<string> ClaimsDeleted { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The least wall-clock time the pod steps take: each pod the controller waits for needs its readiness (the
    /// largest <c>initialDelaySeconds</c> of its startup and readiness probes) and then <c>minReadySeconds</c>;
    /// image pulls, scheduling and termination grace come on top.
    /// </summary>
    public TimeSpan MinimumDuration { get; init; }

    /// <summary>What can go wrong or surprise, in words a reviewer acts on.</summary>
    public IReadOnlyList<string> Risks { get; init; } = Array.Empty<string>();

    /// <summary>One line for build output: <c>web: 3 pods replaced (web-2, web-1, web-0), at least 1m30s; 1 risk</c>.</summary>
    public string Summary
    {
        get
        {
            if (!Accepted)
            {
                return Name + ": rejected by the API server as an update (" + Rejection.Count.ToString(CultureInfo.InvariantCulture) + " error" + (Rejection.Count == 1 ? string.Empty : "s") + ")";
            }

            var text = new StringBuilder(Name).Append(": ");
            text.Append(PodSteps.Count == 0 ? "no pod is restarted" : PodSteps.Count.ToString(CultureInfo.InvariantCulture) + " pod step" + (PodSteps.Count == 1 ? string.Empty : "s") + " (" + string.Join(", ", PodSteps) + ")");
            if (MinimumDuration > TimeSpan.Zero)
            {
                text.Append(", at least ").Append(Format(MinimumDuration));
            }

            if (ClaimsDeleted.Count > 0)
            {
                text.Append("; ").Append(ClaimsDeleted.Count.ToString(CultureInfo.InvariantCulture)).Append(" claim").Append(ClaimsDeleted.Count == 1 ? string.Empty : "s").Append(" deleted");
            }

            if (Risks.Count > 0)
            {
                text.Append("; ").Append(Risks.Count.ToString(CultureInfo.InvariantCulture)).Append(" risk").Append(Risks.Count == 1 ? string.Empty : "s");
            }

            return text.ToString();
        }
    }

    /// <summary>
    /// Runs the model: <paramref name="baseline"/> created and settled with healthy pods, then <paramref name="next"/>
    /// applied and run until it settles. <paramref name="options"/> default to healthy pods that become Ready in one
    /// tick and terminate in one tick.
    /// </summary>
    public static RolloutPlan Between(StatefulSet baseline, StatefulSet next, Service? service = null, SimulationOptions? options = null)
    {
        if (baseline is null)
        {
            throw new ArgumentNullException(nameof(baseline));
        }

        if (next is null)
        {
            throw new ArgumentNullException(nameof(next));
        }

        var name = next.Metadata?.Name ?? baseline.Metadata?.Name ?? string.Empty;
        StatefulSetSimulation simulation;
        try
        {
            simulation = StatefulSetSimulation.Create(baseline, service, options ?? new SimulationOptions { TerminationTicks = 1 });
        }
        catch (StatefulSetRejectedException rejected)
        {
            // A released object the API server would not accept cannot be the start of a rollout: say so, do not guess.
            return new RolloutPlan { Name = name, Accepted = false, Rejection = rejected.Errors.Select(e => "the released StatefulSet itself is rejected: " + e).ToList() };
        }

        simulation.RunUntilStable();
        var claimsBefore = simulation.Claims.Select(c => c.Name).ToList();
        var passesBefore = simulation.PassCount;
        try
        {
            simulation.Apply(next);
        }
        catch (StatefulSetRejectedException rejected)
        {
            return new RolloutPlan { Name = name, Accepted = false, Rejection = rejected.Errors.Select(e => e.ToString()).ToList() };
        }

        var report = simulation.RunUntilStable();
        var replicas = simulation.StatefulSet?.Spec?.Replicas ?? 0;
        var steps = StepsOf(simulation.Passes.Where(p => p.Number > passesBefore), simulation.StatefulSet);
        var claimsAfter = simulation.Claims.Select(c => c.Name).ToList();
        var waitedFor = steps.Count(s => !s.StartsWith("delete ", StringComparison.Ordinal));
        return new RolloutPlan
        {
            Name = name,
            Converged = report.Converged,
            PodSteps = steps,
            ClaimsCreated = claimsAfter.Except(claimsBefore, StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList(),
            ClaimsDeleted = claimsBefore.Except(claimsAfter, StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList(),
            MinimumDuration = TimeSpan.FromSeconds(waitedFor * (long)PerPodSeconds(next)),
            Risks = RolloutRisks.Of(baseline, next, report, replicas),
        };
    }

    /// <summary>The plan as a Markdown page (<c>&lt;name&gt;.plan.md</c>).</summary>
    public string ToMarkdown()
    {
        var page = new StringBuilder();
        page.Append("# Rollout plan: ").Append(Name).Append("\n\n");
        if (!Accepted)
        {
            page.Append("The API server rejects this change as an update of the released StatefulSet:\n\n");
            foreach (var error in Rejection)
            {
                page.Append("- ").Append(error).Append('\n');
            }

            return page.ToString();
        }

        page.Append(Converged ? "The model converges: every pod ends on the new revision.\n\n" : "The model does **not** converge with healthy pods; see the risks.\n\n");
        page.Append("## Pods, in the controller's order\n\n");
        if (PodSteps.Count == 0)
        {
            page.Append("No pod is replaced, created or deleted.\n");
        }
        else
        {
            for (var i = 0; i < PodSteps.Count; i++)
            {
                page.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(PodSteps[i]).Append('\n');
            }
        }

        page.Append("\nAt least ").Append(Format(MinimumDuration)).Append(" (each pod waited for: the probes' initial delay, then minReadySeconds; pulls, scheduling and termination come on top).\n");
        page.Append("\n## Claims\n\n");
        page.Append(ClaimsCreated.Count == 0 ? "- created: none\n" : "- created: " + string.Join(", ", ClaimsCreated) + "\n");
        page.Append(ClaimsDeleted.Count == 0 ? "- deleted: none\n" : "- deleted: " + string.Join(", ", ClaimsDeleted) + " (their volumes' data goes with them)\n");
        page.Append("\n## Risks\n\n");
        page.Append(Risks.Count == 0 ? "None the model can see.\n" : string.Concat(Risks.Select(r => "- " + r + "\n")));
        return page.ToString();
    }

    /// <summary>The pod writes of the passes, named for what they mean: a delete followed by a create of the same pod is a replacement.</summary>
    private static List<string> StepsOf(IEnumerable<PassReport> passes, StatefulSet? set)
    {
        var replicas = set?.Spec?.Replicas ?? 0;
        var start = set?.Spec?.Ordinals?.Start ?? 0;
        var steps = new List<string>();
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in passes.SelectMany(p => p.Actions).Where(a => a.Succeeded))
        {
            if (action.Kind == ControllerActionKind.DeletePod)
            {
                var ordinal = PodIdentity.ParseOrdinal(action.Target);
                if (ordinal >= start + replicas || ordinal < start)
                {
                    steps.Add("delete " + action.Target);
                }
                else
                {
                    deleted.Add(action.Target);
                }
            }
            else if (action.Kind == ControllerActionKind.CreatePod)
            {
                steps.Add((deleted.Remove(action.Target) ? "replace " : "create ") + action.Target);
            }
        }

        return steps;
    }

    private static int PerPodSeconds(StatefulSet set)
    {
        var containers = set.Spec?.Template?.Spec?.Containers ?? ValueList<Container>.Empty;
        var delay = containers.Select(c => Math.Max(c.StartupProbe?.InitialDelaySeconds ?? 0, c.ReadinessProbe?.InitialDelaySeconds ?? 0)).DefaultIfEmpty(0).Max();
        return delay + (set.Spec?.MinReadySeconds ?? 0);
    }

    private static string Format(TimeSpan duration)
    {
        var total = (long)duration.TotalSeconds;
        return total < 60
            ? total.ToString(CultureInfo.InvariantCulture) + "s"
            : (total / 60).ToString(CultureInfo.InvariantCulture) + "m" + (total % 60 == 0 ? string.Empty : (total % 60).ToString("00", CultureInfo.InvariantCulture) + "s");
    }
}
