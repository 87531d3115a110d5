using StatefulManifests.Yaml;
using StatefulManifests.Model;
using StatefulManifests.Rules;
using StatefulManifests.Validation;
using static StatefulManifests.Tests.Rules.CleanWorkload;

namespace StatefulManifests.Tests.Rules;

/// <summary>SM2001-SM2021: the reliability rules (kube-score, kube-linter and StatefulSet pitfalls).</summary>
public class ReliabilityRuleTests
{
    private static StatefulSet WithLabels(ValueMap<string> selector, ValueMap<string> template, StatefulSet? from = null) =>
        WithSpec(
            s => s with
            {
                Selector = new LabelSelector { MatchLabels = selector },
                Template = s.Template! with { Metadata = new ObjectMeta { Labels = template } },
            },
            from);

    [Fact]
    public void SM2001_names_the_selector_requirements_the_template_labels_fail()
    {
        var set = WithSpec(s => s with
        {
            Selector = s.Selector! with
            {
                MatchExpressions = ValueList.Of(new LabelSelectorRequirement { Key = "tier", Operator = LabelSelectorOperator.In, Values = ValueList.Of("db") }),
            },
            Template = s.Template! with { Metadata = new ObjectMeta { Labels = ValueMap.Of(("app.kubernetes.io/name", "api")) } },
        });

        FindingAssert.Single(
            Lint(set),
            RuleIds.SelectorDoesNotMatchTemplate,
            "spec.template.metadata.labels",
            "spec.template.metadata.labels: the selector requires app.kubernetes.io/name=web, tier in (db) but the pod template labels are {app.kubernetes.io/name=api}; the API server rejects a StatefulSet whose selector does not match its template — make the template labels satisfy the selector");

        // A failed matchLabels pair may be wrong on either side: placed where the API server reports it.
        Assert.Equal("spec.template.metadata.labels", Lint(set).Single(f => f.RuleId == RuleIds.SelectorDoesNotMatchTemplate).PlacedAt.ToString());
    }

