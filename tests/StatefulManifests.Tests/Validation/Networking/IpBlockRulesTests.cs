using StatefulManifests.Validation;
using StatefulManifests.Validation.Networking;
using static StatefulManifests.Validation.FieldErrorType;

namespace StatefulManifests.Tests.Validation.Networking;

/// <summary>A NetworkPolicy peer's ipBlock: cidr required and valid, each except a strict subset of it.</summary>
public sealed class IpBlockRulesTests
{
    private const string P = "spec.ingress[0].from[1].ipBlock";
    private const string Invalid = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";
    private const string NotSubset = "must be a strict subset of `cidr`";

    private static readonly FieldPath Path = FieldPath.Root("spec").Child("ingress").Index(0).Child("from").Index(1).Child("ipBlock");

    private static IReadOnlyList<FieldError> Validate(string? cidr, params string?[] except) => IpBlockRules.Validate(cidr, except, Path);

    [Fact]
    public void TypicalBlockIsValid() => Expect.Valid(Validate("10.0.0.0/8", "10.1.0.0/16", "10.2.3.4/32"));

    [Fact]
    public void NoExceptIsValid() => Expect.Valid(IpBlockRules.Validate("2001:db8::/32", null, Path));

    [Fact]
    public void HostBitsAreAcceptedWithoutTheStrictGate() => Expect.Valid(Validate("10.0.0.1/8", "10.1.0.1/16"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void CidrIsRequired(string? cidr) => Expect.Only(Validate(cidr, "bad"), Required, P + ".cidr", "Required value");

    [Fact]
    public void InvalidCidrStopsBeforeExcept() => Expect.Only(Validate("10.0.0.0/33", "bad"), FieldErrorType.Invalid, P + ".cidr", "Invalid value: \"10.0.0.0/33\": " + Invalid);

    [Fact]
    public void EachExceptIsCheckedInOrder() =>
        Expect.Exactly(
            Validate("10.0.0.0/16", "bad", "10.0.0.0/8", "10.0.1.0/24", "10.0.0.0/16", "192.168.0.0/24", "2001:db8::/64"),
            (FieldErrorType.Invalid, P + ".except[0]", "Invalid value: \"bad\": " + Invalid),
            (FieldErrorType.Invalid, P + ".except[1]", "Invalid value: \"10.0.0.0/8\": " + NotSubset),
            (FieldErrorType.Invalid, P + ".except[3]", "Invalid value: \"10.0.0.0/16\": " + NotSubset),
            (FieldErrorType.Invalid, P + ".except[4]", "Invalid value: \"192.168.0.0/24\": " + NotSubset),
            (FieldErrorType.Invalid, P + ".except[5]", "Invalid value: \"2001:db8::/64\": " + NotSubset));

    [Fact]
    public void StrictGateAddsFormErrorsAndStillChecksSubsets() =>
        Expect.Exactly(
            IpBlockRules.Validate("10.0.0.1/8", ["010.1.0.0/16", "11.0.0.0/16"], Path, strict: true),
            (FieldErrorType.Invalid, P + ".cidr", "Invalid value: \"10.0.0.1/8\": must not have bits set beyond the prefix length"),
            (FieldErrorType.Invalid, P + ".except[0]", "Invalid value: \"010.1.0.0/16\": must not have leading 0s in IP or prefix length"),
            (FieldErrorType.Invalid, P + ".except[1]", "Invalid value: \"11.0.0.0/16\": " + NotSubset));
}
