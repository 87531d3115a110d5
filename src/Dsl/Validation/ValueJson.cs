using System.Collections;
using System.Globalization;
using System.Text;
using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Renders complex bad values (label maps, selectors, update strategies ...) as the compact JSON the API server
/// prints in its messages, e.g. <c>spec.template.metadata.labels: Invalid value: {"app":"web"}: ...</c>.
/// Map keys are sorted (as Go's encoder sorts them); unset fields are left out (omitempty). Null-safe for any
/// model shape, because bad values come from bad input.
/// </summary>
internal static class ValueJson
{
    /// <summary>Formats the value as JSON when it is one of the complex shapes the validator reports.</summary>
    public static bool TryFormat(object value, out string json)
    {
        var sb = new StringBuilder();
        if (!TryWrite(sb, value))
        {
            json = string.Empty;
            return false;
        }

        json = sb.ToString();
        return true;
    }

    private static bool TryWrite(StringBuilder sb, object value)
    {
        switch (value)
        {
            case ValueMap<string> map:
                WriteMap(sb, map);
                return true;
            case LabelSelector selector:
                WriteObject(sb, ("matchLabels", selector.MatchLabels), ("matchExpressions", selector.MatchExpressions));
                return true;
            case LabelSelectorRequirement requirement:
                WriteObject(sb, ("key", requirement.Key), ("operator", requirement.Operator), ("values", requirement.Values));
                return true;
            case StatefulSetUpdateStrategy strategy:
                WriteObject(sb, ("type", strategy.Type), ("rollingUpdate", strategy.RollingUpdate));
                return true;
            case RollingUpdateStatefulSetStrategy rollingUpdate:
                WriteObject(sb, ("partition", rollingUpdate.Partition), ("maxUnavailable", rollingUpdate.MaxUnavailable));
                return true;
            case PodDisruptionBudgetSpec budget:
                WriteObject(
                    sb,
                    ("minAvailable", budget.MinAvailable),
                    ("selector", budget.Selector),
                    ("maxUnavailable", budget.MaxUnavailable),
                    ("unhealthyPodEvictionPolicy", budget.UnhealthyPodEvictionPolicy));
                return true;
            case ServicePort port:
                WriteObject(sb, ("name", port.Name), ("protocol", port.Protocol), ("port", port.Port), ("targetPort", port.TargetPort), ("nodePort", port.NodePort));
                return true;
            case SecurityContext context:
                WriteObject(
                    sb,
                    ("capabilities", context.Capabilities),
                    ("privileged", context.Privileged),
                    ("allowPrivilegeEscalation", context.AllowPrivilegeEscalation));
                return true;
            case Capabilities capabilities:
                WriteObject(sb, ("add", capabilities.Add), ("drop", capabilities.Drop));
                return true;
            case SeccompProfile profile:
                WriteObject(sb, ("type", profile.Type), ("localhostProfile", profile.LocalhostProfile));
                return true;
            case PodResourceClaim claim:
                WriteObject(sb, ("name", claim.Name), ("resourceClaimName", claim.ResourceClaimName), ("resourceClaimTemplateName", claim.ResourceClaimTemplateName));
                return true;
            case ContainerResizePolicy resize:
                WriteObject(sb, ("resourceName", resize.ResourceName), ("restartPolicy", resize.RestartPolicy));
                return true;
            case string or IFormattable:
                return false;
            case IEnumerable list:
                sb.Append('[');
                var first = true;
                foreach (var item in list)
                {
                    sb.Append(first ? string.Empty : ",");
                    first = false;
                    WriteValue(sb, item);
                }

                sb.Append(']');
                return true;
            default:
                return false;
        }
    }

    private static void WriteObject(StringBuilder sb, params (string Key, object? Value)[] fields)
    {
        sb.Append('{');
        var first = true;
        foreach (var (key, value) in fields)
        {
            if (value is null)
            {
                continue;
            }

            sb.Append(first ? string.Empty : ",");
            first = false;
            WriteString(sb, key);
            sb.Append(':');
            WriteValue(sb, value);
        }

        sb.Append('}');
    }

    private static void WriteMap(StringBuilder sb, ValueMap<string> map)
    {
        sb.Append('{');
        var first = true;
        foreach (var entry in map.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            sb.Append(first ? string.Empty : ",");
            first = false;
            WriteString(sb, entry.Key);
            sb.Append(':');
            WriteValue(sb, entry.Value);
        }

        sb.Append('}');
    }

    private static void WriteValue(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case string s:
                WriteString(sb, s);
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case IntOrString ios:
                if (ios.IsString)
                {
                    WriteString(sb, ios.StringValue!);
                }
                else
                {
                    sb.Append(ios.IntValue.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case Quantity q:
                WriteString(sb, q.ToString());
                break;
            case IFormattable number:
                sb.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                if (IsEnumValue(value))
                {
                    WriteString(sb, value.ToString() ?? string.Empty);
                }
                else if (!TryWrite(sb, value))
                {
                    WriteString(sb, value.ToString() ?? string.Empty);
                }

                break;
        }
    }

    private static bool IsEnumValue(object value)
    {
        var type = value.GetType();
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EnumValue<>);
    }

    /// <summary>Writes a JSON string as Go's encoder does (HTML-sensitive characters escaped).</summary>
    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (c < ' ' || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
