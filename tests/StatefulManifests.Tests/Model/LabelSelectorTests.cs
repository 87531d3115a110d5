using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Tests.Model;

/// <summary>Label selectors: Kubernetes matching semantics, kubectl -l parsing and canonical text.</summary>
public sealed class LabelSelectorTests
{
    private static readonly LabelSelector WebSelector = new() { MatchLabels = ValueMap.Of(("app", "web")) };

    private static ValueMap<string> Labels(params (string Key, string Value)[] pairs) => ValueMap.Of(pairs);

    private static LabelSelectorRequirement Expr(string key, LabelSelectorOperator op, params string[] values) =>
        new() { Key = key, Operator = op, Values = values.Length == 0 ? null : values.ToValueList() };

    [Fact]
    public void MatchLabels_require_every_pair()
    {
        var selector = new LabelSelector { MatchLabels = ValueMap.Of(("app", "web"), ("tier", "db")) };

        Assert.True(selector.Matches(Labels(("app", "web"), ("tier", "db"), ("extra", "x"))));
        Assert.False(selector.Matches(Labels(("app", "web"))));
        Assert.False(selector.Matches(Labels(("app", "web"), ("tier", "cache"))));
        Assert.False(selector.Matches(Labels()));
    }

    [Fact]
    public void Expressions_follow_Kubernetes_operator_semantics()
    {
        var inSet = new LabelSelector { MatchExpressions = ValueList.Of(Expr("tier", LabelSelectorOperator.In, "a", "b")) };
        var notIn = new LabelSelector { MatchExpressions = ValueList.Of(Expr("env", LabelSelectorOperator.NotIn, "prod")) };
        var exists = new LabelSelector { MatchExpressions = ValueList.Of(Expr("app", LabelSelectorOperator.Exists)) };
        var absent = new LabelSelector { MatchExpressions = ValueList.Of(Expr("legacy", LabelSelectorOperator.DoesNotExist)) };

        Assert.True(inSet.Matches(Labels(("tier", "b"))));
        Assert.False(inSet.Matches(Labels(("tier", "c"))));
        Assert.False(inSet.Matches(Labels()));
        Assert.True(notIn.Matches(Labels(("env", "dev"))));
        Assert.True(notIn.Matches(Labels())); // NotIn also matches when the label is absent
        Assert.False(notIn.Matches(Labels(("env", "prod"))));
        Assert.True(exists.Matches(Labels(("app", string.Empty))));
        Assert.False(exists.Matches(Labels(("other", "x"))));
        Assert.True(absent.Matches(Labels(("app", "x"))));
        Assert.False(absent.Matches(Labels(("legacy", "true"))));
    }

    [Fact]
    public void Empty_selector_matches_everything_and_a_missing_one_nothing()
    {
        var empty = new LabelSelector();
        var emptyCollections = new LabelSelector { MatchLabels = ValueMap<string>.Empty, MatchExpressions = ValueList<LabelSelectorRequirement>.Empty };

        Assert.True(empty.Matches(Labels()));
        Assert.True(empty.Matches(Labels(("anything", "x"))));
        Assert.True(emptyCollections.Matches(Labels(("anything", "x"))));
        Assert.True(LabelSelector.Matches(empty, Labels()));
        Assert.False(LabelSelector.Matches(null, Labels()));
        Assert.False(LabelSelector.Matches(null, Labels(("app", "web"))));
        Assert.Equal(string.Empty, empty.ToSelectorString());
    }

