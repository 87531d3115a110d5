using StatefulManifests.Model;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;

namespace StatefulManifests.Tests.Owned;

/// <summary>The backup CronJob (issue #12 item 6, seed 001): DSL defaults, per-ordinal source claim, validation, round trip.</summary>
public sealed class BackupCronJobTests
{
    private static StatefulSetBuilder Db(Func<BackupBuilder, BackupBuilder> backup) =>
        Workload.StatefulSet("db")
            .Namespace("shop")
            .Replicas(3)
            .Container("postgres", c => c.Image("postgres:17").Mount("data", "/var/lib/postgresql/data"))
            .VolumeClaim("data", "10Gi")
            .Backup(backup);

    private static CronJob CronJobOf(StatefulWorkload workload) => workload.Owned.OfType<CronJob>().Single();

    [Fact]
    public void A_backup_mounting_an_ordinals_claim_is_pinned_to_that_pods_node_and_validates()
    {
        var workload = Db(b => b.Schedule("0 3 * * *").TimeZone("Etc/UTC").Image("postgres:17").Command("pg_dumpall")
            .SourceClaim("data", 1).TargetClaim("backup-pvc")).Build();

        var cronJob = CronJobOf(workload);
        Assert.Equal("db-backup", cronJob.Metadata!.Name);
        Assert.Equal("shop", cronJob.Metadata.Namespace);
        Assert.Equal(ConcurrencyPolicy.Forbid, cronJob.Spec!.ConcurrencyPolicy!.Value.Known);
        var pod = cronJob.Spec.JobTemplate!.Spec!.Template!.Spec!;
        Assert.Equal(RestartPolicy.OnFailure, pod.RestartPolicy!.Value.Known);
        Assert.Equal(new[] { "backup-pvc", "data-db-1" }, pod.Volumes!.Select(v => v.PersistentVolumeClaim!.ClaimName));
        var term = pod.Affinity!.PodAffinity!.RequiredDuringSchedulingIgnoredDuringExecution![0];
        Assert.Equal("db-1", term.LabelSelector!.MatchLabels!["statefulset.kubernetes.io/pod-name"]);
        Assert.Equal("kubernetes.io/hostname", term.TopologyKey);
        Assert.Empty(workload.Validate());
    }

    [Fact]
    public void The_rendered_yaml_reads_back_to_the_same_objects()
    {
        var workload = Db(b => b.Schedule("@daily").Image("busybox:1.36").SourceClaim("data")).Build();

        var read = ManifestYaml.Read(workload.ToYaml());

        Assert.Empty(read.Errors);
        Assert.Equal(workload.Documents, read.Documents);
    }

    [Theory]
    [InlineData("schedule", "spec.schedule")]
    [InlineData("tz-in-schedule", "spec.schedule")]
    [InlineData("timeZone", "spec.timeZone")]
    [InlineData("restartPolicy", "spec.jobTemplate.spec.template.spec.restartPolicy")]
    [InlineData("history", "spec.successfulJobsHistoryLimit")]
    [InlineData("deadline", "spec.startingDeadlineSeconds")]
    [InlineData("image", "spec.jobTemplate.spec.template.spec.containers[0].image")]
    public void The_api_servers_cronjob_rules_are_applied(string bad, string field)
    {
        Func<BackupBuilder, BackupBuilder> backup = b =>
        {
            b = b.Schedule(bad == "schedule" ? "61 * * * *" : bad == "tz-in-schedule" ? "CRON_TZ=Etc/UTC 0 3 * * *" : "0 3 * * *").Image(bad == "image" ? "" : "busybox:1.36");
            return bad switch
            {
                "timeZone" => b.TimeZone("Mars/Olympus"),
                "restartPolicy" => b.RestartPolicy(RestartPolicy.Always),
                "history" => b.HistoryLimits(-1, 1),
                "deadline" => b.StartingDeadlineSeconds(-5),
                _ => b,
            };
        };

        var errors = Db(backup).Build().Validate();

        Assert.Contains(errors, e => e.Path.ToString() == field && e.Object == "CronJob \"db-backup\"");
    }

    [Fact]
    public void A_name_longer_than_52_characters_is_rejected()
    {
        var name = new string('b', 53);
        var errors = Db(b => b.Schedule("0 3 * * *").Image("busybox:1.36")).Backup(b => b.Schedule("0 3 * * *").Image("busybox:1.36"), name).Build().Validate();

        Assert.Contains(errors, e => e.Path.ToString() == "metadata.name" && e.Detail.Contains("52", StringComparison.Ordinal));
    }

    [Fact]
    public void The_backup_container_pod_security_and_labels_use_the_full_dsl_and_keep_the_claim_mounts()
    {
        var workload = Db(b => b.Schedule("0 3 * * *").Image("postgres:17").TargetClaim("backup-pvc")
            .Container(c => c.EnvFromSecret("PGPASSWORD", "db-credentials", "password").Requests(cpu: "100m", memory: "256Mi"))
            .SecurityContext(s => s.RunAsNonRoot().RunAsUser(999))
            .PodLabels(("app.kubernetes.io/component", "backup"))
            .SourceClaim("data")).Build();

        var template = CronJobOf(workload).Spec!.JobTemplate!.Spec!.Template!;
        var container = Assert.Single(template.Spec!.Containers!);
        Assert.Equal("backup", container.Name);
        Assert.Equal("postgres:17", container.Image);
        Assert.Equal("db-credentials", container.Env![0].ValueFrom!.SecretKeyRef!.Name);
        Assert.Equal("256Mi", container.Resources!.Requests!["memory"].ToString());
        Assert.Equal(new[] { "/backup", "/data" }, container.VolumeMounts!.Select(m => m.MountPath));
        Assert.True(template.Spec.SecurityContext!.RunAsNonRoot);
        Assert.Equal("backup", template.Metadata!.Labels!["app.kubernetes.io/component"]);
        Assert.Empty(workload.Validate());
    }

    [Fact]
    public void A_bad_value_in_the_backup_container_is_a_validation_error_at_its_field()
    {
        var errors = Db(b => b.Schedule("0 3 * * *").Image("busybox:1.36").Container(c => c.Requests(memory: "lots"))).Build().Validate();

        Assert.Contains(errors, e => e.Path.ToString().StartsWith("spec.jobTemplate.spec.template.spec.containers[0].resources", StringComparison.Ordinal)
            && e.Object == "CronJob \"db-backup\"");
    }

    [Theory]
    [InlineData("Sometimes", "Unsupported value: \"Sometimes\"")]
    [InlineData("Always", "Unsupported value: \"Always\"")]
    public void A_restart_policy_a_job_rejects_is_reported_once(string policy, string expected)
    {
        var cronJob = CronJobOf(Db(b => b.Schedule("0 3 * * *").Image("busybox:1.36")).Build());
        var pod = cronJob.Spec!.JobTemplate!.Spec!.Template!;
        var bad = cronJob with
        {
            Spec = cronJob.Spec with
            {
                JobTemplate = cronJob.Spec.JobTemplate with
                {
                    Spec = cronJob.Spec.JobTemplate.Spec with { Template = pod with { Spec = pod.Spec! with { RestartPolicy = new EnumValue<RestartPolicy>(policy) } } },
                },
            },
        };

        var errors = OwnedObjectsValidator.ValidateObject(bad).Where(e => e.Path.ToString().EndsWith("restartPolicy", StringComparison.Ordinal)).ToList();

        var error = Assert.Single(errors);
        Assert.Equal("spec.jobTemplate.spec.template.spec.restartPolicy", error.Path.ToString());
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }
}
