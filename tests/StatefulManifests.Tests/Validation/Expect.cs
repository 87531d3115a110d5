using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Tests.Validation;

/// <summary>Assertions on validation results that print every error when they fail.</summary>
internal static class Expect
{
    /// <summary>Validates a StatefulSet alone.</summary>
    public static IReadOnlyList<FieldError> Errors(StatefulSet statefulSet) => WorkloadValidator.Validate(statefulSet);

    /// <summary>Asserts there is no error at all.</summary>
    public static void Valid(IReadOnlyList<FieldError> errors) =>
        Assert.True(errors.Count == 0, "expected no errors, got:\n" + Describe(errors));

    /// <summary>Asserts the StatefulSet validates clean.</summary>
    public static void Valid(StatefulSet statefulSet) => Valid(Errors(statefulSet));

    /// <summary>Asserts there is exactly one error, of this type, at this path, with this message.</summary>
    public static FieldError Only(IReadOnlyList<FieldError> errors, FieldErrorType type, string path, string message)
    {
        Assert.True(errors.Count == 1, "expected exactly one error, got:\n" + Describe(errors));
        AssertError(errors[0], type, path, message);
        return errors[0];
    }

    /// <summary>Asserts the StatefulSet has exactly this one error.</summary>
    public static FieldError Only(StatefulSet statefulSet, FieldErrorType type, string path, string message) =>
        Only(Errors(statefulSet), type, path, message);

    /// <summary>Asserts one of the errors is this one (others may exist).</summary>
    public static FieldError Contains(IReadOnlyList<FieldError> errors, FieldErrorType type, string path, string message)
    {
        var match = errors.FirstOrDefault(e => e.Type == type && e.Path.ToString() == path && e.Message == message);
        Assert.True(match is not null, $"expected {type} at {path}: {message}\ngot:\n" + Describe(errors));
        return match!;
    }

    /// <summary>Asserts the errors are exactly these, in this order.</summary>
    public static void Exactly(IReadOnlyList<FieldError> errors, params (FieldErrorType Type, string Path, string Message)[] expected)
    {
        Assert.True(errors.Count == expected.Length, $"expected {expected.Length} errors, got:\n" + Describe(errors));
        for (var i = 0; i < expected.Length; i++)
        {
            AssertError(errors[i], expected[i].Type, expected[i].Path, expected[i].Message);
        }
    }

    public static string Describe(IReadOnlyList<FieldError> errors) =>
        errors.Count == 0 ? "  (none)" : string.Join("\n", errors.Select(e => "  [" + e.Type + "] " + e));

    private static void AssertError(FieldError error, FieldErrorType type, string path, string message)
    {
        Assert.Equal(type, error.Type);
        Assert.Equal(path, error.Path.ToString());
        Assert.Equal(message, error.Message);
    }
}
