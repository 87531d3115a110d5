using StatefulManifests.Model;

namespace StatefulManifests.Tests.Model;

/// <summary>The model's immutable collections and wrappers compare by value, which records and generator caches rely on.</summary>
public sealed class PrimitiveValueTests
{
    [Fact]
    public void ValueLists_compare_by_items_in_order_and_never_change()
    {
        var list = ValueList.Of("a", "b");

        Assert.Equal(ValueList.Of("a", "b"), list);
        Assert.Equal(ValueList.Of("a", "b").GetHashCode(), list.GetHashCode());
        Assert.NotEqual(ValueList.Of("b", "a"), list);
        Assert.Equal(ValueList.Of("a", "b", "c"), list.Add("c"));
        Assert.Equal(ValueList.Of("a", "x"), list.SetItem(1, "x"));
        Assert.Equal(ValueList.Of("b"), list.RemoveAll(s => s == "a"));
        Assert.Equal(ValueList.Of("a", "b"), list); // unchanged by all of the above
        Assert.Same(ValueList<string>.Empty, Array.Empty<string>().ToValueList());
    }

    [Fact]
    public void ValueMaps_are_sorted_ordinally_and_compare_regardless_of_insertion_order()
    {
        var map = ValueMap.Of(("b", 2), ("a", 1), ("B", 3), ("İ", 4), ("i", 5));

        Assert.Equal(["B", "a", "b", "i", "İ"], map.Keys); // ordinal, not culture, order
        Assert.Equal(ValueMap.Of(("i", 5), ("a", 1), ("İ", 4), ("B", 3), ("b", 2)), map);
        Assert.Equal(ValueMap.Of(("i", 5), ("a", 1), ("İ", 4), ("B", 3), ("b", 2)).GetHashCode(), map.GetHashCode());
        Assert.Equal(9, ValueMap.Of(("k", 1), ("k", 9))["k"]); // a later duplicate wins
        Assert.Equal(7, map.SetItem("a", 7)["a"]);
        Assert.False(map.Remove("a").ContainsKey("a"));
        Assert.Equal(1, map["a"]); // unchanged
        Assert.False(map.TryGetValue("missing", out _));
        Assert.Throws<KeyNotFoundException>(() => map["missing"]);
        Assert.NotEqual(ValueMap.Of(("a", 1)), ValueMap.Of(("a", 2)));
    }

    [Fact]
    public void EnumValues_keep_unknown_wire_values_for_validation_to_report()
    {
        EnumValue<PodManagementPolicy> known = PodManagementPolicy.Parallel;
        var unknown = new EnumValue<PodManagementPolicy>("parallel");

        Assert.Equal("Parallel", known.Value);
        Assert.True(known.IsKnown);
        Assert.Equal(PodManagementPolicy.Parallel, known.Known);
        Assert.False(unknown.IsKnown); // wire values are case-sensitive, as in Kubernetes
        Assert.Null(unknown.Known);
        Assert.Equal("parallel", unknown.ToString());
        Assert.NotEqual(known, unknown);
        Assert.Equal(new EnumValue<PodManagementPolicy>("Parallel"), known);
        Assert.Equal(["OrderedReady", "Parallel"], EnumValue<PodManagementPolicy>.SupportedValues);
    }

    [Fact]
    public void RawValues_compare_structurally()
    {
        RawValue Build() => RawValue.FromMap(
        [
            new("list", RawValue.FromList([RawValue.Number(1), RawValue.Boolean(true), RawValue.Null])),
            new("text", RawValue.String("x")),
        ]);

        Assert.Equal(Build(), Build());
        Assert.Equal(Build().GetHashCode(), Build().GetHashCode());
        Assert.NotEqual(RawValue.String("1"), RawValue.Number(1));
        Assert.NotEqual(RawValue.String("true"), RawValue.Boolean(true));
        Assert.Equal(RawValueKind.Map, Build().Kind);
        Assert.Equal("1", Build().Map!["list"].List![0].Scalar);
    }
}
