using StatefulManifests.Rules.Api;
using StatefulManifests.Rules.BestPractice;
using StatefulManifests.Rules.Reliability;
using StatefulManifests.Rules.Security;
using StatefulManifests.Rules.Usage;

namespace StatefulManifests.Rules;

/// <summary>Every model rule, in ID order. (SM0001/SM0002 are compiler-only; SM1xxx come from the validator and reader.)</summary>
internal static class RuleSet
{
    public static IReadOnlyList<WorkloadRule> All { get; } =
    [
        new DuplicateNamesRule(),
        new MissingVolumeRule(),
        new FieldNotInTargetVersionRule(),
        new FieldDroppedByFeatureGateRule(),
        new SelectorMatchesTemplateRule(),
        new ServiceNameMissingRule(),
        new ServiceNameMismatchRule(),
        new GoverningServiceHeadlessRule(),
        new ServiceSelectsPodsRule(),
        new DisruptionBudgetPresentRule(),
        new DisruptionBudgetSelectsPodsRule(),
        new DisruptionBudgetAllowsEvictionRule(),
        new PreProvisionedVolumeDeletesDataRule(),
        new BackupRunsOverlapRule(),
        new PreProvisionedClaimsMissingRule(),
        new BackupClaimOnOtherNodeRule(),
        new AutoscalerMinimumBlocksEvictionRule(),
        new AutoscalerDeletesClaimsRule(),
        new ReplicasFightAutoscalerRule(),
        new AutoscalerMetricWithoutRequestsRule(),
        new HostAntiAffinityRule(),
        new NameTooLongRule(),
        new VersionLabelInSelectorRule(),
        new RolloutWithoutReadinessRule(),
        new WhenScaledDeleteRule(),
        new MaxUnavailableRule(),
        new PartitionRule(),
        new ReadWriteOnceRule(),
        new ClaimStorageRequestRule(),
        new ReadinessProbeRule(),
        new LivenessProbeRule(),
        new IdenticalProbesRule(),
        new ProbePortRule(),
        new ConfigMapUnusedRule(),
        new RunAsNonRootRule(),
        new HighUserGroupIdRule(),
        new PrivilegedRule(),
        new PrivilegeEscalationRule(),
        new ReadOnlyRootFilesystemRule(),
        new HostPathVolumeRule(),
        new HostNamespaceRule(),
        new SecretInEnvRule(),
        new DropNetRawRule(),
        new DefaultServiceAccountRule(),
        new NodePortServiceRule(),
        new SecretInConfigMapRule(),
        new TokenWithoutRoleRule(),
        new WildcardRoleRule(),
        new SecretAccessRoleRule(),
        new ExposedClientServiceRule(),
        new PodNetworkPolicyRule(),
        new ImageTagRule(),
        new ImagePullPolicyRule(),
        new RequestsRule(),
        new MemoryLimitRule(),
        new CpuLimitRule(),
        new EphemeralStorageRule(),
        new ConfigChecksumRule(),
    ];
}