    [Fact]
    public void SM2001_blames_a_failed_expression_and_the_YAML_linter_points_at_its_line()
    {
        var yaml = ManifestYaml.Write(WithSpec(s => s with
        {
            Selector = s.Selector! with
            {
                MatchExpressions = ValueList.Of(
                    new LabelSelectorRequirement { Key = "canary", Operator = LabelSelectorOperator.DoesNotExist },
                    new LabelSelectorRequirement { Key = "tier", Operator = LabelSelectorOperator.In, Values = ValueList.Of("db") }),
            },
        }));
        var finding = Assert.Single(ManifestLinter.LintText(yaml, "web.yaml"), f => f.RuleId == RuleIds.SelectorDoesNotMatchTemplate);
        Assert.Equal("spec.selector.matchExpressions[1]", finding.PlacedAt.ToString());
        var lines = yaml.Split('\n');
        Assert.Contains("key: tier", lines[finding.Position!.Line - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void SM2001_does_not_fire_when_expressions_hold_or_the_selector_is_left_to_validation()
    {
        var matching = WithSpec(s => s with
        {
            Selector = s.Selector! with
            {
                MatchExpressions = ValueList.Of(
                    new LabelSelectorRequirement { Key = "tier", Operator = LabelSelectorOperator.NotIn, Values = ValueList.Of("cache") },
                    new LabelSelectorRequirement { Key = "canary", Operator = LabelSelectorOperator.DoesNotExist }),
            },
        });
        var empty = WithSpec(s => s with { Selector = new LabelSelector() });
        var missing = WithSpec(s => s with { Selector = null });

        FindingAssert.None(Lint(matching), RuleIds.SelectorDoesNotMatchTemplate);
        FindingAssert.None(Lint(empty), RuleIds.SelectorDoesNotMatchTemplate);
        FindingAssert.None(Lint(missing), RuleIds.SelectorDoesNotMatchTemplate);
    }

    [Fact]
    public void SM2001_replaces_the_api_error_at_the_template_labels()
    {
        var set = WithLabels(Labels, ValueMap.Of(("app", "other")));
        var rule = Lint(set).Where(f => f.RuleId == RuleIds.SelectorDoesNotMatchTemplate).ToList();
        var apiError = FieldError.Invalid(FieldPath.Root("spec").Child("template", "metadata", "labels"), "app=other", "`selector` does not match template `labels`");

        var merged = WorkloadLinter.Combine([(apiError, FindingSubject.StatefulSet)], rule);

        Assert.Equal([RuleIds.SelectorDoesNotMatchTemplate], merged.Select(f => f.RuleId));
    }

    [Fact]
    public void SM2002_fires_on_an_empty_service_name()
    {
        FindingAssert.Single(
            Lint(WithSpec(s => s with { ServiceName = "" }), withService: false),
            RuleIds.ServiceNameMissing,
            "spec.serviceName",
            "spec.serviceName: serviceName is empty, so the pods get no stable DNS names; set serviceName to a headless Service that selects the pods");
        FindingAssert.None(Lint(), RuleIds.ServiceNameMissing);
    }

    [Fact]
    public void SM2003_fires_when_service_name_names_another_service()
    {
        FindingAssert.Single(
            Lint(service: CleanService with { Metadata = new ObjectMeta { Name = "web-headless", Namespace = "shop" } }),
            RuleIds.ServiceNameNotGoverningService,
            "spec.serviceName",
            "spec.serviceName: serviceName \"web\" does not name the Service \"web-headless\"; point serviceName at the headless Service that governs the pods");
    }

    [Fact]
    public void SM2003_fires_when_the_service_is_in_another_namespace_but_not_when_its_namespace_is_unset()
    {
        FindingAssert.Single(
            Lint(service: CleanService with { Metadata = new ObjectMeta { Name = "web", Namespace = "other" } }),
            RuleIds.ServiceNameNotGoverningService,
            "spec.serviceName",
            "spec.serviceName: serviceName \"web\" does not name the Service \"web\" in namespace \"other\" (the StatefulSet is in \"shop\"); point serviceName at the headless Service that governs the pods");
        FindingAssert.None(Lint(service: CleanService with { Metadata = new ObjectMeta { Name = "web" } }), RuleIds.ServiceNameNotGoverningService);
    }

    [Fact]
    public void SM2004_fires_on_a_governing_service_with_a_cluster_ip()
    {
        FindingAssert.Single(
            Lint(service: CleanService with { Spec = CleanService.Spec! with { ClusterIP = "10.0.0.12" } }),
            RuleIds.GoverningServiceNotHeadless,
            "spec.clusterIP",
            "spec.clusterIP: governing Service \"web\" is not headless (clusterIP: 10.0.0.12); set clusterIP: None so each pod gets its own DNS record",
            FindingSubject.Service);
        FindingAssert.Single(
            Lint(service: CleanService with { Spec = CleanService.Spec! with { ClusterIP = null } }),
            RuleIds.GoverningServiceNotHeadless,
            "spec.clusterIP",
            "spec.clusterIP: governing Service \"web\" is not headless (clusterIP is not set, so it gets a virtual IP); set clusterIP: None so each pod gets its own DNS record",
            FindingSubject.Service);
        FindingAssert.None(Lint(withService: false), RuleIds.GoverningServiceNotHeadless);
    }

    [Fact]
    public void SM2005_fires_when_the_service_selects_other_pods_or_none()
    {
        FindingAssert.Single(
            Lint(service: CleanService with { Spec = CleanService.Spec! with { Selector = ValueMap.Of(("app", "other")) } }),
            RuleIds.ServiceSelectsNoPods,
            "spec.selector",
            "spec.selector: Service \"web\" selects {app=other}, so it does not select the StatefulSet's pods (labels {app.kubernetes.io/name=web}); make its selector match the pod template labels",
            FindingSubject.Service);
        FindingAssert.Single(
            Lint(service: CleanService with { Spec = CleanService.Spec! with { Selector = null } }),
            RuleIds.ServiceSelectsNoPods,
            "spec.selector",
            "spec.selector: Service \"web\" has no selector, so it does not select the StatefulSet's pods (labels {app.kubernetes.io/name=web}); make its selector match the pod template labels",
            FindingSubject.Service);
    }

    [Fact]
    public void SM2005_does_not_fire_when_the_selector_is_a_subset_of_the_pod_labels()
    {
        var set = WithLabels(Labels, Labels.SetItem("tier", "db"));

        FindingAssert.None(Lint(set), RuleIds.ServiceSelectsNoPods);
    }

    [Fact]
    public void SM2006_fires_on_replicated_sets_without_a_budget_only()
    {
        FindingAssert.Single(
            Lint(withBudget: false),
            RuleIds.NoDisruptionBudget,
            "spec.replicas",
            "spec.replicas: 3 replicas and no PodDisruptionBudget selects the pods; add one (e.g. maxUnavailable: 1) so node drains evict one replica at a time");
        FindingAssert.None(Lint(WithSpec(s => s with { Replicas = 1 }), withBudget: false), RuleIds.NoDisruptionBudget);
        FindingAssert.None(Lint(WithSpec(s => s with { Replicas = null }), withBudget: false), RuleIds.NoDisruptionBudget);
    }

    [Fact]
    public void SM2007_fires_when_the_budget_selects_other_pods_or_nothing()
    {
        FindingAssert.Single(
            Lint(budget: CleanBudget with { Spec = CleanBudget.Spec! with { Selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "other")) } } }),
            RuleIds.DisruptionBudgetSelectsNoPods,
            "spec.selector",
            "spec.selector: PodDisruptionBudget \"web\" selects app=other, so it protects none of the StatefulSet's pods (labels {app.kubernetes.io/name=web}); make its selector match the pod template labels",
            FindingSubject.PodDisruptionBudget);
        FindingAssert.Single(
            Lint(budget: CleanBudget with { Spec = CleanBudget.Spec! with { Selector = null } }),
            RuleIds.DisruptionBudgetSelectsNoPods,
            "spec.selector",
            "spec.selector: PodDisruptionBudget \"web\" has no selector (it selects nothing), so it protects none of the StatefulSet's pods (labels {app.kubernetes.io/name=web}); make its selector match the pod template labels",
            FindingSubject.PodDisruptionBudget);
    }

