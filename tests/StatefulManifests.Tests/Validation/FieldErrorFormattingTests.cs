using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Tests.Validation;

/// <summary>How bad values print, as the API server prints them.</summary>
public sealed class FieldErrorFormattingTests
{
    private static readonly FieldPath Path = FieldPath.Root("spec").Child("x");

    [Fact]
    public void StringsAreQuotedWithGoEscapes() =>
        Assert.Equal("spec.x: Invalid value: \"a\\\"b\\\\c\\n\\t\\x01\": bad", FieldError.Invalid(Path, "a\"b\\c\n\t\u0001", "bad").ToString());

    [Fact]
    public void LabelMapsPrintAsSortedJson() =>
        Assert.Equal(
            "{\"a\":\"1\",\"b\":\"<2>\"}",
            FieldError.FormatValue(ValueMap.Of(("b", "<2>"), ("a", "1"))).Replace("\\u003c", "<").Replace("\\u003e", ">"));

    [Fact]
    public void HtmlCharactersAreEscapedInJsonAsGoDoes() =>
        Assert.Equal("{\"k\":\"\\u003cv\\u0026\\u003e\"}", FieldError.FormatValue(ValueMap.Of(("k", "<v&>"))));

    [Fact]
    public void SelectorsPrintAsJsonWithoutUnsetFields() =>
        Assert.Equal(
            "{\"matchExpressions\":[{\"key\":\"app\",\"operator\":\"In\",\"values\":[\"a\",\"b\"]}]}",
            FieldError.FormatValue(new LabelSelector
            {
                MatchExpressions = ValueList.Of(new LabelSelectorRequirement { Key = "app", Operator = LabelSelectorOperator.In, Values = ValueList.Of("a", "b") }),
            }));

    [Fact]
    public void NullElementsDoNotBreakFormatting() =>
        Assert.Equal("{\"matchExpressions\":[null]}", FieldError.FormatValue(new LabelSelector { MatchExpressions = new LabelSelectorRequirement[] { null! }.ToValueList() }));

    [Fact]
    public void IntOrStringPrintsByKind()
    {
        Assert.Equal("5", FieldError.FormatValue((IntOrString)5));
        Assert.Equal("\"5%\"", FieldError.FormatValue((IntOrString)"5%"));
    }

    [Fact]
    public void CompanionObjectErrorsNameTheirObject() =>
        Assert.Equal(
            "Service \"db\": spec.x: Required value",
            (FieldError.Required(Path) with { Object = "Service \"db\"" }).ToString());

    [Fact]
    public void TooLongOmitsTheValue() =>
        Assert.Equal("spec.x: Too long: may not be more than 10 bytes", FieldError.TooLong(Path, "long value", 10).ToString());
}
