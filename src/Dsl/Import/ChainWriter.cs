using System.Globalization;
using System.Text;
using StatefulManifests.Model;

namespace StatefulManifests.Import;

/// <summary>
/// Writes a <see cref="DslChain"/> as C#: one call per line, four spaces deeper than the expression it continues,
/// comments on their own lines above the call they explain, builder lambdas nested the same way, and text with line
/// breaks split after each <c>\n</c> into concatenated literals (the compiler folds them back into one constant).
/// </summary>
internal sealed class ChainWriter
{
    private const string Indent = "    ";
    private readonly List<string> lines = [];
    private readonly StringBuilder current = new();

    private ChainWriter(string firstIndent) => current.Append(firstIndent);

    /// <summary>The lines of <paramref name="head"/> followed by <paramref name="chain"/>, then <paramref name="closing"/>.</summary>
    public static IReadOnlyList<string> Write(DslChain chain, string head, string indent, string closing)
    {
        var writer = new ChainWriter(indent);
        writer.current.Append(head);
        writer.WriteItems(chain, indent + Indent);
        writer.current.Append(closing);
        writer.Flush();
        return writer.lines;
    }

    private void WriteItems(DslChain chain, string indent)
    {
        foreach (var item in Ordered(chain))
        {
            if (item is string comment)
            {
                NewLine(indent);
                current.Append("// ").Append(CSharpText.CommentText(comment));
                continue;
            }

            var call = (DslCall)item;
            NewLine(indent);
            current.Append('.').Append(call.Method.Name).Append('(');
            WriteArguments(call, indent);
            current.Append(')');
        }
    }

    // A comment after the last call would swallow the closing parenthesis: trailing comments move above that call.
    private static IEnumerable<object> Ordered(DslChain chain)
    {
        var items = chain.Items.ToList();
        var last = items.FindLastIndex(i => i is DslCall);
        if (last < 0 || last == items.Count - 1)
        {
            return items;
        }

        var trailing = items.Skip(last + 1).ToList();
        return items.Take(last).Concat(trailing).Append(items[last]);
    }