    [Fact]
    public void A_selector_Kubernetes_cannot_convert_matches_nothing_and_says_why()
    {
        var selector = new LabelSelector
        {
            MatchLabels = ValueMap.Of(("app", "my web")),
            MatchExpressions = ValueList.Of(
                new LabelSelectorRequirement { Key = "tier", Operator = new EnumValue<LabelSelectorOperator>("Equals"), Values = ValueList.Of("a") },
                Expr("zone", LabelSelectorOperator.In),
                Expr("bad key", LabelSelectorOperator.Exists, "x")),
        };

        var errors = selector.SelectorErrors(FieldPath.Root("spec").Child("selector")).Select(e => e.ToString()).ToList();

        Assert.False(selector.Matches(Labels(("app", "my web"), ("tier", "a"), ("zone", "z"))));
        Assert.Contains(errors, e => e.StartsWith("spec.selector.matchLabels: Invalid value: \"my web\": a valid label must be", StringComparison.Ordinal));
        Assert.Contains("spec.selector.matchExpressions[0].operator: Unsupported value: \"Equals\": supported values: \"In\", \"NotIn\", \"Exists\", \"DoesNotExist\"", errors);
        Assert.Contains("spec.selector.matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'", errors);
        Assert.Contains("spec.selector.matchExpressions[2].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'", errors);
        Assert.Contains(errors, e => e.StartsWith("spec.selector.matchExpressions[2].key: Invalid value: \"bad key\": name part must consist of", StringComparison.Ordinal));
        Assert.Equal(5, errors.Count);
        Assert.Throws<FormatException>(() => selector.ToSelectorString());
        Assert.Empty(WebSelector.SelectorErrors());
    }

    [Fact]
    public void Parses_the_kubectl_syntax()
    {
        var selector = LabelSelector.Parse("app=web,tier in (b,a),!legacy,env!=prod");

        Assert.Equal(ValueMap.Of(("app", "web")), selector.MatchLabels);
        Assert.Equal(
            ValueList.Of(
                Expr("tier", LabelSelectorOperator.In, "a", "b"),
                Expr("legacy", LabelSelectorOperator.DoesNotExist),
                Expr("env", LabelSelectorOperator.NotIn, "prod")),
            selector.MatchExpressions);
        Assert.True(selector.Matches(Labels(("app", "web"), ("tier", "a"), ("env", "dev"))));
        Assert.True(selector.Matches(Labels(("app", "web"), ("tier", "b"))));
        Assert.False(selector.Matches(Labels(("app", "web"), ("tier", "a"), ("env", "prod"))));
        Assert.False(selector.Matches(Labels(("app", "web"), ("tier", "a"), ("legacy", "yes"))));
        Assert.False(selector.Matches(Labels(("app", "web"), ("tier", "c"))));
        Assert.Equal("app=web,env notin (prod),!legacy,tier in (a,b)", selector.ToSelectorString());
    }

    [Theory]
    [InlineData("key", "key")]
    [InlineData("!key", "!key")]
    [InlineData("a==b", "a=b")]
    [InlineData(" app = web , tier  in  ( x , y ) ", "app=web,tier in (x,y)")]
    [InlineData("x in (b,a,a)", "x in (a,b)")]
    [InlineData("x notin (b,a)", "x notin (a,b)")]
    [InlineData("in in (in),notin notin (notin)", "in in (in),notin notin (notin)")] // keywords are identifiers in key and value positions
    [InlineData("a=", "a=")]
    [InlineData("x in ()", "x in ()")]
    [InlineData("x in (,a)", "x in (,a)")]
    [InlineData("example.com/app=web", "example.com/app=web")]
    [InlineData("b=1,a=2", "a=2,b=1")]
    [InlineData("", "")]
    [InlineData("a=1,a=2", "a=1,a in (2)")] // both requirements kept (they can never both hold)
    [InlineData("a=1,a=1", "a=1")]
    public void Parses_and_prints_canonically(string text, string canonical)
    {
        var selector = LabelSelector.Parse(text);

        Assert.Equal(canonical, selector.ToSelectorString());
        Assert.Equal(canonical, LabelSelector.Parse(canonical).ToSelectorString());
        Assert.Empty(selector.SelectorErrors());
    }