    [Fact]
    public void SM2007_does_not_fire_on_an_empty_selector_which_selects_every_pod_in_policy_v1()
    {
        FindingAssert.None(Lint(budget: CleanBudget with { Spec = CleanBudget.Spec! with { Selector = new LabelSelector() } }), RuleIds.DisruptionBudgetSelectsNoPods);
    }

    [Fact]
    public void SM2008_fires_on_budgets_that_allow_no_eviction()
    {
        FindingAssert.Single(
            Lint(budget: CleanBudget with { Spec = CleanBudget.Spec! with { MaxUnavailable = 0 } }),
            RuleIds.DisruptionBudgetBlocksEviction,
            "spec.maxUnavailable",
            "spec.maxUnavailable: maxUnavailable: 0 allows no voluntary eviction of the 3 replicas, so node drains block until someone intervenes; allow at least one disruption (e.g. maxUnavailable: 1)",
            FindingSubject.PodDisruptionBudget);
        FindingAssert.Single(
            Lint(budget: CleanBudget with { Spec = CleanBudget.Spec! with { MaxUnavailable = null, MinAvailable = "100%" } }),
            RuleIds.DisruptionBudgetBlocksEviction,
            "spec.minAvailable",
            "spec.minAvailable: minAvailable: 100% allows no voluntary eviction of the 3 replicas, so node drains block until someone intervenes; allow at least one disruption (e.g. maxUnavailable: 1)",
            FindingSubject.PodDisruptionBudget);
    }

    [Theory]
    [InlineData(null, "2")]
    [InlineData(null, "66%")]
    [InlineData("10%", null)]
    [InlineData("1", null)]
    public void SM2008_does_not_fire_when_one_eviction_is_allowed(string? maxUnavailable, string? minAvailable)
    {
        static IntOrString? Parse(string? v) => v is null ? null : int.TryParse(v, out var n) ? n : v;
        var budget = CleanBudget with { Spec = CleanBudget.Spec! with { MaxUnavailable = Parse(maxUnavailable), MinAvailable = Parse(minAvailable) } };

        FindingAssert.None(Lint(budget: budget), RuleIds.DisruptionBudgetBlocksEviction);
    }

