using StatefulManifests.Tests.Support;
using Xunit.Abstractions;

namespace StatefulManifests.Tests.Owned;

/// <summary>
/// kubectl's strict client-side validation, served <see cref="KubernetesApiData"/>, knows every kind a workload
/// owns: a valid object of each passes, and for the group-versions derived from swagger.json (networking.k8s.io/v1,
/// autoscaling/v2, batch/v1) an unknown field and a wrongly typed field are rejected, so the derived data validates
/// for real rather than letting everything through. Skipped with a printed reason when ../shared, kubectl or
/// python3 is absent.
/// </summary>
public sealed class KubectlKnowsOwnedKindsTests(ITestOutputHelper output)
{
    private const string NetworkPolicy = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web
          namespace: shop
        spec:
          podSelector:
            matchLabels:
              app: web
          policyTypes: [Ingress]
          ingress:
            - from:
                - podSelector:
                    matchLabels:
                      app: web
              ports:
                - protocol: TCP
                  port: 80
        """;

    private const string HorizontalPodAutoscaler = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
          namespace: shop
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: StatefulSet
            name: web
          minReplicas: 3
          maxReplicas: 6
          metrics:
            - type: Resource
              resource:
                name: cpu
                target:
                  type: Utilization
                  averageUtilization: 70
        """;

    private const string CronJob = """
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: web-backup
          namespace: shop
        spec:
          schedule: "0 3 * * *"
          concurrencyPolicy: Forbid
          successfulJobsHistoryLimit: 3
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: backup
                      image: busybox:1.36
                      args: [sh, -c, "echo backup"]
        """;

    /// <summary>Each owned kind, valid; the first three only validate with the derived data.</summary>
    public static TheoryData<string, string> ValidObjects => new()
    {
        { "NetworkPolicy", NetworkPolicy },
        { "HorizontalPodAutoscaler", HorizontalPodAutoscaler },
        { "CronJob", CronJob },
        { "ConfigMap", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web-config
              namespace: shop
            data:
              app.conf: "listen 80"
            """ },
        { "ServiceAccount", """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: web
              namespace: shop
            automountServiceAccountToken: false
            """ },
        { "Role", """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: web
              namespace: shop
            rules:
              - apiGroups: [""]
                resources: [configmaps]
                verbs: [get, list, watch]
            """ },
        { "RoleBinding", """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: web
              namespace: shop
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: Role
              name: web
            subjects:
              - kind: ServiceAccount
                name: web
                namespace: shop
            """ },
        { "PersistentVolume", """
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              name: web-data-0
            spec:
              capacity:
                storage: 10Gi
              accessModes: [ReadWriteOnce]
              persistentVolumeReclaimPolicy: Retain
              storageClassName: standard
              hostPath:
                path: /data/web-0
            """ },
        { "PersistentVolumeClaim", """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data-web-0
              namespace: shop
            spec:
              accessModes: [ReadWriteOnce]
              storageClassName: standard
              resources:
                requests:
                  storage: 10Gi
            """ },
    };

    /// <summary>
    /// A wrong field in each derived group-version, and the text kubectl's verdict must contain (the field's own
    /// name), so a rejection for any other reason, such as an unknown kind, does not count.
    /// </summary>
    public static TheoryData<string, string, string> InvalidObjects => new()
    {
        { "NetworkPolicy unknown field", NetworkPolicy.Replace("  podSelector:\n    matchLabels:\n      app: web\n  policyTypes", "  podSelectr:\n    matchLabels:\n      app: web\n  policyTypes", StringComparison.Ordinal), "podSelectr" },
        { "NetworkPolicy wrong type", NetworkPolicy.Replace("policyTypes: [Ingress]", "policyTypes: Ingress", StringComparison.Ordinal), "policyTypes" },
        { "HorizontalPodAutoscaler unknown field", HorizontalPodAutoscaler.Replace("maxReplicas: 6", "maxReplicas: 6\n  maxReplica: 6", StringComparison.Ordinal), "maxReplica" },
        { "HorizontalPodAutoscaler wrong type", HorizontalPodAutoscaler.Replace("minReplicas: 3", "minReplicas: three", StringComparison.Ordinal), "minReplicas" },
        { "CronJob unknown field", CronJob.Replace("concurrencyPolicy: Forbid", "concurrencyPolicy: Forbid\n  schedul: \"0 4 * * *\"", StringComparison.Ordinal), "schedul" },
        { "CronJob wrong type", CronJob.Replace("successfulJobsHistoryLimit: 3", "successfulJobsHistoryLimit: three", StringComparison.Ordinal), "successfulJobsHistoryLimit" },
    };

    [Theory]
    [MemberData(nameof(ValidObjects))]
    public void Kubectl_accepts_a_valid_owned_object(string kind, string yaml)
    {
        if (Validate(kind, yaml) is not (var exitCode, var text))
        {
            return;
        }

        Assert.True(exitCode == 0, $"kubectl-validate rejected a valid {kind}:\n{text}");
        Assert.Contains("PASS ", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidObjects))]
    public void Kubectl_rejects_a_wrong_field_in_a_derived_group_version(string name, string yaml, string field)
    {
        Assert.NotEqual(ValidYamlFor(name), yaml); // the edit really happened
        if (Validate(name, yaml) is not (var exitCode, var text))
        {
            return;
        }

        Assert.True(exitCode == 1, $"kubectl-validate did not reject {name}:\n{text}");
        Assert.Contains("FAIL ", text, StringComparison.Ordinal);
        Assert.Contains(field, text, StringComparison.Ordinal);
        Assert.Contains("ValidationError(", text, StringComparison.Ordinal); // the schema pass itself, not only the typed decode
        Assert.DoesNotContain("no matches for kind", text, StringComparison.Ordinal);
    }

    private static string ValidYamlFor(string name) =>
        name.StartsWith("NetworkPolicy", StringComparison.Ordinal) ? NetworkPolicy
        : name.StartsWith("HorizontalPodAutoscaler", StringComparison.Ordinal) ? HorizontalPodAutoscaler
        : CronJob;

    /// <summary>kubectl-validate's verdict on the object, or null (the reason printed) when it cannot run.</summary>
    private (int ExitCode, string Text)? Validate(string name, string yaml)
    {
        output.WriteLine(name + ":");
        return KubectlValidate.Yaml(yaml + "\n", output);
    }
}
