using StatefulManifests.Model;
using StatefulManifests.Validation;
using StatefulManifests.Yaml;

namespace StatefulManifests.Tests.Yaml;

/// <summary>The YAML reader: kubectl's reading of scalars, every problem reported with path and position.</summary>
public sealed class YamlReaderTests
{
    private static StatefulSet ReadStatefulSet(string yaml, out IReadOnlyList<FieldError> errors)
    {
        var result = ManifestYaml.Read(yaml, "test.yaml");
        errors = result.Errors;
        return Assert.IsType<StatefulSet>(Assert.Single(result.Documents));
    }

    private static string Where(FieldError error) => error.Path + " @" + error.Position?.Line + ":" + error.Position?.Column;

    [Fact]
    public void Reports_unknown_fields_with_path_and_position_and_keeps_the_rest()
    {
        var set = ReadStatefulSet(
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
            spec:
              replicas: 3
              replica: 2
              template:
                spec:
                  containers:
                  - name: a
                    imagePullPolice: Always
            """,
            out var errors);

        Assert.Equal(["spec.replica @7:3", "spec.template.spec.containers[0].imagePullPolice @12:9"], errors.Select(Where));
        Assert.All(errors, e => Assert.Contains("unknown field", e.Detail, StringComparison.Ordinal));
        Assert.Equal("test.yaml(7,3): spec.replica: Invalid value: \"replica\": unknown field (not part of the Kubernetes API schema this model follows)", errors[0].ToString());
        Assert.Equal(3, set.Spec!.Replicas);
        Assert.Equal("a", set.Spec.Template!.Spec!.Containers![0].Name);
    }

    [Fact]
    public void Reports_values_of_the_wrong_type_all_at_once_keeping_their_text()
    {
        var set = ReadStatefulSet(
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
              labels:
                enabled: true
            spec:
              replicas: "3"
              minReadySeconds: 1.5
              template:
                spec:
                  containers:
                  - name: a
                    env:
                    - name: PORT
                      value: 8080
                    volumeMounts:
                    - name: v
                      mountPath: /v
                      readOnly: "true"
                    ports: {containerPort: 80}
            """,
            out var errors);

        Assert.Equal(
            [
                "metadata.labels[enabled] @6:14",
                "spec.replicas @8:13",
                "spec.minReadySeconds @9:20",
                "spec.template.spec.containers[0].env[0].value @16:18",
                "spec.template.spec.containers[0].volumeMounts[0].readOnly @20:21",
                "spec.template.spec.containers[0].ports @21:16",
            ],
            errors.Select(Where));
        Assert.Contains("expected a string, but kubectl reads this unquoted value as a boolean; quote it", errors[0].Detail, StringComparison.Ordinal);
        Assert.Equal("expected a 32-bit integer, got a string", errors[1].Detail);
        Assert.Equal("expected a 32-bit integer, got out of range or not whole", errors[2].Detail);
        Assert.Contains("as an integer; quote it", errors[3].Detail, StringComparison.Ordinal);
        Assert.Equal("expected a boolean (true or false), got a string", errors[4].Detail);
        Assert.Equal("expected a list", errors[5].Detail);
        Assert.Equal("true", set.Metadata!.Labels!["enabled"]);
        Assert.Equal("8080", set.Spec!.Template!.Spec!.Containers![0].Env![0].Value);
    }