    [Theory]
    [InlineData("a>1", "\"gt\" isn't supported in label selectors")]
    [InlineData("a<1", "\"lt\" isn't supported in label selectors")]
    [InlineData("a in b", "found 'b' expected: '('")]
    [InlineData("a=b c", "found 'c', expected: ',' or 'end of string'")]
    [InlineData("a=b=c", "found '=', expected: ',' or 'end of string'")]
    [InlineData(",a", "found ',', expected: !, identifier, or 'end of string'")]
    [InlineData("a,", "found '', expected: identifier after ','")]
    [InlineData("a in (b", "found '', expected: ',' or ')'")]
    [InlineData("!a=b", "found '=', expected: ',' or 'end of string'")]
    [InlineData("!", "found '', expected: identifier")]
    [InlineData("a (b)", "found '(', expected: in, notin, =, ==, !=, gt, lt")]
    [InlineData("bad/key/x=1", "key: Invalid value: \"bad/key/x\": a qualified name must consist of")]
    [InlineData("Bad_Prefix/x=1", "prefix part a lowercase RFC 1123 subdomain must consist of")]
    [InlineData("a=-bad", "values[0][a]: Invalid value: \"-bad\": a valid label must be an empty string")]
    public void Rejects_bad_selectors_with_apimachinery_messages(string text, string message)
    {
        Assert.False(LabelSelector.TryParse(text, out var result, out var error));
        Assert.Null(result);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.StartsWith("unable to parse selector \"" + text + "\": ", error, StringComparison.Ordinal);
        Assert.Equal(error, Assert.Throws<FormatException>(() => LabelSelector.Parse(text)).Message);
    }

    [Fact]
    public void Canonical_text_sorts_requirements_by_key_and_values_within_them()
    {
        var selector = new LabelSelector
        {
            MatchLabels = ValueMap.Of(("tier", "db"), ("app", "web")),
            MatchExpressions = ValueList.Of(
                Expr("zone", LabelSelectorOperator.Exists),
                Expr("env", LabelSelectorOperator.NotIn, "prod", "dev"),
                Expr("legacy", LabelSelectorOperator.DoesNotExist),
                Expr("app", LabelSelectorOperator.In, "x", "web")),
        };

        // For equal keys the matchLabels requirement comes first (stable order, as apimachinery's small-slice sort).
        Assert.Equal("app=web,app in (web,x),env notin (dev,prod),!legacy,tier=db,zone", selector.ToSelectorString());

        // Values are sorted but, as in apimachinery, not de-duplicated when printing a LabelSelector.
        Assert.Equal("a in (x,x,y)", new LabelSelector { MatchExpressions = ValueList.Of(Expr("a", LabelSelectorOperator.In, "y", "x", "x")) }.ToSelectorString());
    }

    [Fact]
    public void Random_selectors_survive_print_and_parse_with_the_same_meaning()
    {
        var random = new Random(7);
        string[] keys = ["app", "tier", "env", "example.com/zone", "in"];
        string[] values = ["a", "b", "web", "in", string.Empty];
        for (var round = 0; round < 2000; round++)
        {
            var matchLabels = Enumerable.Range(0, random.Next(3))
                .Select(_ => new KeyValuePair<string, string>(keys[random.Next(keys.Length)], values[random.Next(values.Length)]))
                .ToValueMap();
            var expressions = Enumerable.Range(0, random.Next(4)).Select(_ =>
            {
                var op = (LabelSelectorOperator)random.Next(4);
                var vals = op is LabelSelectorOperator.In or LabelSelectorOperator.NotIn
                    ? Enumerable.Range(0, 1 + random.Next(3)).Select(_ => values[random.Next(values.Length)]).Distinct().ToArray()
                    : [];
                return Expr(keys[random.Next(keys.Length)], op, vals);
            }).ToValueList();
            var selector = new LabelSelector { MatchLabels = matchLabels, MatchExpressions = expressions };

            var text = selector.ToSelectorString();
            var reparsed = LabelSelector.Parse(text);

            Assert.Equal(text, reparsed.ToSelectorString());
            for (var probe = 0; probe < 10; probe++)
            {
                var labels = Enumerable.Range(0, random.Next(4))
                    .Select(_ => new KeyValuePair<string, string>(keys[random.Next(keys.Length)], values[random.Next(values.Length)]))
                    .ToValueMap();
                Assert.Equal(selector.Matches(labels), reparsed.Matches(labels));
            }
        }
    }
}
