using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>
/// SM2051–SM2053 (the backup CronJob and pre-provisioned claims) are placed on the DSL call or argument that caused
/// them: the concurrency policy's argument, the call that made too few claims, the call that mounted the claim.
/// </summary>
public sealed class BackupAndStoragePlacementTests
{
    [Fact]
    public Task Overlapping_backups_are_reported_on_the_concurrency_policy_argument() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            ".Replicas(3)",
            ".Replicas(3).Backup(b => b.Schedule(\"0 3 * * *\").Image(\"busybox:1.36\").ConcurrencyPolicy({|SM2051:ConcurrencyPolicy.Allow|}).TargetClaim(\"web-backups\"))"));

    [Fact]
    public Task A_claim_template_the_set_lacks_is_reported_once_on_the_template_name_argument() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            ".Replicas(3)",
            ".Replicas(3).PreProvisionedClaims({|SM1007:\"dta\"|}, s => s.Nfs(\"nfs.example.com\", \"/exports/{claim}\"))"));

    [Fact]
    public Task Too_few_pre_provisioned_claims_are_reported_on_the_call_that_made_them() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            ".Replicas(3)",
            ".Replicas(3).{|SM2052:PreProvisionedClaims(\"data\", s => s.Nfs(\"nfs.example.com\", \"/exports/{claim}\").Count(2))|}"));

    [Fact]
    public Task An_unpinned_read_write_once_source_claim_is_reported_on_the_source_claim_call_not_a_later_target_claim() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            "AccessMode.ReadWriteOncePod", "AccessMode.ReadWriteOnce",
            ".Replicas(3)",
            ".Replicas(3).Backup(b => b.Schedule(\"0 3 * * *\").Image(\"busybox:1.36\").{|SM2053:SourceClaim(\"data\", 1, pinToPodNode: false)|}.TargetClaim(\"web-backups\"))"));

    [Fact]
    public Task A_read_write_once_pod_source_claim_is_reported_on_the_source_claim_call() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            ".Replicas(3)",
            ".Replicas(3).Backup(b => b.Schedule(\"0 3 * * *\").Image(\"busybox:1.36\").TargetClaim(\"web-backups\").{|SM2053:SourceClaim(\"data\", 2)|})"));

    [Fact]
    public Task The_dsls_pinned_source_claim_on_a_read_write_once_claim_is_clean() =>
        WorkloadAnalyzerTest.VerifyNoneAsync(Declarations.CleanWith(
            "AccessMode.ReadWriteOncePod", "AccessMode.ReadWriteOnce",
            ".Replicas(3)",
            ".Replicas(3).Backup(b => b.Schedule(\"0 3 * * *\").Image(\"busybox:1.36\").SourceClaim(\"data\", 1).TargetClaim(\"web-backups\"))"), "SM2053");
}