    [Fact]
    public void Reads_plain_scalars_as_kubectl_does()
    {
        var set = ReadStatefulSet(
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
              labels: {on: "x", y: "1", "on": "2"}
            spec:
              replicas: 0x3
              minReadySeconds: 1_0
              revisionHistoryLimit: 0o7
              template:
                spec:
                  terminationGracePeriodSeconds: 3.0
                  activeDeadlineSeconds: 0b11
                  hostNetwork: yes
                  hostPID: off
                  containers:
                  - name: a
                    resources: {requests: {cpu: 0.5, memory: 1e3}, limits: {cpu: 2, memory: " 1Gi "}}
                  volumes:
                  - name: v
                    configMap: {name: c, defaultMode: 0755}
                  - name: w
                    configMap: {name: c, defaultMode: +0644}
                  - name: x
                    configMap: {name: c, defaultMode: 08}
            """,
            out var errors);

        // on: and y: are both the key "true" to kubectl, which keeps the last silently; the lost one is reported.
        Assert.Equal("metadata.labels[true] @5:12", Where(Assert.Single(errors)));
        Assert.Equal(ValueMap.Of(("on", "2"), ("true", "1")), set.Metadata!.Labels);
        Assert.Equal(3, set.Spec!.Replicas);
        Assert.Equal(10, set.Spec.MinReadySeconds);
        Assert.Equal(7, set.Spec.RevisionHistoryLimit);
        var pod = set.Spec.Template!.Spec!;
        Assert.Equal(3, pod.TerminationGracePeriodSeconds);
        Assert.Equal(3, pod.ActiveDeadlineSeconds);
        Assert.True(pod.HostNetwork);
        Assert.False(pod.HostPID);
        Assert.Equal([493, 420, 8], pod.Volumes!.Select(v => v.ConfigMap!.DefaultMode!.Value)); // octal, as kubectl reads it
        var resources = pod.Containers![0].Resources!;
        Assert.Equal("500m", resources.Requests!["cpu"].ToString());
        Assert.Equal("1k", resources.Requests["memory"].ToString());
        Assert.Equal("2", resources.Limits!["cpu"].ToString());
        Assert.Equal("1Gi", resources.Limits["memory"].ToString()); // Kubernetes' decoder trims a quantity string
    }

    [Fact]
    public void Follows_anchors_merge_keys_and_tags()
    {
        var set = ReadStatefulSet(
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
              labels: &labels {app: web, tier: db}
              annotations:
                mode: !!str 0755
                other: !custom 12
            spec:
              replicas: !!int "2"
              selector:
                matchLabels: *labels
              template:
                spec:
                  containers:
                  - &base
                    name: a
                    image: nginx
                    resources: &res {requests: {cpu: 100m, memory: 1Gi}}
                  - <<: *base
                    name: b
                    resources:
                      <<: *res
                      limits: {cpu: "1"}
            """,
            out var errors);

        Assert.Empty(errors);
        Assert.Equal(set.Metadata!.Labels, set.Spec!.Selector!.MatchLabels);
        Assert.Equal("0755", set.Metadata.Annotations!["mode"]);
        Assert.Equal("12", set.Metadata.Annotations["other"]);
        Assert.Equal(2, set.Spec.Replicas);
        var containers = set.Spec.Template!.Spec!.Containers!;
        Assert.Equal(("b", "nginx"), (containers[1].Name, containers[1].Image));
        Assert.Equal(containers[0].Resources!.Requests, containers[1].Resources!.Requests);
        Assert.Equal(Quantity.Parse("1"), containers[1].Resources!.Limits!["cpu"]);
    }