    [Fact]
    public void SM2009_fires_without_any_host_anti_affinity()
    {
        FindingAssert.Single(
            Lint(WithPod(p => p with { Affinity = null })),
            RuleIds.NoHostAntiAffinity,
            "spec.template.spec.affinity.podAntiAffinity",
            "spec.template.spec.affinity.podAntiAffinity: no podAntiAffinity term uses topologyKey kubernetes.io/hostname; the 3 replicas may land on one node and fail together — add a podAntiAffinity term with topologyKey kubernetes.io/hostname whose labelSelector matches the pod labels {app.kubernetes.io/name=web}");
    }

    [Fact]
    public void SM2009_points_at_a_host_anti_affinity_selector_that_misses_the_pods()
    {
        var term = new PodAffinityTerm
        {
            TopologyKey = "kubernetes.io/hostname",
            LabelSelector = new LabelSelector
            {
                MatchExpressions = ValueList.Of(new LabelSelectorRequirement { Key = "app", Operator = LabelSelectorOperator.In, Values = ValueList.Of("web") }),
            },
        };
        var set = WithPod(p => p with { Affinity = new Affinity { PodAntiAffinity = new PodAntiAffinity { RequiredDuringSchedulingIgnoredDuringExecution = ValueList.Of(term) } } });

        FindingAssert.Single(
            Lint(set),
            RuleIds.NoHostAntiAffinity,
            "spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector",
            "spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector: the host anti-affinity term selects app in (web), which the pods do not match; the 3 replicas may land on one node and fail together — add a podAntiAffinity term with topologyKey kubernetes.io/hostname whose labelSelector matches the pod labels {app.kubernetes.io/name=web}");
    }

    [Fact]
    public void SM2009_does_not_count_a_zone_term_but_accepts_a_hostname_spread_constraint_and_single_replicas()
    {
        var zoneOnly = WithPod(p => p with
        {
            Affinity = new Affinity
            {
                PodAntiAffinity = new PodAntiAffinity
                {
                    RequiredDuringSchedulingIgnoredDuringExecution = ValueList.Of(new PodAffinityTerm { TopologyKey = "topology.kubernetes.io/zone", LabelSelector = new LabelSelector { MatchLabels = Labels } }),
                },
            },
        });
        var spread = WithPod(p => p with
        {
            Affinity = null,
            TopologySpreadConstraints = ValueList.Of(new TopologySpreadConstraint
            {
                MaxSkew = 1,
                TopologyKey = "kubernetes.io/hostname",
                WhenUnsatisfiable = WhenUnsatisfiable.DoNotSchedule,
                LabelSelector = new LabelSelector { MatchLabels = Labels },
            }),
        });

        Assert.Single(FindingAssert.Of(Lint(zoneOnly), RuleIds.NoHostAntiAffinity));
        FindingAssert.None(Lint(spread), RuleIds.NoHostAntiAffinity);
        FindingAssert.None(Lint(WithPod(p => p with { Affinity = null }, WithSpec(s => s with { Replicas = 1 }))), RuleIds.NoHostAntiAffinity);
    }

    [Fact]
    public void SM2010_fires_above_52_characters_only()
    {
        var name = new string('a', 30) + "-" + new string('b', 22); // 53
        FindingAssert.Single(
            Lint(WithMetadata(m => m with { Name = name })),
            RuleIds.NameTooLongForPods,
            "metadata.name",
            $"metadata.name: StatefulSet name \"{name}\" has 53 characters; above 52 its controller-revision-hash label exceeds 63 characters and no pod can ever be created — shorten the name to 52 characters or fewer");
        FindingAssert.None(Lint(WithMetadata(m => m with { Name = name.Substring(1) })), RuleIds.NameTooLongForPods);
    }

    [Fact]
    public void SM2010_is_the_only_finding_for_a_long_name_the_API_server_accepts()
    {
        var name = new string('a', 60);
        var findings = Lint(WithMetadata(m => m with { Name = name }));
        Assert.Single(FindingAssert.Of(findings, RuleIds.NameTooLongForPods));
        Assert.DoesNotContain(findings, f => f.RuleId.StartsWith("SM1", StringComparison.Ordinal) && f.Path.ToString() == "metadata.name");
    }

