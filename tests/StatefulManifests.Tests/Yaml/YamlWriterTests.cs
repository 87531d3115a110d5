using System.Globalization;
using StatefulManifests.Model;
using StatefulManifests.Yaml;

namespace StatefulManifests.Tests.Yaml;

/// <summary>The YAML writer: conventional layout, one multi-document stream, and the same bytes in every culture.</summary>
public sealed class YamlWriterTests
{
    private const string ServiceAndStatefulSet =
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: nginx
          labels:
            app: nginx
        spec:
          clusterIP: None
          selector:
            app: nginx
          ports:
          - name: web
            port: 80
            targetPort: web
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
          labels:
            app: nginx
        spec:
          serviceName: nginx
          replicas: 3
          selector:
            matchLabels:
              app: nginx
          minReadySeconds: 10
          template:
            metadata:
              labels:
                app: nginx
            spec:
              terminationGracePeriodSeconds: 10
              containers:
              - name: nginx
                image: registry.k8s.io/nginx-slim:0.24
                ports:
                - name: web
                  containerPort: 80
                resources:
                  requests:
                    cpu: 500m
                    memory: 1536Mi
                volumeMounts:
                - name: www
                  mountPath: /usr/share/nginx/html
          volumeClaimTemplates:
          - metadata:
              name: www
            spec:
              accessModes:
              - ReadWriteOnce
              storageClassName: my-storage-class
              resources:
                requests:
                  storage: 1Gi

        """;

    [Fact]
    public void Writes_conventional_key_order_as_one_multi_document_stream()
    {
        var yaml = ManifestYaml.Write(SampleModels.Nginx(), SampleModels.Web());

        // apiVersion, kind, metadata, spec; name first; spec fields in the order manifests use; documents in the
        // order given, separated by "---", no "..." and a final newline.
        Assert.Equal(ServiceAndStatefulSet.Replace("\r\n", "\n"), yaml);
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("th-TH")]
    [InlineData("hi-IN")]
    [InlineData("ja-JP")]
    [InlineData("")]
    public void Writes_the_same_bytes_in_every_culture(string culture)
    {
        var model = SampleModels.Carrying(AwkwardStrings.All.Concat(["INFO", "istanbul", "Iİıi", "1,5", "1.5"]).ToList());
        var expected = ManifestYaml.Write(model);
        var expectedGolden = ManifestYaml.Write(SampleModels.Nginx(), SampleModels.Web());

        var (yaml, golden, read, quantity, upperI) = InCulture(culture, () =>
        {
            var text = ManifestYaml.Write(model);
            return (text, ManifestYaml.Write(SampleModels.Nginx(), SampleModels.Web()), ManifestYaml.Read(text), Quantity.Parse("1.5Gi").ToString(),
                "i".ToUpper(CultureInfo.CurrentCulture));
        });

        // The culture really was in effect (Turkish upper-cases i to a dotted capital).
        Assert.Equal(culture == "tr-TR" ? "\u0130" : "I", upperI);

        Assert.Equal(expected, yaml);
        Assert.Equal(expectedGolden, golden);
        Assert.Empty(read.Errors);
        Assert.Equal(model, read.Documents.Single());
        Assert.Equal("1536Mi", quantity);
    }

    [Fact]
    public void Writing_twice_gives_the_same_bytes()
    {
        var strings = AwkwardStrings.Generate(new Random(5), 200);

        Assert.Equal(ManifestYaml.Write(SampleModels.Carrying(strings)), ManifestYaml.Write(SampleModels.Carrying(strings)));
    }

    [Fact]
    public void Empty_collections_and_objects_are_kept_and_nulls_omitted()
    {
        var web = SampleModels.Web();
        var container = web.Spec!.Template!.Spec!.Containers![0] with { Args = ValueList<string>.Empty, Resources = new ResourceRequirements(), Image = null };
        var model = web with
        {
            Spec = web.Spec with
            {
                Template = web.Spec.Template with
                {
                    Spec = web.Spec.Template.Spec with
                    {
                        Containers = ValueList.Of(container),
                        Volumes = ValueList.Of(new Volume { Name = "scratch", EmptyDir = new EmptyDirVolumeSource() }),
                        NodeSelector = ValueMap<string>.Empty,
                    },
                },
            },
        };

        var yaml = ManifestYaml.Write(model);

        Assert.Contains("      - name: nginx\n        args: []\n", yaml, StringComparison.Ordinal);
        Assert.Contains("        resources: {}\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      - name: scratch\n        emptyDir: {}\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      nodeSelector: {}\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("image", yaml, StringComparison.Ordinal);
        Assert.Equal(model, ManifestYaml.Read(yaml).Documents.Single());
    }

    [Fact]
    public void Numbers_that_are_strings_to_Kubernetes_are_quoted_and_numbers_are_not()
    {
        var service = SampleModels.Nginx();
        var model = service with
        {
            Spec = service.Spec! with
            {
                Ports = ValueList.Of(
                    new ServicePort { Name = "a", Port = 80, TargetPort = 8080 },
                    new ServicePort { Name = "b", Port = 81, TargetPort = "8081" },
                    new ServicePort { Name = "c", Port = 82, TargetPort = "25%" }),
            },
        };
        var web = SampleModels.Web();
        var withCpu = web with
        {
            Spec = web.Spec! with
            {
                Template = web.Spec.Template! with
                {
                    Spec = web.Spec.Template.Spec! with
                    {
                        Containers = ValueList.Of(web.Spec.Template.Spec.Containers![0] with
                        {
                            Resources = new ResourceRequirements { Limits = ValueMap.Of(("cpu", Quantity.Parse("1000m")), ("memory", Quantity.Parse("1e3"))) },
                        }),
                    },
                },
            },
        };

        var yaml = ManifestYaml.Write(model, withCpu);

        Assert.Contains("    targetPort: 8080\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    targetPort: \"8081\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    targetPort: 25%\n", yaml, StringComparison.Ordinal);
        Assert.Contains("            cpu: \"1\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("            memory: \"1e3\"\n", yaml, StringComparison.Ordinal);
        var read = ManifestYaml.Read(yaml);
        Assert.Empty(read.Errors);
        Assert.Equal(new object[] { model, withCpu }, read.Documents);
    }

    [Fact]
    public void Unknown_enum_values_and_unmodelled_documents_survive()
    {
        var web = SampleModels.Web();
        var odd = web with { Spec = web.Spec! with { PodManagementPolicy = new EnumValue<PodManagementPolicy>("Sideways") } };
        var settings = new UnmodelledObject(RawValue.FromMap(
        [
            new("apiVersion", RawValue.String("example.com/v1")),
            new("kind", RawValue.String("Settings")),
            new("metadata", RawValue.FromMap([new("name", RawValue.String("conf"))])),
            new("data", RawValue.FromMap([new("on", RawValue.String("0755")), new("n", RawValue.Number(493)), new("f", RawValue.Number("1e+21"))])),
            new("list", RawValue.FromList([RawValue.Boolean(true), RawValue.Null, RawValue.String("null")])),
        ]));

        var yaml = ManifestYaml.Write(odd, settings);
        var read = ManifestYaml.Read(yaml);

        Assert.Contains("  podManagementPolicy: Sideways\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  \"on\": \"0755\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  f: 1.0e+21\n", yaml, StringComparison.Ordinal); // a YAML 1.1 float needs its decimal point
        Assert.Empty(read.Errors);
        Assert.Equal(odd, read.Documents[0]);
        Assert.Equal(settings, read.Documents[1]);
    }

    private static T InCulture<T>(string name, Func<T> action)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
