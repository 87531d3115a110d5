using StatefulManifests.Model;

namespace StatefulManifests.Tests.Model;

/// <summary>Quantity parsing and canonical printing, checked against apimachinery's behaviour.</summary>
public sealed class QuantityTests
{
    [Theory]
    [InlineData("1Gi", "1Gi")]
    [InlineData("500m", "500m")]
    [InlineData("100Mi", "100Mi")]
    [InlineData("1024", "1024")] // decimal SI stays decimal: 1024 is not 1Ki unless written in binary
    [InlineData("1e3", "1e3")] // a decimal exponent keeps its format in apimachinery (it equals 1k numerically)
    [InlineData("1.5e3", "1500")]
    [InlineData("12e-1", "1200e-3")]
    [InlineData("1e-10", "1e-9")] // rounded up to the finest scale
    [InlineData("1.5Gi", "1536Mi")]
    [InlineData("0.5Gi", "512Mi")]
    [InlineData("2048Ki", "2Mi")]
    [InlineData("1024Ki", "1Mi")]
    [InlineData("1024Pi", "1Ei")]
    [InlineData("1025Ki", "1025Ki")]
    [InlineData("1.5Ki", "1536")] // 1536 is not a whole number of Ki, so no binary suffix
    [InlineData("0.5Ki", "512")] // under 1024: printed in decimal SI
    [InlineData("0.1Ki", "102400m")]
    [InlineData("1.1Ki", "1126400m")] // fractional: decimal SI, as apimachinery does to avoid rounding
    [InlineData("0.5", "500m")]
    [InlineData("1000m", "1")]
    [InlineData("1000", "1k")]
    [InlineData("1500", "1500")]
    [InlineData("1000000", "1M")]
    [InlineData("0.001", "1m")]
    [InlineData("1000u", "1m")]
    [InlineData("1500u", "1500u")]
    [InlineData("100u", "100u")]
    [InlineData("1n", "1n")]
    [InlineData("1.5n", "2n")] // finer than nano rounds up
    [InlineData("0.0000000001", "1n")]
    [InlineData("-0.0000000001", "-1n")] // rounds away from zero
    [InlineData("1.0000000001", "1000000001n")]
    [InlineData("-1.5Gi", "-1536Mi")]
    [InlineData("-500m", "-500m")]
    [InlineData("1E", "1E")]
    [InlineData("1000E", "1000E")] // apimachinery would print "1" here; see the type's remarks
    [InlineData("1e21", "1e21")]
    [InlineData("1Ei", "1Ei")]
    [InlineData("8Ei", "9223372036854775807")] // binary quantities are capped at the largest int64
    [InlineData("-8Ei", "-9223372036854775807")]
    [InlineData("0", "0")]
    [InlineData("0Gi", "0")]
    [InlineData("-0", "0")]
    [InlineData("00", "0")]
    [InlineData("+1", "1")]
    [InlineData("1.", "1")]
    [InlineData(".5", "500m")]
    [InlineData("0.000000001e9", "1")]
    [InlineData(".", "0")] // apimachinery's scanner accepts a bare dot, sign or suffix as zero
    [InlineData("-", "0")]
    [InlineData("Gi", "0")]
    public void Parses_and_prints_the_canonical_form(string text, string canonical)
    {
        var q = Quantity.FromText(text);

        Assert.True(q.IsValid, q.Error);
        Assert.Equal(canonical, q.ToString());
        Assert.Equal(q, Quantity.Parse(canonical)); // the canonical text reads back as the same value
        Assert.Equal(canonical, Quantity.Parse(canonical).ToString());
    }

    [Theory]
    [InlineData("1000m", "1")]
    [InlineData("1Ki", "1024")]
    [InlineData("1e3", "1k")]
    [InlineData("0.5", "500m")]
    [InlineData("1Gi", "1073741824")]
    [InlineData("1.5Gi", "1536Mi")]
    [InlineData("2.5e-1", "250m")]
    public void Equality_is_numeric(string a, string b)
    {
        Assert.Equal(Quantity.Parse(a), Quantity.Parse(b));
        Assert.True(Quantity.Parse(a) == Quantity.Parse(b));
        Assert.Equal(Quantity.Parse(a).GetHashCode(), Quantity.Parse(b).GetHashCode());
        Assert.Equal(0, Quantity.Parse(a).CompareTo(Quantity.Parse(b)));
    }

    [Fact]
    public void Orders_numerically()
    {
        Assert.True(Quantity.Parse("1Gi") > Quantity.Parse("1G"));
        Assert.True(Quantity.Parse("999m") < Quantity.Parse("1"));
        Assert.True(Quantity.Parse("-1") < Quantity.Parse("0"));
        Assert.True(Quantity.Parse("1n") > Quantity.Parse("0"));
        Assert.NotEqual(Quantity.Parse("1Gi"), Quantity.Parse("1G"));
    }

