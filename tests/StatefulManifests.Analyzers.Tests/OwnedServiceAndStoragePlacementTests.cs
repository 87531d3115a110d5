using StatefulManifests.Analyzers.Tests.Support;

namespace StatefulManifests.Analyzers.Tests;

/// <summary>
/// Findings in the client Services, backup CronJob and pre-provisioned storage the workload owns are placed on the
/// DSL call or argument that wrote the field.
/// </summary>
public sealed class OwnedServiceAndStoragePlacementTests
{
    [Fact]
    public Task An_exposed_client_service_is_reported_on_the_type_call() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            ".Replicas(3)", ".Replicas(3).ClientService(\"web-read\", s => s.Port(\"http\").{|SM3030:Type(ServiceType.LoadBalancer)|})"));

    [Fact]
    public Task A_bad_backup_schedule_is_reported_on_the_schedule_argument() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            ".Replicas(3)", ".Replicas(3).Backup(b => b.Schedule({|SM1002:\"61 * * * *\"|}).Image(\"busybox:1.36\"))"));

    [Fact]
    public Task A_bad_backup_time_zone_is_reported_on_the_time_zone_argument() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            ".Replicas(3)", ".Replicas(3).Backup(b => b.Schedule(\"0 3 * * *\").TimeZone({|SM1002:\"Mars/Olympus\"|}).Image(\"busybox:1.36\"))"));

    [Fact]
    public Task A_volume_reclaim_policy_that_erases_data_is_reported_on_the_call_that_made_the_volumes() =>
        WorkloadAnalyzerTest.VerifyMarkedIdsAsync(Declarations.CleanWith(
            ".Replicas(3)",
            ".Replicas(1).{|SM2050:PreProvisionedClaims(\"data\", s => s.Nfs(\"nfs.example.com\", \"/exports/{claim}\").ReclaimPolicy(PersistentVolumeReclaimPolicy.Delete))|}"));
}
