using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>The backup CronJob the workload owns (issue #12 item 6).</summary>
public sealed partial class StatefulSetBuilder
{
    private const string HostnameTopologyKey = "kubernetes.io/hostname";

    /// <summary>
    /// Adds a backup CronJob (<c>batch/v1</c>), named <c>&lt;set&gt;-backup</c> unless <paramref name="name"/> says
    /// otherwise, in the set's namespace: see <see cref="BackupBuilder"/> for the schedule, container and claims. A
    /// bad schedule or time zone is reported by <see cref="StatefulWorkload.Validate()"/> at the call that set it.
    /// </summary>
    /// <param name="configure">The schedule, container and claims.</param>
    /// <param name="name">The CronJob's name (at most 52 characters: each Job appends a suffix).</param>
    public StatefulSetBuilder Backup(Func<BackupBuilder, BackupBuilder> configure, string? name = null)
    {
        var cronJobName = string.IsNullOrEmpty(name) ? draft.Name + "-backup" : name!;
        var seed = new BackupBuilder(BackupBuilder.WithPod(
            new CronJob
            {
                Metadata = new ObjectMeta { Name = cronJobName },
                Spec = new CronJobSpec
                {
                    ConcurrencyPolicy = Model.ConcurrencyPolicy.Forbid,
                    SuccessfulJobsHistoryLimit = 3,
                    FailedJobsHistoryLimit = 1,
                },
            },
            p => p with
            {
                RestartPolicy = Model.RestartPolicy.OnFailure,
                Containers = ValueList.Of(new Container { Name = BackupBuilder.ContainerName }),
            }));
        var built = Nested.Run(seed, configure);
        var subject = OwnedObjects.Subject("CronJob", cronJobName);
        var nested = ((INestedBuilder)built).Origins.Select(o => o.Resolve(FieldPath.Document, WorkloadDocument.Owned));
        return AddOwned(subject, context => Complete(built, context), nested);
    }

    // The source claim is named and the pod pinned from the finished set (its name and claim templates).
    private static CronJob Complete(BackupBuilder built, OwnedContext context)
    {
        var cronJob = built.Model with { Metadata = context.InNamespace(built.Model.Metadata) };
        if (built.Source is not { } source)
        {
            return cronJob;
        }

        var pod = StatefulSetNames.PodName(context.Name, source.Ordinal);
        cronJob = BackupBuilder.Mount(cronJob, source.Template, StatefulSetNames.ClaimName(source.Template, pod), source.MountPath, readOnly: true);
        if (!built.PinToSourceNode)
        {
            return cronJob;
        }

        return BackupBuilder.WithPod(cronJob, p => p with
        {
            Affinity = (p.Affinity ?? new Affinity()) with
            {
                PodAffinity = new PodAffinity
                {
                    RequiredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new PodAffinityTerm
                    {
                        LabelSelector = new LabelSelector { MatchLabels = ValueMap.Of((Reconciliation.WellKnownLabels.PodName, pod)) },
                        TopologyKey = HostnameTopologyKey,
                    }),
                },
            },
        });
    }
}
