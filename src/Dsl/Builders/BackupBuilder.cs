using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// Builds the backup CronJob of <see cref="StatefulSetBuilder.Backup"/> (seed 001's "database-backup"): a schedule
/// (validated as the API server does, see <c>CronSchedule</c>), an optional time zone, the backup container and the
/// claims it mounts — its own target claim and/or the claim of one ordinal of the set. Defaults: concurrency
/// Forbid (two backups of one database never overlap), restartPolicy OnFailure, history limits 3 and 1.
/// </summary>
public sealed class BackupBuilder : ModelBuilder<BackupBuilder, CronJob>
{
    internal const string ContainerName = "backup";

    internal BackupBuilder(CronJob model)
        : base(model, ValueList<LocalOrigin>.Empty)
    {
    }

    private BackupBuilder(CronJob model, ValueList<LocalOrigin> origins)
        : base(model, origins)
    {
    }

    /// <summary>The claim template and ordinal whose claim the backup reads (<see cref="SourceClaim"/>), or null.</summary>
    internal (string Template, int Ordinal, string MountPath)? Source { get; init; }

    /// <summary>Whether the backup pod is pinned to the node of the source ordinal's pod (default true).</summary>
    internal bool PinToSourceNode { get; init; } = true;

    /// <summary>Sets <c>spec.schedule</c> in cron syntax (five fields or <c>@daily</c> ...), e.g. <c>"0 3 * * *"</c>.</summary>
    public BackupBuilder Schedule(string schedule) => Set(RelativePath.Of("spec", "schedule"), m => m with { Spec = Spec(m) with { Schedule = schedule } });

    /// <summary>Sets <c>spec.timeZone</c>, a tz database name such as <c>"Etc/UTC"</c> (default: the controller manager's zone).</summary>
    public BackupBuilder TimeZone(string timeZone) => Set(RelativePath.Of("spec", "timeZone"), m => m with { Spec = Spec(m) with { TimeZone = timeZone } });

    /// <summary>Sets <c>spec.concurrencyPolicy</c> (default Forbid; Allow lets a slow backup overlap the next one).</summary>
    public BackupBuilder ConcurrencyPolicy(ConcurrencyPolicy policy) =>
        Set(RelativePath.Of("spec", "concurrencyPolicy"), m => m with { Spec = Spec(m) with { ConcurrencyPolicy = policy } });

    /// <summary>Sets how many finished Jobs are kept: <c>successfulJobsHistoryLimit</c> and <c>failedJobsHistoryLimit</c>.</summary>
    public BackupBuilder HistoryLimits(int successful, int failed) =>
        Set(RelativePath.Of("spec"), m => m with { Spec = Spec(m) with { SuccessfulJobsHistoryLimit = successful, FailedJobsHistoryLimit = failed } });

    /// <summary>Sets <c>spec.startingDeadlineSeconds</c>: a run missed by more than this is skipped.</summary>
    public BackupBuilder StartingDeadlineSeconds(long seconds) =>
        Set(RelativePath.Of("spec", "startingDeadlineSeconds"), m => m with { Spec = Spec(m) with { StartingDeadlineSeconds = seconds } });

    /// <summary>Sets the backup container's image.</summary>
    public BackupBuilder Image(string image) => SetContainer("image", c => c with { Image = image });

    /// <summary>Sets the backup container's command.</summary>
    public BackupBuilder Command(params string[] command) => SetContainer("command", c => c with { Command = ValueList.Of(command ?? []) });

    /// <summary>Sets the backup container's arguments.</summary>
    public BackupBuilder Args(params string[] args) => SetContainer("args", c => c with { Args = ValueList.Of(args ?? []) });

    /// <summary>Sets the Job pod's <c>restartPolicy</c> (default OnFailure; a Job accepts only OnFailure or Never).</summary>
    public BackupBuilder RestartPolicy(RestartPolicy policy) =>
        Set(RelativePath.Of("spec", "jobTemplate", "spec", "template", "spec", "restartPolicy"), m => WithPod(m, p => p with { RestartPolicy = policy }));

    /// <summary>
    /// Configures the backup container with the full container DSL — environment (a database password with
    /// <see cref="ContainerBuilder.EnvFromSecret"/>), resources, security context — as on the set's own containers.
    /// Mounts added by <see cref="TargetClaim"/> and <see cref="SourceClaim"/> are kept.
    /// </summary>
    /// <param name="configure">The container, e.g. <c>c =&gt; c.Requests(cpu: "100m", memory: "256Mi")</c>.</param>
    public BackupBuilder Container(Func<ContainerBuilder, ContainerBuilder> configure) =>
        Nest(
            PodSpecPath.Child("containers").Index(0),
            new ContainerBuilder(PodOf(Model, p => BackupContainer(p))),
            configure,
            (m, built) => WithPod(m, p => p with { Containers = ValueList.Of(built.Model) }));