    [Fact]
    public void Value_is_exact_to_the_nano()
    {
        Assert.Equal(1610612736m, Quantity.Parse("1.5Gi").Value);
        Assert.Equal(0.5m, Quantity.Parse("500m").Value);
        Assert.Equal(0.000000001m, Quantity.Parse("1n").Value);
        Assert.Equal(-2.5m, Quantity.Parse("-2500m").Value);
        Assert.Equal(9223372036854775807m, Quantity.Parse("8Ei").Value);
        Assert.Equal(1e21m, Quantity.Parse("1000E").Value);
        Assert.Equal(0m, Quantity.FromText("10GB").Value);
    }

    [Fact]
    public void Keeps_the_format_family()
    {
        Assert.Equal(QuantityFormat.BinarySI, Quantity.Parse("1Gi").Format);
        Assert.Equal(QuantityFormat.DecimalSI, Quantity.Parse("1G").Format);
        Assert.Equal(QuantityFormat.DecimalExponent, Quantity.Parse("1e9").Format);
        Assert.Equal(QuantityFormat.BinarySI, Quantity.Parse("0.5Ki").Format); // 512: still binary, printed in decimal
        Assert.Equal(QuantityFormat.DecimalSI, Quantity.Parse("0.0001Ki").Format); // under one: apimachinery switches to decimal
        Assert.Equal("2Ki", Quantity.FromInt64(2048, QuantityFormat.BinarySI).ToString());
        Assert.Equal("1023", Quantity.FromInt64(1023, QuantityFormat.BinarySI).ToString());
        Assert.Equal("3", Quantity.FromInt64(3).ToString());
        Assert.Equal("2k", Quantity.FromInt64(2000).ToString());
    }

    [Theory]
    [InlineData("10GB", "quantities must match the regular expression", "\"10G\"", "\"10Gi\"")]
    [InlineData("512Mb", "quantities must match the regular expression", "\"512M\"", "\"512Mi\"")]
    [InlineData("1KiB", "quantities must match the regular expression", "\"1k\"", "\"1Ki\"")]
    [InlineData("1K", "unable to parse quantity's suffix", "\"1k\"", "\"1Ki\"")]
    [InlineData("2gi", "quantities must match the regular expression", "\"2G\"", "\"2Gi\"")]
    [InlineData("1mi", "unable to parse quantity's suffix", "\"1M\"", "\"1Mi\"")]
    [InlineData("100B", "quantities must match the regular expression", "\"100\"", "without a unit")]
    [InlineData("1 Gi", "quantities must match the regular expression", "\"1Gi\"", "no spaces")]
    public void Rejects_common_unit_mistakes_with_a_suggestion(string text, string reason, string suggestion, string otherSuggestion)
    {
        var q = Quantity.FromText(text);

        Assert.False(q.IsValid);
        Assert.StartsWith(reason, q.Error, StringComparison.Ordinal);
        Assert.Contains(suggestion, q.Error, StringComparison.Ordinal);
        Assert.Contains(otherSuggestion, q.Error, StringComparison.Ordinal);
        Assert.Equal(text, q.ToString()); // the original text survives for the error report
        var thrown = Assert.Throws<FormatException>(() => Quantity.Parse(text));
        Assert.Equal(q.Error, thrown.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("1,5Gi")]
    [InlineData(" 1Gi")] // ParseQuantity does not trim (the JSON decoder does, before calling it)
    [InlineData("1Gi ")]
    [InlineData("1e")]
    [InlineData("1ee3")]
    [InlineData("1e3.5")]
    [InlineData("1Gi5")]
    [InlineData("1m5")]
    [InlineData("1e99999999999999999999")]
    [InlineData("--1")]
    [InlineData("\u0661")] // an Arabic-Indic digit is not a digit to Kubernetes
    [InlineData("0x10")]
    public void Rejects_garbage(string text)
    {
        var q = Quantity.FromText(text);

        Assert.False(q.IsValid);
        Assert.False(string.IsNullOrEmpty(q.Error));
        Assert.False(Quantity.TryParse(text, out _, out var error));
        Assert.Equal(q.Error, error);
    }

    [Fact]
    public void Suffix_and_format_errors_carry_apimachinery_messages()
    {
        Assert.Equal("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'", Quantity.FromText("abc").Error);
        Assert.Equal("unable to parse quantity's suffix", Quantity.FromText("1e").Error);
    }

    [Fact]
    public void Invalid_quantities_compare_by_text_and_sort_after_valid_ones()
    {
        Assert.Equal(Quantity.FromText("10GB"), Quantity.FromText("10GB"));
        Assert.NotEqual(Quantity.FromText("10GB"), Quantity.FromText("10Gb"));
        Assert.NotEqual(Quantity.FromText("x"), Quantity.Parse("0"));
        Assert.True(Quantity.FromText("x").CompareTo(Quantity.Parse("1E")) > 0);
    }

    [Fact]
    public void Huge_exponents_and_long_inputs_are_handled_without_big_arithmetic()
    {
        Assert.Equal("1e-9", Quantity.Parse("1e-999999999").ToString());
        Assert.Equal("0", Quantity.Parse("0e999999999").ToString());
        Assert.Equal("1e999999999", Quantity.Parse("1e999999999").ToString());
        Assert.False(Quantity.FromText("1" + new string('1', 5000)).IsValid);
        Assert.Equal("1n", Quantity.Parse("0." + new string('0', 100_000) + "1").ToString());
        Assert.Equal("1000000001n", Quantity.Parse("1.000" + new string('0', 100_000) + "1").ToString());
        Assert.Equal("9223372036854775807", Quantity.Parse(new string('9', 100_000) + "Ki").ToString());
        Assert.Equal("1024000000001n", Quantity.Parse("1." + new string('0', 5000) + "1Ki").ToString());
        Assert.Equal("1Ki", Quantity.Parse("1." + new string('0', 5000) + "Ki").ToString());
    }

    [Fact]
    public void Random_text_never_throws_and_valid_results_round_trip()
    {
        var random = new Random(20240601);
        const string alphabet = "0123456789.+-eEinumkKMGTPB i";
        var valid = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 8)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = alphabet[random.Next(alphabet.Length)];
            }

