using System.Globalization;
using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Probes and lifecycle hooks: exactly one handler, non-negative timings, liveness and startup success threshold
/// of 1, no <c>terminationGracePeriodSeconds</c> on readiness probes and a positive one elsewhere, valid ports.
/// Unset timings take their defaults (1 s timeout, 10 s period, thresholds 1 and 3), and an unset HTTP path is
/// defaulted to <c>/</c>, so none of those is reported missing.
/// </summary>
internal static class ProbeRules
{
    /// <summary>A liveness probe.</summary>
    public static void ValidateLiveness(Probe? probe, PodContext pod, FieldPath path) => ValidateWithSuccessThresholdOne(probe, pod, path);

    /// <summary>A startup probe.</summary>
    public static void ValidateStartup(Probe? probe, PodContext pod, FieldPath path) => ValidateWithSuccessThresholdOne(probe, pod, path);

    /// <summary>A readiness probe.</summary>
    public static void ValidateReadiness(Probe? probe, PodContext pod, FieldPath path)
    {
        if (probe is null)
        {
            return;
        }

        ValidateProbe(probe, pod, path);
        if (probe.TerminationGracePeriodSeconds is { } grace)
        {
            pod.Errors.Invalid(path.Child("terminationGracePeriodSeconds"), grace, "must not be set for readinessProbes");
        }
    }

    /// <summary>Lifecycle hooks (postStart, preStop), whose handlers may also be <c>sleep</c>.</summary>
    public static void ValidateLifecycle(Lifecycle lifecycle, PodContext pod, FieldPath path)
    {
        if (lifecycle.PostStart is { } postStart)
        {
            ValidateHandler(postStart.Exec, postStart.HttpGet, postStart.TcpSocket, null, postStart.Sleep, pod, path.Child("postStart"));
        }

        if (lifecycle.PreStop is { } preStop)
        {
            ValidateHandler(preStop.Exec, preStop.HttpGet, preStop.TcpSocket, null, preStop.Sleep, pod, path.Child("preStop"));
        }
    }

    /// <summary><c>ValidatePortNumOrName</c>: a number 1–65535 or an IANA service name.</summary>
    public static void ValidatePortNumberOrName(IntOrString port, FieldPath path, ValidationErrors errors)
    {
        if (port.IsString)
        {
            errors.Invalid(path, port.StringValue, NameRules.IsPortName(port.StringValue!));
        }
        else
        {
            errors.Invalid(path, port.IntValue, NameRules.IsPortNumber(port.IntValue));
        }
    }

    private static void ValidateWithSuccessThresholdOne(Probe? probe, PodContext pod, FieldPath path)
    {
        if (probe is null)
        {
            return;
        }

        ValidateProbe(probe, pod, path);
        if (probe.SuccessThreshold is { } threshold && threshold != 1)
        {
            pod.Errors.Invalid(path.Child("successThreshold"), threshold, "must be 1");
        }
    }

    private static void ValidateProbe(Probe probe, PodContext pod, FieldPath path)
    {
        var errors = pod.Errors;
        ValidateHandler(probe.Exec, probe.HttpGet, probe.TcpSocket, probe.Grpc, null, pod, path);
        ValueRules.NonNegative(errors, path.Child("initialDelaySeconds"), probe.InitialDelaySeconds);
        ValueRules.NonNegative(errors, path.Child("timeoutSeconds"), probe.TimeoutSeconds);
        ValueRules.NonNegative(errors, path.Child("periodSeconds"), probe.PeriodSeconds);
        ValueRules.NonNegative(errors, path.Child("successThreshold"), probe.SuccessThreshold);
        ValueRules.NonNegative(errors, path.Child("failureThreshold"), probe.FailureThreshold);
        if (probe.TerminationGracePeriodSeconds is <= 0)
        {
            errors.Invalid(path.Child("terminationGracePeriodSeconds"), probe.TerminationGracePeriodSeconds.Value, "must be greater than 0");
        }
    }

    private static void ValidateHandler(ExecAction? exec, HTTPGetAction? httpGet, TCPSocketAction? tcpSocket, GRPCAction? grpc, SleepAction? sleep, PodContext pod, FieldPath path)
    {
        var errors = pod.Errors;
        var handlers = new (string Key, object? Handler, Action Validate)[]
        {
            ("exec", exec, () => ValidateExec(exec!, path.Child("exec"), errors)),
            ("httpGet", httpGet, () => ValidateHttpGet(httpGet!, path.Child("httpGet"), errors)),
            ("tcpSocket", tcpSocket, () => ValidatePortNumberOrName(tcpSocket!.Port ?? 0, path.Child("tcpSocket", "port"), errors)),
            ("grpc", grpc, () => ValidatePortNumberOrName(grpc!.Port ?? 0, path.Child("grpc", "port"), errors)),
            ("sleep", sleep, () => ValidateSleep(sleep!, pod, path.Child("sleep"))),
        };

        var count = 0;
        foreach (var (key, handler, validate) in handlers)
        {
            if (handler is null)
            {
                continue;
            }

            if (count++ > 0)
            {
                errors.Forbidden(path.Child(key), "may not specify more than 1 handler type");
            }
            else
            {
                validate();
            }
        }

        if (count == 0)
        {
            errors.Required(path, "must specify a handler type");
        }
    }

    private static void ValidateExec(ExecAction exec, FieldPath path, ValidationErrors errors)
    {
        if (exec.Command is null || exec.Command.Count == 0)
        {
            errors.Required(path.Child("command"));
        }
    }

    private static void ValidateHttpGet(HTTPGetAction httpGet, FieldPath path, ValidationErrors errors)
    {
        // The path is defaulted to "/" when empty, so it is never missing after defaulting.
        ValidatePortNumberOrName(httpGet.Port ?? 0, path.Child("port"), errors);
        ValueRules.KnownOrDefaulted(errors, path.Child("scheme"), httpGet.Scheme, ValueRules.Sorted<UriScheme>());
        foreach (var header in httpGet.HttpHeaders ?? ValueList<HTTPHeader>.Empty)
        {
            var name = header?.Name ?? string.Empty;
            errors.Invalid(path.Child("httpHeaders"), name, NameRules.IsHttpHeaderName(name));
        }
    }

    private static void ValidateSleep(SleepAction sleep, PodContext pod, FieldPath path)
    {
        var seconds = sleep.Seconds ?? 0;
        if (seconds < 0 || seconds > pod.GracePeriod)
        {
            pod.Errors.Invalid(
                path,
                seconds,
                "must be non-negative and less than terminationGracePeriodSeconds (" + pod.GracePeriod.ToString(CultureInfo.InvariantCulture) + ")");
        }
    }
}
