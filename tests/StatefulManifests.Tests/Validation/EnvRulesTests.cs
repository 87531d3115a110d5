using StatefulManifests.Model;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation;

/// <summary>Container <c>env</c> and <c>envFrom</c>.</summary>
public sealed class EnvRulesTests
{
    private const string Env = "spec.template.spec.containers[0].env[0]";

    [Fact]
    public void EnvNameIsRequired() => Expect.Only(With(new EnvVar { Value = "x" }), Required, Env + ".name", "Required value");

    [Theory]
    [InlineData("1ST")]
    [InlineData("MY VAR")]
    [InlineData("A=B")]
    public void EnvNameMustMatchTheEnvVarPattern(string name) =>
        Expect.Only(With(new EnvVar { Name = name, Value = "x" }), Invalid, Env + ".name", "Invalid value: \"" + name + "\": " + Messages.EnvVarName);

    [Fact]
    public void EnvNameMayNotBeDotDot() =>
        Expect.Only(With(new EnvVar { Name = "..", Value = "x" }), Invalid, Env + ".name", "Invalid value: \"..\": must not be '..'");

    [Theory]
    [InlineData("MY_VAR")]
    [InlineData("my.env-name")]
    [InlineData("_x")]
    public void ValidEnvNamesAreAccepted(string name) => Expect.Valid(With(new EnvVar { Name = name, Value = "x" }));

    [Fact]
    public void ValueFromNeedsASource() =>
        Expect.Only(
            With(new EnvVar { Name = "A", ValueFrom = new EnvVarSource() }),
            Invalid,
            Env + ".valueFrom",
            "Invalid value: \"\": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`");

    [Fact]
    public void ValueFromMayHaveOnlyOneSource() =>
        Expect.Only(
            With(new EnvVar
            {
                Name = "A",
                ValueFrom = new EnvVarSource
                {
                    SecretKeyRef = new SecretKeySelector { Name = "db", Key = "password" },
                    ConfigMapKeyRef = new ConfigMapKeySelector { Name = "db", Key = "user" },
                },
            }),
            Invalid,
            Env + ".valueFrom",
            "Invalid value: \"\": may not have more than one field specified at a time");

    [Fact]
    public void ValueFromIsNotAllowedBesideAValue() =>
        Expect.Only(
            With(new EnvVar { Name = "A", Value = "x", ValueFrom = new EnvVarSource { SecretKeyRef = new SecretKeySelector { Name = "db", Key = "password" } } }),
            Invalid,
            Env + ".valueFrom",
            "Invalid value: \"\": may not be specified when `value` is not empty");

    [Fact]
    public void SecretKeyRefNeedsAKeyAndAValidName() =>
        Expect.Exactly(
            Expect.Errors(With(new EnvVar { Name = "A", ValueFrom = new EnvVarSource { SecretKeyRef = new SecretKeySelector { Name = "DB" } } })),
            (Invalid, Env + ".valueFrom.secretKeyRef.name", "Invalid value: \"DB\": " + Messages.Dns1123Subdomain),
            (Required, Env + ".valueFrom.secretKeyRef.key", "Required value"));

    [Fact]
    public void ConfigMapKeyMustBeAValidKey() =>
        Expect.Only(
            With(new EnvVar { Name = "A", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new ConfigMapKeySelector { Name = "cfg", Key = "a/b" } } }),
            Invalid,
            Env + ".valueFrom.configMapKeyRef.key",
            "Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");

    [Fact]
    public void FieldRefWithoutApiVersionDefaultsToV1() =>
        Expect.Valid(With(new EnvVar { Name = "POD", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name" } } }));

    [Fact]
    public void FieldRefMustBeAFieldEnvCanUse() =>
        Expect.Only(
            With(new EnvVar { Name = "L", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "metadata.labels" } } }),
            NotSupported,
            Env + ".valueFrom.fieldRef.fieldPath",
            "Unsupported value: \"metadata.labels\": supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", \"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\"");

    [Fact]
    public void FieldRefMustBeAKnownField() =>
        Expect.Only(
            With(new EnvVar { Name = "X", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "spec.foo" } } }),
            Invalid,
            Env + ".valueFrom.fieldRef.fieldPath",
            "Invalid value: \"spec.foo\": error converting fieldPath: field label not supported: spec.foo");

    [Fact]
    public void SubscriptedLabelFieldRefIsAccepted() =>
        Expect.Valid(With(new EnvVar { Name = "ZONE", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "metadata.labels['topology.kubernetes.io/zone']" } } }));

    [Fact]
    public void ResourceFieldRefNeedsASupportedResourceAndDivisor() =>
        Expect.Exactly(
            Expect.Errors(With(new EnvVar
            {
                Name = "CPU",
                ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.cpu", Divisor = Quantity.FromText("1k") } },
            })),
            (Invalid, Env + ".valueFrom.resourceFieldRef.divisor", "Invalid value: \"limits.cpu\": only divisor's values 1m and 1 are supported with the cpu resource"));

    [Fact]
    public void UnsupportedResourceFieldRefResourceIsReported() =>
        Expect.Only(
            With(new EnvVar { Name = "GPU", ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.gpu" } } }),
            NotSupported,
            Env + ".valueFrom.resourceFieldRef.resource",
            "Unsupported value: \"limits.gpu\": supported values: \"limits.cpu\", \"limits.ephemeral-storage\", \"limits.memory\", \"requests.cpu\", \"requests.ephemeral-storage\", \"requests.memory\"");

    [Fact]
    public void MemoryResourceFieldRefWithMiDivisorIsAccepted() =>
        Expect.Valid(With(new EnvVar
        {
            Name = "MEM",
            ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.memory", Divisor = Quantity.FromText("1Mi") } },
        }));

    [Fact]
    public void EnvFromNeedsExactlyOneSource() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithContainer(c => c with
            {
                EnvFrom = ValueList.Of(
                    new EnvFromSource { Prefix = "P_" },
                    new EnvFromSource { ConfigMapRef = new ConfigMapEnvSource { Name = "a" }, SecretRef = new SecretEnvSource { Name = "b" } }),
            })),
            (Invalid, "spec.template.spec.containers[0].envFrom", "Invalid value: \"\": must specify one of: `configMapRef` or `secretRef`"),
            (Invalid, "spec.template.spec.containers[0].envFrom", "Invalid value: \"\": may not have more than one field specified at a time"));

    [Fact]
    public void EnvFromReferenceNeedsANameAndAValidPrefix() =>
        Expect.Exactly(
            Expect.Errors(Baseline.WithContainer(c => c with { EnvFrom = ValueList.Of(new EnvFromSource { Prefix = "1_", SecretRef = new SecretEnvSource() }) })),
            (Invalid, "spec.template.spec.containers[0].envFrom[0].prefix", "Invalid value: \"1_\": " + Messages.EnvVarName),
            (Required, "spec.template.spec.containers[0].envFrom[0].secretRef.name", "Required value"));

    [Fact]
    public void EnvFromConfigMapIsAccepted() =>
        Expect.Valid(Baseline.WithContainer(c => c with { EnvFrom = ValueList.Of(new EnvFromSource { Prefix = "APP_", ConfigMapRef = new ConfigMapEnvSource { Name = "settings" } }) }));

    private static StatefulSet With(EnvVar variable) => Baseline.WithContainer(c => c with { Env = ValueList.Of(variable) });
}