            var q = Quantity.FromText(new string(chars));
            if (q.IsValid)
            {
                valid++;
                var again = Quantity.Parse(q.ToString());
                Assert.Equal(q, again);
                Assert.Equal(q.ToString(), again.ToString());
            }
            else
            {
                Assert.Equal(new string(chars), q.ToString());
            }
        }

        Assert.True(valid > 1000, "the generator should produce plenty of valid quantities, got " + valid);
    }

    [Theory]
    [InlineData("999999999999999999999999999999", "999999999999999999999999999999")]
    [InlineData("1e999999999", "1e999999999")]
    [InlineData("10e999999998", "1e999999999")]
    [InlineData("1e30", "1e30")]
    [InlineData("123000000000000000000000000000000000000000", "123000000000000000000000E")]
    [InlineData("-5e100", "-50e99")]
    [InlineData("1000000000000000000000000000000E", "1000000000000000000000000000000E")]
    public void Quantities_of_any_magnitude_parse_as_apimachinery_parses_them(string text, string canonical)
    {
        var quantity = Quantity.FromText(text);
        Assert.True(quantity.IsValid, quantity.Error);
        Assert.Equal(canonical, quantity.ToString());
        Assert.Equal(quantity, Quantity.FromText(quantity.ToString()));
    }

    [Fact]
    public void Huge_quantities_compare_and_equal_numerically()
    {
        var huge = Quantity.Parse("1e999999999");
        Assert.Equal(huge, Quantity.Parse("1000e999999996"));
        Assert.Equal(huge.GetHashCode(), Quantity.Parse("1000e999999996").GetHashCode());
        Assert.True(huge > Quantity.Parse("999999999999999999999999999999"));
        Assert.True(Quantity.Parse("2e999999999") > huge);
        Assert.True(Quantity.Parse("-1e999999999") < Quantity.Parse("-1"));
        Assert.True(Quantity.Parse("1e40") > Quantity.Parse("9999999999999999999999999999999999999999"));
        Assert.True(Quantity.Parse("1e40") < Quantity.Parse("10000000000000000000000000000000000000001"));
        Assert.Equal(Quantity.Parse("1e40"), Quantity.Parse("10000000000000000000000000000000000000000"));
    }

    [Fact]
    public void Value_saturates_beyond_decimals_range_instead_of_throwing()
    {
        Assert.Equal(decimal.MaxValue, Quantity.Parse("1e999999999").Value);
        Assert.Equal(decimal.MinValue, Quantity.Parse("-1e40").Value);
        Assert.Equal(1e27m, Quantity.Parse("1e27").Value);
    }

    [Theory]
    [InlineData("1e9999999999")] // the exponent is an int32 in apimachinery
    [InlineData("1e-9999999999")]
    public void Exponents_beyond_int32_are_a_suffix_error(string text)
    {
        Assert.StartsWith("unable to parse quantity's suffix", Quantity.FromText(text).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_quantities_stay_capped_at_the_largest_int64()
    {
        Assert.Equal(Quantity.Parse("99999999999999999999Ei"), Quantity.Parse(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