    [Fact]
    public void A_tag_that_does_not_fit_its_value_is_reported()
    {
        ReadStatefulSet("apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  replicas: !!int three\n", out var errors);

        Assert.Equal(
            [
                "test.yaml(4,13): Invalid value: null: YAML syntax error: cannot decode !!string `three` as a !!int",
                "test.yaml(4,13): spec.replicas: Invalid value: \"three\": expected a 32-bit integer, got a string",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Reports_duplicate_keys_where_the_lost_value_is()
    {
        var set = ReadStatefulSet(
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: first
              name: second
            spec:
              replicas: 1
            spec:
              replicas: 2
            """,
            out var errors);

        Assert.Equal(["metadata.name @4:3", "spec @6:1"], errors.Select(Where));
        Assert.All(errors, e => Assert.Equal(FieldErrorType.Duplicate, e.Type));
        Assert.Equal("second", set.Metadata!.Name);
        Assert.Equal(2, set.Spec!.Replicas);
    }

    [Fact]
    public void Keys_from_a_merge_may_be_overridden_without_a_duplicate_error()
    {
        var set = ReadStatefulSet("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {<<: {name: a, namespace: ns}, name: b}\n", out var errors);

        Assert.Empty(errors);
        Assert.Equal(("b", "ns"), (set.Metadata!.Name, set.Metadata.Namespace));
    }

    [Fact]
    public void Legacy_api_versions_are_reported_and_still_read()
    {
        var result = ManifestYaml.Read(
            """
            apiVersion: apps/v1beta1
            kind: StatefulSet
            metadata: {name: zk}
            spec: {replicas: 3}
            ---
            apiVersion: policy/v1beta1
            kind: PodDisruptionBudget
            metadata: {name: zk}
            spec: {maxUnavailable: 1}
            """,
            "legacy.yaml");

        var set = Assert.IsType<StatefulSet>(result.Documents[0]);
        var budget = Assert.IsType<PodDisruptionBudget>(result.Documents[1]);
        Assert.Equal(("apps/v1beta1", 3), (set.ApiVersion, set.Spec!.Replicas));
        Assert.Equal(("policy/v1beta1", IntOrString.FromInt(1)), (budget.ApiVersion, budget.Spec!.MaxUnavailable!.Value));
        Assert.Equal(
            [
                "legacy.yaml(1,13): apiVersion: Invalid value: \"apps/v1beta1\": apps/v1beta1 StatefulSet is no longer served by Kubernetes (removed in 1.16); use apps/v1",
                "legacy.yaml(6,13): apiVersion: Invalid value: \"policy/v1beta1\": policy/v1beta1 PodDisruptionBudget is no longer served by Kubernetes (removed in 1.25); use policy/v1",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Other_kinds_are_kept_whole_even_when_their_names_look_familiar()
    {
        var result = ManifestYaml.Read(
            """
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata: {name: hello}
            spec: {template: {spec: {containers: [{image: x}]}}}
            ---
            apiVersion: apps.kruise.io/v1beta1
            kind: StatefulSet
            metadata: {name: advanced}
            ---
            apiVersion: example.com/v1
            kind: Settings
            metadata: {name: conf}
            data: {mode: "0755", number: 0755, n: no}
            """);

        Assert.Empty(result.Errors);
        Assert.All(result.Documents, d => Assert.IsType<UnmodelledObject>(d));
        Assert.Equal(["Service", "StatefulSet", "Settings"], result.Documents.Select(d => d.Kind));
        var data = ((UnmodelledObject)result.Documents[2]).Content.Map!["data"].Map!;
        Assert.Equal(RawValue.String("0755"), data["mode"]);
        Assert.Equal(RawValue.Number(493), data["number"]);
        Assert.Equal(RawValue.Boolean(false), data["false"]); // YAML 1.1: n is false, as a key and as a value
        Assert.Equal(result.Documents, ManifestYaml.Read(ManifestYaml.Write(result.Documents)).Documents);
    }

    [Fact]
    public void Documents_without_apiVersion_or_kind_or_that_are_not_objects_are_reported()
    {
        var result = ManifestYaml.Read("metadata: {name: x}\n---\n- a\n- b\n---\njust text\n", "odd.yaml");

        Assert.Equal(
            [
                "apiVersion: Required value: every manifest document needs an apiVersion",
                "kind: Required value: every manifest document needs a kind",
                "Invalid value: \"a list\": a manifest document must be an object",
                "Invalid value: \"just text\": a manifest document must be an object",
            ],
            result.Errors.Select(e => e.ToString().Substring(e.ToString().IndexOf(": ", StringComparison.Ordinal) + 2)));
        Assert.Equal(3, result.Documents.Count); // nothing is dropped
    }

    [Fact]
    public void Syntax_errors_carry_their_position_and_keep_earlier_documents()
    {
        var result = ManifestYaml.Read("apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: [b}\n", "bad.yaml");

        Assert.IsType<Service>(Assert.Single(result.Documents));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("YAML syntax error: ", error.Detail, StringComparison.Ordinal);
        Assert.Equal(7, error.Position!.Line);
    }

    [Fact]
    public void Empty_streams_and_empty_documents_give_nothing()
    {
        foreach (var yaml in new[] { string.Empty, "\n", "# only a comment\n", "---\n---\n", "--- ~\n", "...\n" })
        {
            var result = ManifestYaml.Read(yaml);

            Assert.Empty(result.Documents);
            Assert.Empty(result.Errors);
        }
    }

    [Fact]
    public void Hostile_input_is_reported_not_followed()
    {
        var deep = ManifestYaml.Read(new string('[', 100_000) + new string(']', 100_000));
        Assert.Contains(deep.Errors, e => e.Detail.Contains("deeper than", StringComparison.Ordinal));

        var laughs = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 9; i++)
        {
            laughs.Append("a").Append(i).Append(": &a").Append(i).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10))).Append("]\n");
        }

        var bomb = ManifestYaml.Read(laughs.ToString());
        Assert.Empty(bomb.Documents);
        Assert.Contains(bomb.Errors, e => e.Detail.Contains("excessive aliasing", StringComparison.Ordinal));

        var complexKey = ManifestYaml.Read("apiVersion: v1\nkind: Service\nmetadata:\n  ? [a, b]\n  : c\n  name: svc\n");
        Assert.Equal("svc", Assert.IsType<Service>(Assert.Single(complexKey.Documents)).Metadata!.Name);
        Assert.Contains("mapping keys must be scalars", Assert.Single(complexKey.Errors).Detail, StringComparison.Ordinal);

        var unknownAlias = ManifestYaml.Read("a: *nowhere\n");
        Assert.Contains("unknown anchor", Assert.Single(unknownAlias.Errors).Detail, StringComparison.Ordinal);
    }
}
