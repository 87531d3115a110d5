namespace StatefulManifests.Validation;

/// <summary>The kind of a validation error, as Kubernetes' <c>field.ErrorType</c>.</summary>
public enum FieldErrorType
{
    /// <summary>A required value is missing (<c>Required value</c>).</summary>
    Required,

    /// <summary>A value is malformed or out of range (<c>Invalid value</c>).</summary>
    Invalid,

    /// <summary>A value is not one of the supported values (<c>Unsupported value</c>).</summary>
    NotSupported,

    /// <summary>A value must be unique and is not (<c>Duplicate value</c>).</summary>
    Duplicate,

    /// <summary>A value is not allowed here (<c>Forbidden</c>).</summary>
    Forbidden,

    /// <summary>A value is longer than allowed (<c>Too long</c>).</summary>
    TooLong,

    /// <summary>A reference points at something that does not exist (<c>Not found</c>).</summary>
    NotFound,
}
