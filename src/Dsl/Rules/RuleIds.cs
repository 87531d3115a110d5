namespace StatefulManifests.Rules;

/// <summary>
/// Every rule ID as a constant (for code fixes, suppressions and tests). The first digit is the category:
/// 0 DSL usage, 1 API validation, 2 reliability, 3 security, 4 best practice, 5 update safety (against a baseline).
/// </summary>
public static class RuleIds
{
#pragma warning disable CS1591 // each constant is documented by its descriptor in RuleCatalog (title, message, docs page)
    public const string DeclarationNotEvaluable = "SM0001";
    public const string DuplicateWorkloadName = "SM0002";
    public const string DuplicateName = "SM0003";
    public const string MountOfMissingVolume = "SM0004";
    public const string EnclosingTypeNotPartial = "SM0005";
    public const string NotAWorkloadDeclaration = "SM0006";
    public const string DeclarationThrows = "SM0007";
    public const string EnvironmentMismatch = "SM0008";
    public const string ManifestFileClash = "SM0020";

    public const string ApiRequired = "SM1001";
    public const string ApiInvalid = "SM1002";
    public const string ApiNotSupported = "SM1003";
    public const string ApiDuplicate = "SM1004";
    public const string ApiForbidden = "SM1005";
    public const string ApiTooLong = "SM1006";
    public const string ApiNotFound = "SM1007";
    public const string InvalidQuantity = "SM1008";
    public const string UnreadableManifest = "SM1009";
    public const string FieldNotInTargetVersion = "SM1010";
    public const string FieldDroppedByFeatureGate = "SM1011";
    public const string InvalidTargetCluster = "SM1012";

    public const string SelectorDoesNotMatchTemplate = "SM2001";
    public const string ServiceNameMissing = "SM2002";
    public const string ServiceNameNotGoverningService = "SM2003";
    public const string GoverningServiceNotHeadless = "SM2004";
    public const string ServiceSelectsNoPods = "SM2005";
    public const string NoDisruptionBudget = "SM2006";
    public const string DisruptionBudgetSelectsNoPods = "SM2007";
    public const string DisruptionBudgetBlocksEviction = "SM2008";
    public const string NoHostAntiAffinity = "SM2009";
    public const string NameTooLongForPods = "SM2010";
    public const string VersionLabelInSelector = "SM2011";
    public const string RolloutWithoutReadinessProbe = "SM2012";
    public const string WhenScaledDelete = "SM2013";
    public const string MaxUnavailableFeatureGated = "SM2014";
    public const string PartitionBlocksUpdate = "SM2015";
    public const string ReadWriteOnceClaim = "SM2016";
    public const string ClaimWithoutStorageRequest = "SM2017";
    public const string MissingReadinessProbe = "SM2018";
    public const string MissingLivenessProbe = "SM2019";
    public const string IdenticalProbes = "SM2020";
    public const string ProbePortNotDeclared = "SM2021";
    public const string DuplicateYamlKey = "SM2022";
    public const string ConfigMapUnused = "SM2030";
    public const string PreProvisionedVolumeDeletesData = "SM2050";
    public const string BackupRunsOverlap = "SM2051";
    public const string PreProvisionedClaimsMissing = "SM2052";
    public const string BackupClaimOnOtherNode = "SM2053";
    public const string AutoscalerMinimumBlocksEviction = "SM2060";
    public const string AutoscalerDeletesClaims = "SM2061";
    public const string ReplicasFightAutoscaler = "SM2062";
    public const string AutoscalerMetricWithoutRequests = "SM2063";

    public const string RunAsRoot = "SM3001";
    public const string LowUserOrGroupId = "SM3002";
    public const string PrivilegedContainer = "SM3003";
    public const string PrivilegeEscalation = "SM3004";
    public const string WritableRootFilesystem = "SM3005";
    public const string HostPathVolume = "SM3006";
    public const string HostNamespace = "SM3007";
    public const string SecretInEnvLiteral = "SM3008";
    public const string CapabilitiesNotDropped = "SM3009";
    public const string DefaultServiceAccount = "SM3010";
    public const string NodePortService = "SM3011";
    public const string SecretInConfigMap = "SM3020";
    public const string TokenMountedWithoutRole = "SM3021";
    public const string WildcardInRole = "SM3022";
    public const string RoleReadsSecrets = "SM3023";
    public const string ClientServiceExposed = "SM3030";
    public const string PodsWithoutNetworkPolicy = "SM3031";

    public const string ImageTagNotPinned = "SM4001";
    public const string ImagePullPolicyNotAlways = "SM4002";
    public const string MissingRequests = "SM4003";
    public const string MissingMemoryLimit = "SM4004";
    public const string MissingCpuLimit = "SM4005";
    public const string MissingEphemeralStorage = "SM4006";
    public const string ConfigChecksumMissing = "SM4020";

    public const string ForbiddenStatefulSetUpdate = "SM5001";
    public const string ClaimTemplateRemoved = "SM5002";
    public const string ClaimTemplateStorageChanged = "SM5003";
    public const string ScaleDownDeletesClaims = "SM5004";
    public const string ForbiddenServiceUpdate = "SM5005";
#pragma warning restore CS1591
}