    [Fact]
    public void SM2010_measures_a_generated_name_with_its_random_suffix()
    {
        var prefix = new string('w', 48) + "-";
        FindingAssert.Single(
            Lint(WithMetadata(m => m with { Name = null, GenerateName = prefix })),
            RuleIds.NameTooLongForPods,
            "metadata.generateName",
            $"metadata.generateName: StatefulSet name \"{prefix}\" has 54 characters; above 52 its controller-revision-hash label exceeds 63 characters and no pod can ever be created — shorten the name to 52 characters or fewer");
        FindingAssert.None(Lint(WithMetadata(m => m with { Name = null, GenerateName = new string('w', 46) + "-" })), RuleIds.NameTooLongForPods);
    }

    [Fact]
    public void SM2011_fires_on_a_version_label_in_the_selector()
    {
        var labels = Labels.SetItem("version", "v2");

        FindingAssert.Single(
            Lint(WithLabels(labels, labels)),
            RuleIds.VersionLabelInSelector,
            "spec.selector.matchLabels[version]",
            "spec.selector.matchLabels[version]: selector label version=v2 looks like a version; the selector is immutable, so an upgrade cannot change it — keep only stable identity labels in the selector and put the version on the template labels");
    }

    [Fact]
    public void SM2011_fires_on_a_version_in_a_selector_expression()
    {
        var set = WithSpec(s => s with
        {
            Selector = s.Selector! with
            {
                MatchExpressions = ValueList.Of(new LabelSelectorRequirement { Key = "release", Operator = LabelSelectorOperator.In, Values = ValueList.Of("redis-4.12.0") }),
            },
            Template = s.Template! with { Metadata = new ObjectMeta { Labels = Labels.SetItem("release", "redis-4.12.0") } },
        });

        FindingAssert.Single(
            Lint(set),
            RuleIds.VersionLabelInSelector,
            "spec.selector.matchExpressions[0]",
            "spec.selector.matchExpressions[0]: selector label release in (redis-4.12.0) looks like a version; the selector is immutable, so an upgrade cannot change it — keep only stable identity labels in the selector and put the version on the template labels");
    }

    [Theory]
    [InlineData("app.kubernetes.io/version", "stable", true)]
    [InlineData("helm.sh/chart", "redis", true)]
    [InlineData("controller-revision-hash", "web-7d9f", true)]
    [InlineData("track", "v1", true)]
    [InlineData("track", "1.2.3", true)]
    [InlineData("track", "v1.2-rc1", true)]
    [InlineData("chart-release", "mysql-8.0", true)]
    [InlineData("app", "web", false)]
    [InlineData("zone", "zone-a", false)]
    [InlineData("storage", "persistent", false)]
    [InlineData("shard", "1", false)]
    [InlineData("name", "test-app-zone-a", false)]
    [InlineData("app.kubernetes.io/name", "thanos-receive", false)]
    public void SM2011_recognises_version_like_labels(string key, string value, bool expected)
    {
        Assert.Equal(expected, StatefulManifests.Rules.Reliability.VersionLabelInSelectorRule.IsVersionLike(key, [value]));
    }

    [Fact]
    public void SM2012_fires_for_ordered_rolling_updates_without_readiness_probe()
    {
        var set = WithContainer(c => c with { ReadinessProbe = null });

        FindingAssert.Single(
            Lint(set),
            RuleIds.RolloutWithoutReadinessProbe,
            "spec.template.spec.containers[0].readinessProbe",
            "spec.template.spec.containers[0].readinessProbe: no container has a readinessProbe while the set uses OrderedReady pods with RollingUpdate; a revision that runs but does not work rolls out to every pod, and one that never becomes Ready stalls the rollout until the stuck pod is deleted by hand — add a readinessProbe");
        FindingAssert.None(Lint(set), RuleIds.MissingReadinessProbe);
    }

    [Fact]
    public void SM2012_does_not_fire_for_parallel_or_on_delete_sets()
    {
        var parallel = WithSpec(s => s with { PodManagementPolicy = PodManagementPolicy.Parallel }, WithContainer(c => c with { ReadinessProbe = null }));
        var onDelete = WithSpec(s => s with { UpdateStrategy = new StatefulSetUpdateStrategy { Type = UpdateStrategyType.OnDelete } }, WithContainer(c => c with { ReadinessProbe = null }));

        FindingAssert.None(Lint(parallel), RuleIds.RolloutWithoutReadinessProbe);
        FindingAssert.None(Lint(onDelete), RuleIds.RolloutWithoutReadinessProbe);
    }

