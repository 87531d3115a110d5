using System.Globalization;
using StatefulManifests.Reconciliation;

namespace StatefulManifests.Cli.Simulate;

/// <summary>
/// One <c>--fault KIND[@PODS]</c> of <c>simulate</c>: a lasting kubelet fault (<see cref="PodFaults"/>) in force from
/// after creation, so the rollout that follows meets it. KIND is <c>never-ready</c>, <c>crash-loop</c>,
/// <c>image-pull-failure</c> or <c>unschedulable</c>; PODS is <c>new</c> (pods running the <c>--set-image</c> image, the
/// default when there is one), <c>all</c>, or ordinals (<c>0,2</c>).
/// </summary>
/// <param name="Kind">The fault, as written.</param>
/// <param name="Pods">Which pods it hits, as written (null: the default).</param>
internal sealed record FaultOption(string Kind, string? Pods)
{
    /// <summary>The kinds, as the option spells them.</summary>
    public static readonly string[] Kinds = ["never-ready", "crash-loop", "image-pull-failure", "unschedulable"];

    /// <summary>Reads one option value; null and a message when it is not one.</summary>
    public static FaultOption? Parse(string text, out string? problem)
    {
        problem = null;
        var at = text.IndexOf('@');
        var kind = at < 0 ? text : text.Substring(0, at);
        var pods = at < 0 ? null : text.Substring(at + 1);
        if (!Kinds.Contains(kind, StringComparer.Ordinal))
        {
            problem = "--fault " + text + ": unknown fault '" + kind + "' (expected " + string.Join(", ", Kinds) + ")";
            return null;
        }

        if (pods is not null && pods is not ("new" or "all") && !pods.Split(',').All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            problem = "--fault " + text + ": '" + pods + "' is not new, all or a list of ordinals (0,2)";
            return null;
        }

        return new FaultOption(kind, pods);
    }

    /// <summary>Puts the fault in force; false with a message when it needs a <c>--set-image</c> that is not there.</summary>
    public bool ApplyTo(StatefulSetSimulation simulation, string? newImage, out string? problem)
    {
        problem = null;
        var pods = Pods ?? (newImage is null ? "all" : "new");
        PodMatch match;
        if (pods == "new")
        {
            if (newImage is null)
            {
                problem = "--fault " + Kind + "@new needs --set-image (the new pods are those running its image)";
                return false;
            }

            match = PodMatch.Image(newImage);
        }
        else
        {
            match = pods == "all" ? PodMatch.All : PodMatch.Ordinals(pods.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray());
        }

        _ = Kind switch
        {
            "never-ready" => simulation.Faults.NeverReady(match),
            "crash-loop" => simulation.Faults.CrashLoop(match),
            "image-pull-failure" => simulation.Faults.ImagePullFailure(match),
            _ => simulation.Faults.Unschedulable(match),
        };
        return true;
    }
}