    /// <summary>Configures the backup pod's <c>securityContext</c> (run as non-root, seccomp, fsGroup ...).</summary>
    /// <param name="configure">The pod security context.</param>
    public BackupBuilder SecurityContext(Func<PodSecurityContextBuilder, PodSecurityContextBuilder> configure) =>
        Nest(
            PodSpecPath.Child("securityContext"),
            new PodSecurityContextBuilder(PodOf(Model, p => p.SecurityContext) ?? new PodSecurityContext()),
            configure,
            (m, built) => WithPod(m, p => p with { SecurityContext = built.Model }));

    /// <summary>
    /// Adds labels to the backup pods (<c>spec.jobTemplate.spec.template.metadata.labels</c>), e.g. the label a
    /// NetworkPolicy admits as a client when the backup connects to the database over the network.
    /// </summary>
    /// <param name="labels">The labels.</param>
    public BackupBuilder PodLabels(params (string Key, string Value)[] labels) =>
        Set(RelativePath.Of("spec", "jobTemplate", "spec", "template", "metadata", "labels"), m => WithTemplate(m, t => t with
        {
            Metadata = (t.Metadata ?? new ObjectMeta()) with { Labels = ModelLists.SetPairs(t.Metadata?.Labels, labels) },
        }));

    /// <summary>
    /// Mounts an existing claim (the backup destination, e.g. seed 001's <c>backup-pvc</c>) at
    /// <paramref name="mountPath"/> as the volume <c>backup</c>.
    /// </summary>
    public BackupBuilder TargetClaim(string claimName, string mountPath = "/backup") =>
        // Recorded at its own volume's index: the source claim's volume is appended after it at build time, and a
        // finding about that one must land on SourceClaim (recorded at the whole list), not on this call.
        Set(
            PodSpecPath.Child("volumes").Index(PodOf(Model, p => p.Volumes?.Count ?? 0)),
            m => Mount(m, "backup", claimName, mountPath, readOnly: false));

    /// <summary>
    /// Mounts, read-only at <paramref name="mountPath"/>, the claim the set's controller makes for
    /// <paramref name="claimTemplate"/> at <paramref name="ordinal"/> (<c>&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;</c>).
    /// A ReadWriteOnce claim can only be mounted on the node it is attached to, so the backup pod gets a required
    /// pod affinity to that ordinal's pod (<c>statefulset.kubernetes.io/pod-name</c>) unless
    /// <paramref name="pinToPodNode"/> is false (for ReadWriteMany claims).
    /// </summary>
    public BackupBuilder SourceClaim(string claimTemplate, int ordinal = 0, string mountPath = "/data", bool pinToPodNode = true)
    {
        var recorded = Set(RelativePath.Of("spec", "jobTemplate", "spec", "template", "spec", "volumes"), m => m);
        return new BackupBuilder(recorded.Model, recorded.Origins) { Source = (claimTemplate, ordinal, mountPath), PinToSourceNode = pinToPodNode };
    }

    /// <inheritdoc />
    private protected override BackupBuilder With(CronJob model, ValueList<LocalOrigin> origins) =>
        new(model, origins) { Source = Source, PinToSourceNode = PinToSourceNode };

    private static readonly RelativePath PodSpecPath = RelativePath.Of("spec", "jobTemplate", "spec", "template", "spec");

    internal static CronJobSpec Spec(CronJob m) => m.Spec ?? new CronJobSpec();

    private static T PodOf<T>(CronJob m, Func<PodSpec, T> read) => read(m.Spec?.JobTemplate?.Spec?.Template?.Spec ?? new PodSpec());

    internal static CronJob WithPod(CronJob m, Func<PodSpec, PodSpec> update) =>
        WithTemplate(m, t => t with { Spec = update(t.Spec ?? new PodSpec()) });

    // The Job's pod template, created along the way when absent.
    private static CronJob WithTemplate(CronJob m, Func<PodTemplateSpec, PodTemplateSpec> update)
    {
        var spec = Spec(m);
        var job = spec.JobTemplate?.Spec ?? new JobSpec();
        return m with
        {
            Spec = spec with
            {
                JobTemplate = (spec.JobTemplate ?? new JobTemplateSpec()) with
                {
                    Spec = job with { Template = update(job.Template ?? new PodTemplateSpec()) },
                },
            },
        };
    }

    internal static CronJob Mount(CronJob m, string volume, string claimName, string mountPath, bool readOnly) => WithPod(m, p => p with
    {
        Volumes = (p.Volumes ?? ValueList<Volume>.Empty).Add(new Volume
        {
            Name = volume,
            PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = claimName, ReadOnly = readOnly ? true : null },
        }),
        Containers = ValueList.Of(BackupContainer(p) with
        {
            VolumeMounts = (BackupContainer(p).VolumeMounts ?? ValueList<VolumeMount>.Empty)
                .Add(new VolumeMount { Name = volume, MountPath = mountPath, ReadOnly = readOnly ? true : null }),
        }),
    });

    private BackupBuilder SetContainer(string field, Func<Container, Container> update) =>
        Set(RelativePath.Of("spec", "jobTemplate", "spec", "template", "spec", "containers").Index(0).Child(field),
            m => WithPod(m, p => p with { Containers = ValueList.Of(update(BackupContainer(p))) }));

    private static Container BackupContainer(PodSpec pod) => pod.Containers is { Count: > 0 } c ? c[0] : new Container { Name = ContainerName };
}