    [Fact]
    public void SM2013_fires_on_when_scaled_delete_with_claims()
    {
        var policy = new StatefulSetPersistentVolumeClaimRetentionPolicy { WhenDeleted = ClaimRetentionPolicy.Delete, WhenScaled = ClaimRetentionPolicy.Delete };

        FindingAssert.Single(
            Lint(WithSpec(s => s with { PersistentVolumeClaimRetentionPolicy = policy })),
            RuleIds.WhenScaledDelete,
            "spec.persistentVolumeClaimRetentionPolicy.whenScaled",
            "spec.persistentVolumeClaimRetentionPolicy.whenScaled: whenScaled: Delete deletes a replica's claims when the set scales down, and scaling back up before the garbage collector is done loses their data; use Retain unless the data is disposable");
        FindingAssert.None(Lint(WithSpec(s => s with { PersistentVolumeClaimRetentionPolicy = policy with { WhenScaled = ClaimRetentionPolicy.Retain } })), RuleIds.WhenScaledDelete);
    }

    [Fact]
    public void SM2014_fires_on_max_unavailable()
    {
        var strategy = new StatefulSetUpdateStrategy { Type = UpdateStrategyType.RollingUpdate, RollingUpdate = new RollingUpdateStatefulSetStrategy { MaxUnavailable = 2 } };

        FindingAssert.Single(
            Lint(WithSpec(s => s with { UpdateStrategy = strategy })),
            RuleIds.MaxUnavailableFeatureGated,
            "spec.updateStrategy.rollingUpdate.maxUnavailable",
            "spec.updateStrategy.rollingUpdate.maxUnavailable: maxUnavailable needs the MaxUnavailableStatefulSet feature gate, which is off by default in Kubernetes 1.36; the API server silently drops the field and updates go one pod at a time — remove it or make sure the gate is on");
        FindingAssert.None(Lint(WithSpec(s => s with { UpdateStrategy = strategy with { RollingUpdate = new RollingUpdateStatefulSetStrategy { Partition = 1 } } })), RuleIds.MaxUnavailableFeatureGated);
    }

    [Fact]
    public void SM2015_fires_when_the_partition_is_not_below_replicas()
    {
        StatefulSet WithPartition(int partition, int replicas) => WithSpec(s => s with
        {
            Replicas = replicas,
            UpdateStrategy = new StatefulSetUpdateStrategy { RollingUpdate = new RollingUpdateStatefulSetStrategy { Partition = partition } },
        });

        FindingAssert.Single(
            Lint(WithPartition(3, 3)),
            RuleIds.PartitionBlocksUpdate,
            "spec.updateStrategy.rollingUpdate.partition",
            "spec.updateStrategy.rollingUpdate.partition: partition 3 is not below replicas (3), so a template change updates no pod; lower the partition to roll the update out");
        FindingAssert.None(Lint(WithPartition(2, 3)), RuleIds.PartitionBlocksUpdate);
        FindingAssert.None(Lint(WithPartition(0, 0)), RuleIds.PartitionBlocksUpdate);
    }

    [Fact]
    public void SM2016_fires_on_read_write_once_claims()
    {
        var set = WithClaim(c => c with { Spec = c.Spec! with { AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadWriteOnce) } });

