using StatefulManifests.Model;

namespace StatefulManifests.Tests.Model;

/// <summary>IntOrString kinds, equality and percentage scaling (intstr.GetScaledValueFromIntOrPercent).</summary>
public sealed class IntOrStringTests
{
    [Theory]
    [InlineData("25%", 10, true, 3)]
    [InlineData("25%", 10, false, 2)]
    [InlineData("50%", 3, true, 2)]
    [InlineData("50%", 3, false, 1)]
    [InlineData("100%", 7, true, 7)]
    [InlineData("0%", 7, true, 0)]
    [InlineData("1%", 1, true, 1)]
    [InlineData("1%", 1, false, 0)]
    [InlineData("150%", 4, false, 6)]
    [InlineData("33%", 100, true, 33)]
    [InlineData("+20%", 10, false, 2)] // strconv.Atoi accepts a sign
    [InlineData("007%", 100, false, 7)]
    [InlineData("-10%", 15, true, -1)] // math.Ceil(-1.5)
    [InlineData("-10%", 15, false, -2)] // math.Floor(-1.5)
    [InlineData("10%", 0, true, 0)]
    public void Scales_percentages_against_a_total(string percent, int total, bool roundUp, int expected)
    {
        IntOrString value = percent;

        Assert.True(value.IsPercent);
        Assert.Equal(expected, value.Scaled(total, roundUp));
        Assert.True(value.TryScaled(total, roundUp, out var scaled, out var error));
        Assert.Equal(expected, scaled);
        Assert.Null(error);
    }

    [Fact]
    public void Integers_are_returned_as_they_are()
    {
        IntOrString value = 3;

        Assert.Equal(3, value.Scaled(100, roundUp: true));
        Assert.Equal(3, value.Scaled(1, roundUp: false));
        Assert.False(value.IsPercent);
    }

    [Theory]
    [InlineData("5", "invalid value for IntOrString: invalid type: string is not a percentage")]
    [InlineData("http", "invalid value for IntOrString: invalid type: string is not a percentage")]
    [InlineData("abc%", "invalid value for IntOrString: invalid value \"abc%\": strconv.Atoi: parsing \"abc\": invalid syntax")]
    [InlineData("%", "invalid value for IntOrString: invalid value \"%\": strconv.Atoi: parsing \"\": invalid syntax")]
    [InlineData("5.5%", "invalid value for IntOrString: invalid value \"5.5%\": strconv.Atoi: parsing \"5.5\": invalid syntax")]
    [InlineData(" 5%", "invalid value for IntOrString: invalid value \" 5%\": strconv.Atoi: parsing \" 5\": invalid syntax")]
    public void Rejects_strings_that_are_not_percentages_with_Kubernetes_messages(string text, string message)
    {
        IntOrString value = text;

        Assert.False(value.TryScaled(10, roundUp: true, out _, out var error));
        Assert.Equal(message, error);
        Assert.Equal(message, Assert.Throws<FormatException>(() => value.Scaled(10, roundUp: true)).Message);
    }

    [Fact]
    public void Results_beyond_int_range_are_errors_not_overflows()
    {
        IntOrString value = "99999999999%";

        Assert.False(value.TryScaled(int.MaxValue, roundUp: true, out _, out var error));
        Assert.Contains("out of range", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_two_kinds_never_compare_equal()
    {
        Assert.NotEqual(IntOrString.FromInt(80), IntOrString.FromString("80"));
        Assert.Equal(IntOrString.FromString("http"), (IntOrString)"http");
        Assert.Equal(IntOrString.FromInt(80), (IntOrString)80);
        Assert.Equal("80", IntOrString.FromInt(80).ToString());
        Assert.Equal("80", IntOrString.FromString("80").ToString());
        Assert.True(IntOrString.FromString("80").IsString);
        Assert.False(IntOrString.FromInt(80).IsString);
        Assert.Equal(IntOrString.FromString("a").GetHashCode(), IntOrString.FromString("a").GetHashCode());
    }
}