    // Required arguments in order; an optional one is left out when it is the parameter's default and otherwise named
    // (Mount("data", "/data", readOnly: true), Requests(cpu: "1")), except as a method's only argument
    // (.RunAsNonRoot(false)). A params array
    // after a left-out argument is named too, since its items could not stand in that position.
    private void WriteArguments(DslCall call, string indent)
    {
        var parameters = call.Method.GetParameters();
        var skipped = false;
        var first = true;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var arg = call.Args[i];
            var isParams = parameter.IsDefined(typeof(ParamArrayAttribute), false);
            if (arg == DslArg.Default || arg is Array { Length: 0 } && isParams || parameter.HasDefaultValue && IsDefault(arg, parameter.DefaultValue))
            {
                skipped = true;
                continue;
            }

            current.Append(first ? string.Empty : ", ");
            if (isParams && arg is Array array)
            {
                if (skipped)
                {
                    current.Append(CSharpText.Escaped(parameter.Name!)).Append(": new[] { ");
                }

                for (var j = 0; j < array.Length; j++)
                {
                    current.Append(j == 0 ? string.Empty : ", ");
                    WriteValue(array.GetValue(j), indent);
                }

                current.Append(skipped ? " }" : string.Empty);
                first = false;
                continue;
            }

            if (parameter.HasDefaultValue && (!first || skipped || parameters.Length > 1))
            {
                current.Append(CSharpText.Escaped(parameter.Name!)).Append(": ");
            }

            first = false;
            WriteValue(arg, indent);
        }
    }

    private static bool IsDefault(object? arg, object? defaultValue) =>
        arg is Enum member && defaultValue is not null
            ? Convert.ToInt64(member, CultureInfo.InvariantCulture) == Convert.ToInt64(defaultValue, CultureInfo.InvariantCulture)
            : Equals(arg, defaultValue);

    private void WriteValue(object? value, string indent)
    {
        switch (value)
        {
            case null:
                current.Append("null");
                break;
            case string text:
                WriteString(text, indent);
                break;
            case bool flag:
                current.Append(flag ? "true" : "false");
                break;
            case int or long:
                current.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case Enum member:
                current.Append(member.GetType().Name).Append('.').Append(Enum.GetName(member.GetType(), member));
                break;
            case ValueTuple<string, string> pair:
                current.Append('(');
                WriteString(pair.Item1, indent);
                current.Append(", ");
                WriteString(pair.Item2, indent);
                current.Append(')');
                break;
            case RawValue raw:
                WriteRaw(raw, indent);
                break;
            case DslChain chain:
                var parameter = LambdaParameter(chain.BuilderType);
                current.Append(parameter).Append(" => ").Append(parameter);
                WriteItems(chain, indent + Indent);
                break;
            default:
                throw new InvalidOperationException("cannot write a " + value.GetType().Name + " as C#");
        }
    }

    private void WriteString(string text, string indent)
    {
        var parts = SplitLines(text);
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                current.Append(" +");
                NewLine(indent + Indent);
            }

            current.Append(CSharpText.Literal(parts[i]));
        }
    }

    // "a\nb\n" → "a\n", "b\n": each piece ends at a line break, so the C# reads like the text.
    private static List<string> SplitLines(string text)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' && i + 1 < text.Length)
            {
                parts.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }

        parts.Add(text.Substring(start));
        return parts;
    }

    private void WriteRaw(RawValue raw, string indent)
    {
        switch (raw.Kind)
        {
            case RawValueKind.Null:
                current.Append("RawValue.Null");
                break;
            case RawValueKind.Boolean:
                current.Append("RawValue.Boolean(").Append(raw.Scalar).Append(')');
                break;
            case RawValueKind.Number:
                current.Append("RawValue.Number(");
                if (long.TryParse(raw.Scalar, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    current.Append(raw.Scalar);
                }
                else
                {
                    current.Append(CSharpText.Literal(raw.Scalar!));
                }

                current.Append(')');
                break;
            case RawValueKind.String:
                current.Append("RawValue.String(");
                WriteString(raw.Scalar!, indent);
                current.Append(')');
                break;
            case RawValueKind.List:
                current.Append("RawValue.FromList(new[]");
                WriteBlock(raw.List!.Select(item => (Action)(() => WriteRaw(item, indent + Indent))), indent);
                current.Append(')');
                break;
            default:
                current.Append("RawValue.FromMap(ValueMap.Of(");
                WriteEntries(raw.Map!, indent);
                current.Append("))");
                break;
        }
    }

    private void WriteEntries(ValueMap<RawValue> map, string indent)
    {
        var first = true;
        foreach (var entry in map)
        {
            current.Append(first ? string.Empty : ",");
            first = false;
            NewLine(indent + Indent);
            current.Append('(');
            WriteString(entry.Key, indent + Indent);
            current.Append(", ");
            WriteRaw(entry.Value, indent + Indent);
            current.Append(')');
        }

        if (map.Count == 0)
        {
            current.Append("System.Array.Empty<(string, RawValue)>()");
        }
    }

    private void WriteBlock(IEnumerable<Action> items, string indent)
    {
        var any = false;
        foreach (var item in items)
        {
            current.Append(any ? "," : string.Empty);
            if (!any)
            {
                NewLine(indent);
                current.Append('{');
            }

            any = true;
            NewLine(indent + Indent);
            item();
        }

        if (any)
        {
            current.Append(',');
            NewLine(indent);
            current.Append('}');
        }
        else
        {
            // new[] needs an element type when empty.
            current.Length -= "new[]".Length;
            current.Append("System.Array.Empty<RawValue>()");
        }
    }

    private static string LambdaParameter(Type builder) => builder.Name switch
    {
        nameof(ContainerBuilder) => "c",
        nameof(ProbeBuilder) or nameof(PatchBuilder) => "p",
        nameof(VolumeBuilder) or nameof(VolumeClaimBuilder) => "v",
        nameof(ServiceBuilder) or nameof(SecurityContextBuilder) or nameof(PodSecurityContextBuilder) => "s",
        nameof(DisruptionBudgetBuilder) => "b",
        nameof(LifecycleHandlerBuilder) => "h",
        nameof(NodeAffinityBuilder) => "n",
        nameof(PodAffinityBuilder) or nameof(PodAntiAffinityBuilder) => "a",
        nameof(NodeSelectorTermBuilder) or nameof(PodAffinityTermBuilder) or nameof(TopologySpreadBuilder) => "t",
        _ => "x",
    };

    private void NewLine(string indent)
    {
        Flush();
        current.Append(indent);
    }

    private void Flush()
    {
        lines.Add(current.ToString().TrimEnd());
        current.Clear();
    }
}