        FindingAssert.Single(
            Lint(set),
            RuleIds.ReadWriteOnceClaim,
            "spec.volumeClaimTemplates[0].spec.accessModes[0]",
            "spec.volumeClaimTemplates[0].spec.accessModes[0]: claim template \"data\" uses ReadWriteOnce, which lets every pod on the same node mount the volume; use ReadWriteOncePod to guarantee a single writer");
        FindingAssert.None(Lint(WithClaim(c => c with { Spec = c.Spec! with { AccessModes = ValueList.Of<EnumValue<AccessMode>>(AccessMode.ReadOnlyMany) } })), RuleIds.ReadWriteOnceClaim);
    }

    [Fact]
    public void SM2017_fires_on_a_claim_template_without_storage_and_replaces_the_api_error()
    {
        var set = WithClaim(c => c with { Spec = c.Spec! with { Resources = null } });
        var findings = Lint(set);

        var finding = FindingAssert.Single(
            findings,
            RuleIds.ClaimWithoutStorageRequest,
            "spec.volumeClaimTemplates[0].spec.resources[storage]",
            "spec.volumeClaimTemplates[0].spec.resources[storage]: claim template \"data\" requests no storage; Kubernetes 1.34+ rejects it and older clusters fail to create its claims — set resources.requests.storage (e.g. 10Gi)");
        var merged = WorkloadLinter.Combine([(FieldError.Required(finding.Path), FindingSubject.StatefulSet)], [finding]);
        Assert.Equal([RuleIds.ClaimWithoutStorageRequest], merged.Select(f => f.RuleId));
    }

    [Fact]
    public void SM2018_fires_for_parallel_pods_a_service_targets_without_readiness()
    {
        var set = WithSpec(s => s with { PodManagementPolicy = PodManagementPolicy.Parallel }, WithContainer(c => c with { ReadinessProbe = null }));

        FindingAssert.Single(
            Lint(set),
            RuleIds.MissingReadinessProbe,
            "spec.template.spec.containers[0].readinessProbe",
            "spec.template.spec.containers[0].readinessProbe: no container has a readinessProbe, so the Service sends traffic to pods that have not finished starting; add a readinessProbe");
        FindingAssert.None(Lint(set, withService: false), RuleIds.MissingReadinessProbe);
    }

    [Fact]
    public void SM2019_fires_when_there_is_readiness_but_no_liveness_probe()
    {
        FindingAssert.Single(
            Lint(WithContainer(c => c with { LivenessProbe = null })),
            RuleIds.MissingLivenessProbe,
            "spec.template.spec.containers[0].livenessProbe",
            "spec.template.spec.containers[0].livenessProbe: no container has a livenessProbe, so a deadlocked process is never restarted; add one if the application can hang without exiting");
        FindingAssert.None(Lint(WithContainer(c => c with { LivenessProbe = null, ReadinessProbe = null })), RuleIds.MissingLivenessProbe);
    }

    [Fact]
    public void SM2020_fires_when_liveness_repeats_the_readiness_check()
    {
        FindingAssert.Single(
            Lint(WithContainer(c => c with { LivenessProbe = c.ReadinessProbe! with { PeriodSeconds = 30 } })),
            RuleIds.IdenticalProbes,
            "spec.template.spec.containers[0].livenessProbe",
            "spec.template.spec.containers[0].livenessProbe: container \"web\" uses the same check for liveness and readiness, so a pod that is only busy gets restarted; make the liveness probe check only that the process is alive");
    }

    [Fact]
    public void SM2020_compares_handlers_of_every_kind()
    {
        Probe Exec(params string[] command) => new() { Exec = new ExecAction { Command = ValueList.Of(command) } };
        Probe Tcp(IntOrString port) => new() { TcpSocket = new TCPSocketAction { Port = port } };

        Assert.True(StatefulManifests.Rules.Support.Probes.SameCheck(Exec("sh", "-c", "ready"), Exec("sh", "-c", "ready")));
        Assert.False(StatefulManifests.Rules.Support.Probes.SameCheck(Exec("sh", "-c", "ready"), Exec("sh", "-c", "alive")));
        Assert.True(StatefulManifests.Rules.Support.Probes.SameCheck(Tcp(5432), Tcp(5432)));
        Assert.False(StatefulManifests.Rules.Support.Probes.SameCheck(Tcp(5432), Tcp("pg")));
        Assert.False(StatefulManifests.Rules.Support.Probes.SameCheck(Tcp(5432), Exec("pg_isready")));
    }

    [Fact]
    public void SM2021_fires_on_a_probe_of_an_undeclared_port_name()
    {
        var set = WithContainer(c => c with
        {
            ReadinessProbe = new Probe { HttpGet = new HTTPGetAction { Path = "/ready", Port = "metrics" } },
            StartupProbe = new Probe { TcpSocket = new TCPSocketAction { Port = 9090 } },
        });

        FindingAssert.Single(
            Lint(set),
            RuleIds.ProbePortNotDeclared,
            "spec.template.spec.containers[0].readinessProbe.httpGet.port",
            "spec.template.spec.containers[0].readinessProbe.httpGet.port: the readinessProbe of container \"web\" targets port \"metrics\", which the container does not declare (declared: http), so the probe always fails; use a declared port name or a number");
    }
}
